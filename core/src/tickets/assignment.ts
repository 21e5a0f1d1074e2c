import { explain, type TExplanation } from '../explanation';

/** One engineer who could take a service request, with the facts SR-4 ranks by. */
export interface AssignmentCandidate {
  userId: number;
  name: string;
  /** ORG-3: position in the product's expert list (0 = first expert), null when not an expert of the product. */
  expertRank: number | null;
  /** Has a skill matching the request's product or product line. */
  hasSkill: boolean;
  /** Responsible for the site's region (ORG-4). */
  inRegion: boolean;
  /** Open (not resolved/closed/cancelled) requests assigned now. */
  openLoad: number;
  /** False when on leave or travelling at the moment (reason given). */
  available: boolean;
  unavailableReason?: string | null;
  /** Epoch ms of the last assignment received, null if never; round robin among equals. */
  lastAssignedAt: number | null;
}

/** The engineer SR-4 picks, the order of all available candidates, and why. */
export interface AssignmentResult {
  /** Null when nobody is available. */
  userId: number | null;
  /** Available candidates in order, the chosen one first. */
  ranked: Array<{ userId: number; tier: number; openLoad: number }>;
  explanation: TExplanation;
}

export interface AssignmentOptions {
  /** Candidates with this many open requests or more go after everyone else; null or absent: no cap. */
  maxOpenLoad?: number | null;
  /** SR-5: the cap the policy sets but does not apply to this request's priority (see assignmentCap), for the explanation. */
  capWaived?: { priority: string; cap: number } | null;
  policyVersion: number | null;
}

const TIER_TEXT: Record<number, { zh: string; en: string }> = {
  1: { zh: '本产品专家且负责该区域', en: 'a product expert responsible for the region' },
  2: { zh: '本产品专家（非本区域）', en: 'a product expert outside the region' },
  3: { zh: '具备相关技能且负责该区域', en: 'skilled in the product and responsible for the region' },
  4: { zh: '具备相关技能（非本区域）', en: 'skilled in the product, outside the region' },
  5: { zh: '仅负责该区域', en: 'responsible for the region only' },
  6: { zh: '无产品、技能或区域匹配', en: 'no product, skill or region match' },
};

/** 1 = product expert in the region, 2 = expert elsewhere, 3 = skill in the region, 4 = skill elsewhere, 5 = region only, 6 = anyone. */
function tierOf(c: AssignmentCandidate): number {
  if (c.expertRank != null) return c.inRegion ? 1 : 2;
  if (c.hasSkill) return c.inRegion ? 3 : 4;
  return c.inRegion ? 5 : 6;
}

interface Ranked {
  c: AssignmentCandidate;
  tier: number;
  overloaded: boolean;
}

type TDecider = 'load cap' | 'tier' | 'expert rank' | 'open load' | 'round robin' | 'user id';

// SR-4 order, each key deciding only when all before it tie:
//   1. below the load cap before at or above it (when maxOpenLoad is set),
//   2. tier ascending (see tierOf),
//   3. expertRank ascending (only experts are in tiers 1 and 2, so it never compares an expert with a non-expert),
//   4. openLoad ascending,
//   5. lastAssignedAt ascending, never assigned (null) first — round robin among equals,
//   6. userId ascending, so the order is total and the result never depends on the input order.
// Returns the first key that differs and its sign.
function compare(a: Ranked, b: Ranked): [number, TDecider] {
  return compareBeforeRoundRobin(a, b) ?? compareRoundRobin(a, b);
}

/** Keys 1–4; null when they all tie. */
function compareBeforeRoundRobin(a: Ranked, b: Ranked): [number, TDecider] | null {
  if (a.overloaded !== b.overloaded) return [a.overloaded ? 1 : -1, 'load cap'];
  if (a.tier !== b.tier) return [a.tier - b.tier, 'tier'];
  const rankA = a.c.expertRank ?? Number.POSITIVE_INFINITY;
  const rankB = b.c.expertRank ?? Number.POSITIVE_INFINITY;
  if (rankA !== rankB) return [rankA < rankB ? -1 : 1, 'expert rank'];
  if (a.c.openLoad !== b.c.openLoad) return [a.c.openLoad - b.c.openLoad, 'open load'];
  return null;
}

/** Keys 5 and 6. */
function compareRoundRobin(a: Ranked, b: Ranked): [number, TDecider] {
  const lastA = a.c.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
  const lastB = b.c.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
  if (lastA !== lastB) return [lastA < lastB ? -1 : 1, 'round robin'];
  return [a.c.userId - b.c.userId, 'user id'];
}

const who = (c: AssignmentCandidate): string => `${c.name}（#${c.userId}）`;
const whoEn = (c: AssignmentCandidate): string => `${c.name} (#${c.userId})`;

