import {
  type AssignmentCandidate,
  type AssignmentResult,
  OPEN_TICKET_STATES,
  type TPermission,
  assignmentShortlist,
  chooseAssignee,
} from '@techserve/core';
import { sql } from 'kysely';
import { dialectOf } from '../../db/database';
import type { Db } from '../../http/context';
import { grantedLeave } from '../leave/leave.repository';

/** Users whose role lets them work on requests (SR-4's pool), optionally only tier-2 engineers (SR-6). */
async function workers(db: Db, opts: { tier2?: boolean; only?: number[] }) {
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
async function productWords(db: Db, productId: number | null): Promise<string[]> {
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
async function openLoads(db: Db) {
  const states = sql.join(OPEN_TICKET_STATES.map((s) => sql.lit(s)));
  const indexed = dialectOf(db) === 'sqlite' ? sql`indexed by tickets_open_assignee_idx` : sql``;
  const { rows } = await sql<{ assignee_id: number; n: number | string }>`
    select assignee_id, count(*) as n from tickets ${indexed}
    where state in (${states}) and assignee_id is not null group by assignee_id`.execute(db);
  return rows;
}

/** Engineers away on an approved trip (TR-1) that day, its approved extension included. */
function travellers(db: Db, day: string) {
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

type AssignFacts = {
  productId: number | null;
  regionId: number | null;
  policyVersion: number | null;
  tier2?: boolean;
  exclude?: number[];
  /** Assignments decided but not yet written (earlier requests of the same batched create): they count as load and as the latest assignment. */
  pending?: ReadonlyArray<{ userId: number; at: number }>;
  /** The company-local day: engineers away on an approved trip or on approved leave that day are not available. */
  today?: string;
  /** SR-6's fallback: an engineer on a trip still counts as available (reachable by phone, AT-2); leave never does. */
  travellingAvailable?: boolean;
};

/**
 * What SR-4 reads, memoised for the requests of one batched create (same moment, same transaction state): the
 * pool, open loads and trips once, a product's experts and skilled engineers and a region's engineers once each.
 * The batch's own choices are added as `pending`, never written into these.
 */
export class AssignmentReads {
  readonly #memo = new Map<string, Promise<unknown>>();
  constructor(private readonly db: Db) {}

  #once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.#memo.has(key)) this.#memo.set(key, load());
    return this.#memo.get(key) as Promise<T>;
  }

  pool(tier2: boolean) {
    return this.#once(`pool:${tier2}`, () => workers(this.db, { tier2 }));
  }
  loads() {
    return this.#once('loads', async () => new Map((await openLoads(this.db)).map((l) => [l.assignee_id, Number(l.n)])));
  }
  /** Why each engineer away on a trip that day is (TR-1). */
  away(day: string | undefined) {
    return this.#once(
      `away:${day}`,
      async () => new Map((day ? await travellers(this.db, day) : []).map((a) => [a.user_id, `出差 trip ${a.start_date}–${a.end_date}`])),
    );
  }
  /** Why each engineer on approved leave that day is (RS-4/AT-4). */
  onLeave(day: string | undefined) {
    return this.#once(
      `leave:${day}`,
      async () =>
        new Map(
          (day ? await grantedLeave(this.db, null, day, day) : []).map((l) => [
            l.user_id,
            `请假 leave #${l.id} ${l.start_date}–${l.end_date}`,
          ]),
        ),
    );
  }
  experts(productId: number | null) {
    return this.#once(
      `experts:${productId}`,
      async () =>
        new Map(
          (productId
            ? await this.db.selectFrom('product_experts').select(['user_id', 'rank']).where('product_id', '=', productId).execute()
            : []
          )
            // Stored from 1 (the first expert); core counts from 0 (issue 12 item 15: the first was named 第 2 位).
            .map((e) => [e.user_id, e.rank - 1]),
        ),
    );
  }
  /** Skills matter only for a request naming a product; read whole (a few per engineer), matched here. */
  skilled(productId: number | null) {
    return this.#once(`skilled:${productId}`, async () => {
      const words = await productWords(this.db, productId);
      const skills = words.length ? await this.db.selectFrom('user_skills').select(['user_id', 'skill']).execute() : [];
      return new Set(
        skills
          .filter((s) => words.some((w) => w.includes(s.skill.toLowerCase()) || s.skill.toLowerCase().includes(w)))
          .map((s) => s.user_id),
      );
    });
  }
  inRegion(regionId: number | null) {
    return this.#once(
      `region:${regionId}`,
      async () =>
        new Set(
          (regionId ? await this.db.selectFrom('user_regions').select('user_id').where('region_id', '=', regionId).execute() : []).map(
            (r) => r.user_id,
          ),
        ),
    );
  }
}

/**
 * SR-4: gather the facts for every engineer who could take the request and let core choose. Engineers on approved
 * leave (RS-4) or away on an approved trip (TR-1) that day are not available. `reads` shares what was read between
 * the requests of one batch.
 */
export async function autoAssign(db: Db, t: AssignFacts, reads = new AssignmentReads(db)): Promise<AssignmentResult> {
  const [workerPool, baseLoad, onTrip, onLeave, rank, skilled, inRegion] = await Promise.all([
    reads.pool(Boolean(t.tier2)),
    reads.loads(),
    reads.away(t.travellingAvailable ? undefined : t.today),
    reads.onLeave(t.today),
    reads.experts(t.productId),
    reads.skilled(t.productId),
    reads.inRegion(t.regionId),
  ]);
  const pool = workerPool.filter((u) => !t.exclude?.includes(u.id));
  const load = new Map(baseLoad);
  for (const p of t.pending ?? []) load.set(p.userId, (load.get(p.userId) ?? 0) + 1);
  const candidates: AssignmentCandidate[] = pool.map((u) => {
    const away = onLeave.get(u.id) ?? onTrip.get(u.id) ?? null;
    return {
      userId: u.id,
      name: u.name,
      expertRank: rank.get(u.id) ?? null,
      hasSkill: skilled.has(u.id),
      inRegion: inRegion.has(u.id),
      openLoad: load.get(u.id) ?? 0,
      available: away === null,
      unavailableReason: away,
      lastAssignedAt: null,
    };
  });
  // Round robin needs the last assignment of the engineers tying with the leader only (and of those the
  // explanation names): a few index seeks instead of one per engineer.
  const opts = { policyVersion: t.policyVersion };
  const lastAt = await lastAssignments(db, assignmentShortlist(candidates, opts));
  for (const p of t.pending ?? []) lastAt.set(p.userId, Math.max(lastAt.get(p.userId) ?? 0, p.at));
  for (const c of candidates) c.lastAssignedAt = lastAt.get(c.userId) ?? null;
  return chooseAssignee(candidates, opts);
}

/** When each engineer last received a request: one index seek each (tickets_assignee_assigned_idx). */
async function lastAssignments(db: Db, userIds: number[]): Promise<Map<number, number>> {
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

/** Whether a user may be given requests (manual assignment checks the same pool). */
export async function isWorker(db: Db, userId: number): Promise<boolean> {
  return (await workers(db, { only: [userId] })).length > 0;
}
