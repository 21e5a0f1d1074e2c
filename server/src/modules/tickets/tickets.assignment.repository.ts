import { OPEN_TICKET_STATES, type TPermission } from '@techserve/core';
import { sql } from 'kysely';
import { dialectOf } from '../../db/database';
import type { Db } from '../../http/context';

// What SR-4's automatic assignment reads: the pool, loads, trips, experts, skills, regions, last assignments.

/** Users whose role lets them work on requests (SR-4's pool), optionally only tier-2 engineers (SR-6). */
export async function workers(db: Db, opts: { tier2?: boolean; only?: number[] }) {
  const roles = await db.selectFrom('roles').select(['id', 'permissions', 'scope']).execute();
  const roleIds = roles
    .filter((r) => r.scope !== 'company' && r.scope !== 'site' && (JSON.parse(r.permissions) as TPermission[]).includes('tickets.work'))
    .map((r) => r.id);
  if (roleIds.length === 0) return [];
  let q = db
    .selectFrom('users')
    .select(['users.id', 'users.name'])
    .where('users.status', '=', 'active')
    .where('users.role_id', 'in', roleIds);
  if (opts.only) q = q.where('users.id', 'in', opts.only.length ? opts.only : [0]);
  // ORG-1: tier 2 (二线) is the engineer's own property, set on the user.
  if (opts.tier2) q = q.where('users.tier', '=', 2);
  return q.orderBy('users.id').execute();
}

/** Lower-cased names a skill may match for a product: its name, model, code and product line's name. */
export async function productWords(db: Db, productId: number | null): Promise<string[]> {
  if (!productId) return [];
  const p = await db
    .selectFrom('products')
    .innerJoin('product_lines', 'product_lines.id', 'products.product_line_id')
    .select(['products.name', 'products.model', 'products.code', 'product_lines.name as line'])
    .where('products.id', '=', productId)
    .executeTakeFirst();
  return p ? [p.name, p.model, p.code, p.line].filter((x): x is string => Boolean(x)).map((x) => x.toLowerCase()) : [];
}

/**
 * Everyone's open requests, through the partial index of open requests (migration 0013): a few thousand index
 * entries at a million requests. The states are literals so the planners can match the index's condition, and
 * SQLite is told the index (without statistics it would read the state index and every row).
 */
export async function openLoads(db: Db) {
  const states = sql.join(OPEN_TICKET_STATES.map((s) => sql.lit(s)));
  const indexed = dialectOf(db) === 'sqlite' ? sql`indexed by tickets_open_assignee_idx` : sql``;
  const { rows } = await sql<{ assignee_id: number; n: number | string }>`
    select assignee_id, count(*) as n from tickets ${indexed}
    where state in (${states}) and assignee_id is not null group by assignee_id`.execute(db);
  return rows;
}

/** Engineers away on an approved trip (TR-1) that day, its approved extension included. */
export function travellers(db: Db, day: string) {
  return db
    .selectFrom('travel_requests')
    .select([
      'user_id',
      'start_date',
      sql<string>`case when extension_status = 'approved' and extension_end_date > end_date then extension_end_date else end_date end`.as(
        'end_date',
      ),
    ])
    .where('status', '=', 'approved')
    .where('start_date', '<=', day)
    .where((eb) =>
      eb.or([eb('end_date', '>=', day), eb.and([eb('extension_status', '=', 'approved'), eb('extension_end_date', '>=', day)])]),
    )
    .execute();
}

/** ORG-3: the product's experts with their stored rank (1 = the first expert). */
export function productExperts(db: Db, productId: number) {
  return db.selectFrom('product_experts').select(['user_id', 'rank']).where('product_id', '=', productId).execute();
}

/** Every engineer's skills (a few each), matched against a product's words by the caller. */
export function allSkills(db: Db) {
  return db.selectFrom('user_skills').select(['user_id', 'skill']).execute();
}

/** ORG-4: the engineers responsible for a region. */
export function regionEngineers(db: Db, regionId: number) {
  return db.selectFrom('user_regions').select('user_id').where('region_id', '=', regionId).execute();
}

/** When each engineer last received a request: one index seek each (tickets_assignee_assigned_idx). */
export async function lastAssignments(db: Db, userIds: number[]): Promise<Map<number, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select([
      'users.id',
      (eb) =>
        eb
          .selectFrom('tickets')
          .select((t) => t.fn.max('tickets.assigned_at').as('at'))
          .whereRef('tickets.assignee_id', '=', 'users.id')
          .as('at'),
    ])
    .where('users.id', 'in', userIds)
    .execute();
  return new Map(rows.flatMap((r) => (r.at ? [[r.id, Date.parse(String(r.at))] as const] : [])));
}