/** Why the winner goes before the runner-up, in both languages. */
function decidingText(first: Ranked, second: Ranked | undefined, cap: number | null): { zh: string; en: string } {
  if (second === undefined) return { zh: '唯一可用的工程师', en: 'the only available engineer' };
  const s = second.c;
  switch (compare(first, second)[1]) {
    case 'load cap':
      return {
        zh: `${who(s)} 未结工单已达上限 ${cap}`,
        en: `${whoEn(s)} is at the open-request cap of ${cap}`,
      };
    case 'tier':
      return {
        zh: `匹配级别高于 ${who(s)}（第 ${second.tier} 级）`,
        en: `a better tier than ${whoEn(s)} (tier ${second.tier})`,
      };
    case 'expert rank':
      return {
        zh: `专家名单中排在 ${who(s)}（第 ${(s.expertRank ?? 0) + 1} 位）之前`,
        en: `ahead of ${whoEn(s)} (expert #${(s.expertRank ?? 0) + 1}) in the expert list`,
      };
    case 'open load':
      return {
        zh: `同级中未结工单最少（${who(s)} ${s.openLoad} 件）`,
        en: `the fewest open requests in the tier (${whoEn(s)} has ${s.openLoad})`,
      };
    case 'round robin':
      return first.c.lastAssignedAt == null
        ? { zh: `轮询：同级同负载中从未被分配过（${who(s)} 已被分配过）`, en: `round robin: never assigned before, unlike ${whoEn(s)}` }
        : { zh: `轮询：同级同负载中最久未被分配（先于 ${who(s)}）`, en: `round robin: assigned longer ago than ${whoEn(s)}` };
    case 'user id':
      return {
        zh: `与 ${who(s)} 各项相同，按用户编号`,
        en: `tied with ${whoEn(s)} on everything else, lower user id`,
      };
  }
}

/**
 * How many candidates an explanation names: the first of the ranking and the first unavailable ones by user id.
 * A department of 2,000 engineers would otherwise write every engineer's facts into each request's timeline.
 */
export const EXPLAINED_CANDIDATES = 10;

const rank = (candidates: readonly AssignmentCandidate[], cap: number | null, order: (a: Ranked, b: Ranked) => number): Ranked[] =>
  candidates
    .filter((c) => c.available)
    .map((c): Ranked => ({ c, tier: tierOf(c), overloaded: cap != null && c.openLoad >= cap }))
    .sort(order);

function checkCandidates(candidates: readonly AssignmentCandidate[], cap: number | null) {
  if (cap != null && !(cap >= 0)) throw new RangeError(`maxOpenLoad must be zero or more, got ${cap}`);
  if (new Set(candidates.map((c) => c.userId)).size !== candidates.length) {
    throw new RangeError('each candidate must appear once');
  }
}

/**
 * The candidates whose last assignment matters, ranked without it: the first EXPLAINED_CANDIDATES and everyone
 * tying with one of them on keys 1–4 (round robin orders each such group, the leader's included), then the
 * first EXPLAINED_CANDIDATES unavailable by user id (named in the explanation). A
 * caller with many engineers reads the last assignment of these only and passes null for the rest: the choice
 * and the explanation come out the same; only the order of the ranking beyond them may differ.
 */
export function assignmentShortlist(candidates: readonly AssignmentCandidate[], opts: AssignmentOptions): number[] {
  const cap = opts.maxOpenLoad ?? null;
  checkCandidates(candidates, cap);
  const ranked = rank(candidates, cap, (a, b) => compareBeforeRoundRobin(a, b)?.[0] ?? a.c.userId - b.c.userId);
  // Whole groups of equals: round robin orders within a group, so a group cut by the first N is read entirely.
  const last = ranked[Math.min(EXPLAINED_CANDIDATES, ranked.length) - 1];
  const shortlisted = ranked.filter((r, i) => i < EXPLAINED_CANDIDATES || compareBeforeRoundRobin(last, r) === null).map((r) => r.c.userId);
  return [
    ...shortlisted,
    ...unavailableOf(candidates)
      .slice(0, EXPLAINED_CANDIDATES)
      .map((c) => c.userId),
  ];
}

const unavailableOf = (candidates: readonly AssignmentCandidate[]) =>
  candidates.filter((c) => !c.available).sort((a, b) => a.userId - b.userId);

const factsOf = (c: AssignmentCandidate) => ({
  userId: c.userId,
  name: c.name,
  expertRank: c.expertRank,
  hasSkill: c.hasSkill,
  inRegion: c.inRegion,
  openLoad: c.openLoad,
  available: c.available,
  unavailableReason: c.unavailableReason ?? null,
  lastAssignedAt: c.lastAssignedAt,
});

