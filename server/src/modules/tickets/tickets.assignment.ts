import {
  type AssignmentCandidate,
  type AssignmentOptions,
  type AssignmentResult,
  type TPolicy,
  type TPriority,
  assignmentCap,
  assignmentShortlist,
  chooseAssignee,
} from '@techserve/core';
import type { Db } from '../../http/context';
import { grantedLeave } from '../leave/leave.repository';
import {
  allSkills,
  lastAssignments,
  openLoads,
  productExperts,
  productWords,
  regionEngineers,
  travellers,
  workers,
} from './tickets.assignment.repository';

type AssignFacts = {
  productId: number | null;
  regionId: number | null;
  policyVersion: number | null;
  /** SR-4/SR-5: the policy's open-load cap and the request's priority (a P1 may go above the cap). */
  cap?: { assignment: TPolicy['sla']['assignment']; priority: TPriority };
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
          (productId ? await productExperts(this.db, productId) : [])
            // Stored from 1 (the first expert); core counts from 0 (issue 12 item 15: the first was named 第 2 位).
            .map((e) => [e.user_id, e.rank - 1]),
        ),
    );
  }
  /** Skills matter only for a request naming a product; read whole (a few per engineer), matched here. */
  skilled(productId: number | null) {
    return this.#once(`skilled:${productId}`, async () => {
      const words = await productWords(this.db, productId);
      const skills = words.length ? await allSkills(this.db) : [];
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
      async () => new Set((regionId ? await regionEngineers(this.db, regionId) : []).map((r) => r.user_id)),
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
  const opts: AssignmentOptions = { policyVersion: t.policyVersion };
  if (t.cap) Object.assign(opts, assignmentCap(t.cap.assignment, t.cap.priority));
  const lastAt = await lastAssignments(db, assignmentShortlist(candidates, opts));
  for (const p of t.pending ?? []) lastAt.set(p.userId, Math.max(lastAt.get(p.userId) ?? 0, p.at));
  for (const c of candidates) c.lastAssignedAt = lastAt.get(c.userId) ?? null;
  return chooseAssignee(candidates, opts);
}

/** Whether a user may be given requests (manual assignment checks the same pool). */
export async function isWorker(db: Db, userId: number): Promise<boolean> {
  return (await workers(db, { only: [userId] })).length > 0;
}
