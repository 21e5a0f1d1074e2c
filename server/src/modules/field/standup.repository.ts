import { OPEN_TICKET_STATES, type TLetterStatus } from '@techserve/core';
import type { Insertable, Updateable } from 'kysely';
import type { DB } from '../../db/schema';
import type { Db } from '../../http/context';

// FS-11 the daily stand-up: its queries (queries only in repositories, issue 13 item 2).

/** FS-11: the open requests assigned to these users. */
export function openTicketsOf(db: Db, userIds: number[]) {
  return db
    .selectFrom('tickets')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .select(['tickets.id', 'tickets.number', 'tickets.title', 'tickets.state', 'tickets.assignee_id', 'customers.name as customer_name'])
    .where('tickets.assignee_id', 'in', userIds)
    .where('tickets.state', 'in', [...OPEN_TICKET_STATES])
    .orderBy('tickets.id')
    .execute();
}

/** FS-11: these users' letters in the given (on-site) statuses. */
export function onSiteLettersOf(db: Db, userIds: number[], statuses: TLetterStatus[]) {
  return db
    .selectFrom('letter_engineers')
    .innerJoin('responsibility_letters as rl', 'rl.id', 'letter_engineers.letter_id')
    .innerJoin('customers', 'customers.id', 'rl.customer_id')
    .select(['letter_engineers.user_id', 'rl.id', 'rl.status', 'customers.name as customer_name'])
    .where('letter_engineers.user_id', 'in', userIds)
    .where('rl.status', 'in', statuses)
    .orderBy('rl.id')
    .execute();
}

const planQuery = (db: Db) =>
  db
    .selectFrom('standup_plans')
    .innerJoin('users', 'users.id', 'standup_plans.updated_by')
    .selectAll('standup_plans')
    .select('users.name as updated_by_name');

/** FS-11: these users' plans for a day, with who wrote them last. */
export function plansOf(db: Db, userIds: number[], date: string) {
  return planQuery(db).where('standup_plans.user_id', 'in', userIds).where('standup_plans.date', '=', date).execute();
}

/** FS-11: a user's plan for a day (it exists), with who wrote it last. */
export function planOf(db: Db, userId: number, date: string) {
  return planQuery(db).where('standup_plans.user_id', '=', userId).where('standup_plans.date', '=', date).executeTakeFirstOrThrow();
}

/** FS-11: a user with their team's lead and deputy. */
export function userWithTeamLeads(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select(['users.id', 'users.department_id', 'users.team_id', 'teams.lead_id', 'teams.deputy_id'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export function planRow(db: Db, userId: number, date: string) {
  return db.selectFrom('standup_plans').selectAll().where('user_id', '=', userId).where('date', '=', date).executeTakeFirst();
}

export async function updatePlanAtVersion(db: Db, id: number, version: number, set: Updateable<DB['standup_plans']>) {
  await db.updateTable('standup_plans').set(set).where('id', '=', id).where('version', '=', version).execute();
}

export async function insertPlan(db: Db, row: Insertable<DB['standup_plans']>) {
  await db.insertInto('standup_plans').values(row).execute();
}