/** A list of names, the first EXPLAINED_CANDIDATES of it, and how many more. */
function namesOf(list: AssignmentCandidate[], zh: (c: AssignmentCandidate) => string, en: (c: AssignmentCandidate) => string) {
  const shown = list.slice(0, EXPLAINED_CANDIDATES);
  const more = list.length - shown.length;
  return {
    zh: shown.map(zh).join('、') + (more > 0 ? ` 等另 ${more} 人` : ''),
    en: shown.map(en).join(', ') + (more > 0 ? ` and ${more} more` : ''),
  };
}

/**
 * SR-4: picks the engineer for a service request. Unavailable candidates are left out (and named when nobody is
 * left); the rest are ordered by the load cap, the tier, the expert rank, the open load, round robin and the user
 * id (see `compare`). Deterministic: the same candidates in any order give the same result. The explanation
 * names the first EXPLAINED_CANDIDATES of the ranking and of the unavailable, with the counts of both.
 * Throws RangeError for a negative maxOpenLoad or a user id given twice.
 */
export function chooseAssignee(candidates: readonly AssignmentCandidate[], opts: AssignmentOptions): AssignmentResult {
  const cap = opts.maxOpenLoad ?? null;
  checkCandidates(candidates, cap);
  const ranked = rank(candidates, cap, (a, b) => compare(a, b)[0]);
  const rankedOut = ranked.map((r) => ({ userId: r.c.userId, tier: r.tier, openLoad: r.c.openLoad }));
  const unavailable = unavailableOf(candidates);
  // Sorted by user id so the explanation, like the choice, does not depend on the input order.
  const explained = [...ranked.slice(0, EXPLAINED_CANDIDATES).map((r) => r.c), ...unavailable.slice(0, EXPLAINED_CANDIDATES)].sort(
    (a, b) => a.userId - b.userId,
  );
  const inputs = {
    maxOpenLoad: cap,
    capWaived: opts.capWaived ?? null,
    candidateCount: candidates.length,
    availableCount: ranked.length,
    candidates: explained.map(factsOf),
  };

  const [first, second] = ranked;
  if (first === undefined) {
    const reasons = namesOf(
      unavailable,
      (c) => `${who(c)}（${c.unavailableReason?.trim() || '不可用'}）`,
      (c) => `${whoEn(c)} (${c.unavailableReason?.trim() || 'unavailable'})`,
    );
    return {
      userId: null,
      ranked: [],
      explanation: explain({
        ruleId: 'SR-4',
        policyVersion: opts.policyVersion,
        inputs,
        result: { userId: null },
        zh: unavailable.length === 0 ? '没有候选工程师，未自动指派' : `无可用工程师，未自动指派：${reasons.zh}`,
        en: unavailable.length === 0 ? 'no candidates, not assigned' : `nobody available, not assigned: ${reasons.en}`,
      }),
    };
  }

  const c = first.c;
  const tier = TIER_TEXT[first.tier];
  const rankZh = c.expertRank != null ? `，专家名单第 ${c.expertRank + 1} 位` : '';
  const rankEn = c.expertRank != null ? `, expert #${c.expertRank + 1}` : '';
  const overZh = first.overloaded ? `；所有可用工程师的未结工单都已达上限 ${cap}` : '';
  const overEn = first.overloaded ? `; every available engineer is at the open-request cap of ${cap}` : '';
  const why = decidingText(first, second, cap);
  // SR-4: better-matched engineers passed over because they are at the cap are named, not only the runner-up.
  const passed = ranked.filter((r, i) => i > 1 && r.overloaded && !first.overloaded && r.tier < first.tier).map((r) => r.c);
  const passedNames = namesOf(passed, who, whoEn);
  const passedZh = passed.length ? `；${passedNames.zh} 未结工单已达上限 ${cap}，未优先指派` : '';
  const passedEn = passed.length ? `; ${passedNames.en} passed over at the open-request cap of ${cap}` : '';
  const waived = opts.capWaived;
  const waivedZh = waived ? `；${waived.priority} 请求不受未结工单上限 ${waived.cap} 件限制（SR-5）` : '';
  const waivedEn = waived ? `; a ${waived.priority} request is not held back by the open-request cap of ${waived.cap} (SR-5)` : '';
  return {
    userId: c.userId,
    ranked: rankedOut,
    explanation: explain({
      ruleId: 'SR-4',
      policyVersion: opts.policyVersion,
      inputs,
      result: { userId: c.userId, tier: first.tier, ranked: rankedOut.slice(0, EXPLAINED_CANDIDATES) },
      zh: `指派给 ${who(c)}：第 ${first.tier} 级，${tier.zh}${rankZh}；未结工单 ${c.openLoad} 件；${why.zh}${passedZh}${overZh}${waivedZh}`,
      en: `assigned to ${whoEn(c)}: tier ${first.tier}, ${tier.en}${rankEn}; ${c.openLoad} open requests; ${why.en}${passedEn}${overEn}${waivedEn}`,
    }),
  };
}
