import { createHash, randomBytes } from 'node:crypto';
import type { TLetterStatus } from '@techserve/core';
import ical from 'ical-generator';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { notFound } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { endOf } from './field.dates';
import { letterNumber } from './letters.service';

// A personal iCalendar feed of the user's letter appointments. The secret token is shown once; only its sha256 is
// stored, so a leaked database does not leak feeds. Rotating replaces the token (the old URL stops working).

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const FEED_STATUSES: TLetterStatus[] = ['draft', 'submitted', 'approved', 'on_site', 'return_requested', 'returned', 'confirmed', 'booked'];
export const feedPath = (token: string) => `/api/v1/field/schedule/${token}.ics`;

export async function feedInfo(ctx: Ctx) {
  const row = await ctx.db.selectFrom('schedule_feed_tokens').select('created_at').where('user_id', '=', ctx.actor.id).executeTakeFirst();
  return { active: Boolean(row), createdAt: row?.created_at ?? null };
}

export async function rotateFeed(ctx: Ctx) {
  const token = randomBytes(24).toString('base64url');
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await db.deleteFrom('schedule_feed_tokens').where('user_id', '=', ctx.actor.id).execute();
    await db
      .insertInto('schedule_feed_tokens')
      .values({ user_id: ctx.actor.id, token_hash: hashOf(token), created_at: at })
      .execute();
    await recordAudit(db, ctx, { action: 'schedule_feed.rotate', entity: 'user', entityId: ctx.actor.id });
  });
  return { token, path: feedPath(token) };
}

export async function revokeFeed(ctx: Ctx) {
  await ctx.db.transaction().execute(async (db) => {
    await db.deleteFrom('schedule_feed_tokens').where('user_id', '=', ctx.actor.id).execute();
    await recordAudit(db, ctx, { action: 'schedule_feed.revoke', entity: 'user', entityId: ctx.actor.id });
  });
}

/** The feed of a token ('<token>.ics' or '<token>'): one VEVENT per appointment of the user's letters; 404 for an unknown token. */
export async function feedCalendar(db: Db, file: string): Promise<string> {
  const token = file.endsWith('.ics') ? file.slice(0, -4) : file;
  const owner = await db
    .selectFrom('schedule_feed_tokens')
    .innerJoin('users', 'users.id', 'schedule_feed_tokens.user_id')
    .select(['users.id', 'users.name', 'users.status'])
    .where('schedule_feed_tokens.token_hash', '=', hashOf(token))
    .executeTakeFirst();
  if (!owner || owner.status !== 'active') throw notFound('Schedule feed');
  const letters = await db
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
    .where('letter_engineers.user_id', '=', owner.id)
    .where('rl.appointment_at', 'is not', null)
    .where('rl.status', 'in', FEED_STATUSES)
    .orderBy('rl.appointment_at')
    .execute();
  const cal = ical({ name: `TechServe · ${owner.name}`, prodId: { company: 'TechServe', product: 'field-schedule', language: 'ZH' } });
  for (const l of letters) {
    const start = l.appointment_at as string;
    cal.createEvent({
      id: `letter-${l.id}@techserve`,
      start: new Date(start),
      end: new Date(endOf(start, l.estimated_minutes)),
      stamp: new Date(l.updated_at),
      // The letter's version grows with every change (a re-booked appointment, FS-5): calendars replace the event.
      sequence: l.version,
      summary: `${l.customer_name} ${l.ticket_number ?? letterNumber(l.id)}`,
      location: [l.site_name, l.site_address ?? l.notice_address ?? l.customer_address].filter(Boolean).join(' ') || null,
      description: `${letterNumber(l.id)} · ${l.title}`,
    });
  }
  return cal.toString();
}
