import type { TLetterStatus } from '@techserve/core';
import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema';
import type { Db } from '../../http/context';

// The engineer's calendar feed (FS-5): its tokens and appointments (queries only in repositories, issue 13 item 2).

export function feedTokenOf(db: Db, userId: number) {
  return db.selectFrom('schedule_feed_tokens').select('created_at').where('user_id', '=', userId).executeTakeFirst();
}

export async function deleteFeedToken(db: Db, userId: number) {
  await db.deleteFrom('schedule_feed_tokens').where('user_id', '=', userId).execute();
}

export async function insertFeedToken(db: Db, row: Insertable<DB['schedule_feed_tokens']>) {
  await db.insertInto('schedule_feed_tokens').values(row).execute();
}

/** The user a feed token (by its hash) belongs to. */
export function feedOwner(db: Db, tokenHash: string) {
  return db
    .selectFrom('schedule_feed_tokens')
    .innerJoin('users', 'users.id', 'schedule_feed_tokens.user_id')
    .select(['users.id', 'users.name', 'users.status'])
    .where('schedule_feed_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** The appointments of the user's letters in these statuses, in time order. */
export function feedLetters(db: Db, userId: number, statuses: TLetterStatus[]) {
  return db
    .selectFrom('letter_engineers')
    .innerJoin('responsibility_letters as rl', 'rl.id', 'letter_engineers.letter_id')
    .innerJoin('customers', 'customers.id', 'rl.customer_id')
    .leftJoin('customer_sites', 'customer_sites.id', 'rl.site_id')
    .leftJoin('service_notices', 'service_notices.id', 'rl.notice_id')
    .leftJoin('tickets', 'tickets.id', 'rl.ticket_id')
    .select([
      'rl.id',
      'rl.title',
      'rl.status',
      'rl.appointment_at',
      'rl.estimated_minutes',
      'rl.updated_at',
      'rl.version',
      'customers.name as customer_name',
      'customers.address as customer_address',
      'customer_sites.name as site_name',
      'customer_sites.address as site_address',
      'service_notices.site_address as notice_address',
      'tickets.number as ticket_number',
    ])
    .where('letter_engineers.user_id', '=', userId)
    .where('rl.appointment_at', 'is not', null)
    .where('rl.status', 'in', statuses)
    .orderBy('rl.appointment_at')
    .execute();
}
