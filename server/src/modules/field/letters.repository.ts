import type { TPermission } from '@techserve/core';
import type { Db } from '../../http/context';

/** The letter's detail row: the letter with its customer, site, request and notice. */
export function letterDetailQuery(db: Db) {
  return db
    .selectFrom('responsibility_letters')
    .innerJoin('customers', 'customers.id', 'responsibility_letters.customer_id')
    .leftJoin('customer_sites', 'customer_sites.id', 'responsibility_letters.site_id')
    .leftJoin('tickets', 'tickets.id', 'responsibility_letters.ticket_id')
    .leftJoin('service_notices', 'service_notices.id', 'responsibility_letters.notice_id')
    .leftJoin('users as approver', 'approver.id', 'responsibility_letters.approved_by')
    .selectAll('responsibility_letters')
    .select([
      'customers.name as customer_name',
      'customer_sites.name as site_name',
      'customer_sites.address as site_address',
      'service_notices.site_address as notice_site_address',
      'customers.address as customer_address',
      'tickets.number as ticket_number',
      'tickets.created_by as ticket_created_by',
      'service_notices.requirements as notice_requirements',
      'service_notices.site_situation as notice_site_situation',
      'service_notices.created_by as notice_author_id',
      'approver.name as approver_name',
    ]);
}
export type LetterDetailRow = NonNullable<Awaited<ReturnType<ReturnType<typeof letterDetailQuery>['executeTakeFirst']>>>;

export type EngineerRow = {
  letter_id: number;
  user_id: number;
  is_lead: number;
  name: string;
  phone: string | null;
  level_name: string | null;
};

export async function engineersOfLetters(db: Db, letterIds: number[]): Promise<Map<number, EngineerRow[]>> {
  const map = new Map<number, EngineerRow[]>();
  if (letterIds.length === 0) return map;
  const rows = await db
    .selectFrom('letter_engineers')
    .innerJoin('users', 'users.id', 'letter_engineers.user_id')
    .leftJoin('engineer_levels', 'engineer_levels.id', 'users.level_id')
    .select([
      'letter_engineers.letter_id',
      'letter_engineers.user_id',
      'letter_engineers.is_lead',
      'users.name',
      'users.phone',
      'engineer_levels.name as level_name',
    ])
    .where('letter_engineers.letter_id', 'in', letterIds)
    .orderBy('letter_engineers.is_lead', 'desc')
    .orderBy('users.name')
    .execute();
  for (const r of rows) map.set(r.letter_id, [...(map.get(r.letter_id) ?? []), r]);
  return map;
}

export function appointmentHistory(db: Db, letterId: number) {
  return db
    .selectFrom('letter_appointment_changes')
    .innerJoin('users', 'users.id', 'letter_appointment_changes.changed_by')
    .selectAll('letter_appointment_changes')
    .select('users.name as changed_by_name')
    .where('letter_id', '=', letterId)
    .orderBy('letter_appointment_changes.id')
    .execute();
}

/** Active users whose role does field work (FS-2's pool of engineers); staff roles only, never customers. */
export async function fieldWorkers(db: Db, only?: number[]) {
  const roles = await db.selectFrom('roles').select(['id', 'permissions', 'scope']).execute();
  const roleIds = roles
    .filter((r) => r.scope !== 'company' && r.scope !== 'site' && (JSON.parse(r.permissions) as TPermission[]).includes('field.work'))
    .map((r) => r.id);
  if (roleIds.length === 0) return [];
  let q = db
    .selectFrom('users')
    .leftJoin('engineer_levels', 'engineer_levels.id', 'users.level_id')
    .select(['users.id', 'users.name', 'users.team_id', 'users.level_id', 'engineer_levels.level', 'engineer_levels.name as level_name'])
    .where('users.status', '=', 'active')
    .where('users.role_id', 'in', roleIds);
  if (only) q = q.where('users.id', 'in', only.length ? only : [0]);
  return q.orderBy('users.id').execute();
}

/** Letters still in the engineer's hands (not yet returned), for load counts. */
export const ACTIVE_LETTER_STATUSES = ['draft', 'submitted', 'approved', 'on_site', 'return_requested'];

/** The department a letter belongs to (its approver's department). */
export async function letterDepartment(db: Db, letterId: number): Promise<number | null> {
  const row = await db.selectFrom('responsibility_letters').select('department_id').where('id', '=', letterId).executeTakeFirst();
  return row?.department_id ?? null;
}

/** HO-1 (set-based): the letters still in these engineers' hands, for a handover and the disable guard. */
export function activeLettersOf(db: Db, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('letter_engineers')
    .innerJoin('responsibility_letters as l', 'l.id', 'letter_engineers.letter_id')
    .select(['l.id', 'l.title', 'l.status', 'l.version', 'letter_engineers.user_id', 'letter_engineers.is_lead'])
    .where('letter_engineers.user_id', 'in', userIds)
    .where('l.status', 'in', ACTIVE_LETTER_STATUSES)
    .orderBy('l.id')
    .execute();
}
