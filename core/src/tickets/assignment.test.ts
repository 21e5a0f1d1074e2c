import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZExplanation } from '../explanation';
import { EXPLAINED_CANDIDATES, assignmentShortlist, chooseAssignee, type AssignmentCandidate } from './assignment';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 23, 1, 0);

const candidate = (userId: number, over: Partial<AssignmentCandidate> = {}): AssignmentCandidate => ({
  userId,
  name: `工程师${userId}`,
  expertRank: null,
  hasSkill: false,
  inRegion: false,
  openLoad: 0,
  available: true,
  unavailableReason: null,
  lastAssignedAt: T0,
  ...over,
});

const choose = (candidates: AssignmentCandidate[], maxOpenLoad?: number | null) =>
  chooseAssignee(candidates, { maxOpenLoad, policyVersion: 3 });

describe('chooseAssignee (SR-4)', () => {
  it('never assigns to an engineer who is on leave or travelling, however well matched', () => {
    const result = choose([candidate(1, { expertRank: 0, inRegion: true, available: false, unavailableReason: '休假' }), candidate(2)]);
    expect(result.userId).toBe(2);
    expect(result.ranked).toEqual([{ userId: 2, tier: 6, openLoad: 0 }]);
  });

  it('assigns nobody and names the unavailable engineers with their reasons when nobody is available', () => {
    const result = choose([
      candidate(1, { name: '张三', available: false, unavailableReason: '休假' }),
      candidate(2, { name: '李四', available: false, unavailableReason: '出差' }),
      candidate(3, { name: '王五', available: false }),
    ]);
    expect(result.userId).toBeNull();
    expect(result.ranked).toEqual([]);
    expect(result.explanation.result).toEqual({ userId: null });
    expect(result.explanation.text['zh-CN']).toBe(
      'SR-4：无可用工程师，未自动指派：张三（#1）（休假）、李四（#2）（出差）、王五（#3）（不可用）',
    );
    expect(result.explanation.text.en).toBe(
      'SR-4: nobody available, not assigned: 张三 (#1) (休假), 李四 (#2) (出差), 王五 (#3) (unavailable)',
    );
  });

  it('assigns nobody when there are no candidates at all', () => {
    const result = choose([]);
    expect(result.userId).toBeNull();
    expect(result.explanation.text.en).toBe('SR-4: no candidates, not assigned');
  });

  it('orders the tiers: expert in region, expert elsewhere, skill in region, skill elsewhere, region only, anyone', () => {
    const result = choose([
      candidate(6),
      candidate(5, { inRegion: true }),
      candidate(4, { hasSkill: true }),
      candidate(3, { hasSkill: true, inRegion: true }),
      candidate(2, { expertRank: 0, hasSkill: true }),
      candidate(1, { expertRank: 3, inRegion: true }),
    ]);
    expect(result.ranked.map((r) => [r.userId, r.tier])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
      [6, 6],
    ]);
    expect(result.userId).toBe(1);
  });

  it('puts a better tier first even with a much higher load', () => {
    const result = choose([candidate(1, { hasSkill: true, openLoad: 0 }), candidate(2, { expertRank: 0, openLoad: 9 })]);
    expect(result.userId).toBe(2);
    expect(result.explanation.text.en).toContain('a better tier than 工程师1 (#1) (tier 4)');
  });

  it('within the expert tiers, prefers the earlier expert in the product list over a lower load', () => {
    const result = choose([
      candidate(1, { expertRank: 2, inRegion: true, openLoad: 0 }),
      candidate(2, { expertRank: 0, inRegion: true, openLoad: 5 }),
    ]);
    expect(result.userId).toBe(2);
    expect(result.explanation.text['zh-CN']).toContain('专家名单中排在 工程师1（#1）（第 3 位）之前');
  });

  it('within a tier, prefers the lower open load', () => {
    const result = choose([
      candidate(1, { hasSkill: true, inRegion: true, openLoad: 4, lastAssignedAt: null }),
      candidate(2, { hasSkill: true, inRegion: true, openLoad: 2 }),
    ]);
    expect(result.userId).toBe(2);
    expect(result.explanation.text.en).toBe(
      'SR-4: assigned to 工程师2 (#2): tier 3, skilled in the product and responsible for the region; 2 open requests; ' +
        'the fewest open requests in the tier (工程师1 (#1) has 4)',
    );
  });

  it('with equal tier and load, takes turns: the least recently assigned first', () => {
    const result = choose([
      candidate(1, { lastAssignedAt: T0 }),
      candidate(2, { lastAssignedAt: T0 - DAY }),
      candidate(3, { lastAssignedAt: T0 - 2 * DAY + 1 }),
    ]);
    expect(result.ranked.map((r) => r.userId)).toEqual([3, 2, 1]);
    expect(result.explanation.text.en).toContain('round robin: assigned longer ago than 工程师2 (#2)');
  });

  it('with equal tier and load, takes someone never assigned before anyone assigned', () => {
    const result = choose([candidate(1, { lastAssignedAt: 0 }), candidate(2, { lastAssignedAt: null })]);
    expect(result.userId).toBe(2);
    expect(result.explanation.text['zh-CN']).toContain('轮询：同级同负载中从未被分配过');
  });

  it('breaks a full tie by the lower user id, whatever the input order', () => {
    const a = candidate(7);
    const b = candidate(3);
    expect(choose([a, b]).userId).toBe(3);
    expect(choose([b, a]).userId).toBe(3);
    expect(choose([a, b]).explanation.text.en).toContain('tied with 工程师7 (#7) on everything else, lower user id');
  });

  it('places candidates at or above the load cap after all others, even a better tier', () => {
    const result = choose(
      [
        candidate(1, { expertRank: 0, inRegion: true, openLoad: 5 }),
        candidate(2, { expertRank: 1, inRegion: true, openLoad: 6 }),
        candidate(3, { openLoad: 4 }),
      ],
      5,
    );
    expect(result.ranked.map((r) => r.userId)).toEqual([3, 1, 2]);
    expect(result.explanation.text.en).toContain('工程师1 (#1) is at the open-request cap of 5');
  });

  it('still assigns within the load cap order when everyone is at or above it, and says so', () => {
    const result = choose([candidate(1, { hasSkill: true, openLoad: 9 }), candidate(2, { expertRank: 0, openLoad: 7 })], 5);
    expect(result.userId).toBe(2);
    expect(result.explanation.text.en).toContain('every available engineer is at the open-request cap of 5');
  });

  it('ignores the load when no cap is set', () => {
    const candidates = [candidate(1, { expertRank: 0, openLoad: 50 }), candidate(2, { openLoad: 0 })];
    expect(choose(candidates, null).userId).toBe(1);
    expect(choose(candidates).userId).toBe(1);
  });

  it('explains the choice with rule SR-4, the policy version, the facts and the ranking', () => {
    const result = choose([
      candidate(1, { name: '张三', expertRank: 0, inRegion: true, openLoad: 2 }),
      candidate(2, { name: '李四', hasSkill: true, inRegion: true, openLoad: 0 }),
      candidate(3, { name: '王五', available: false, unavailableReason: '出差' }),
    ]);
    const { explanation } = result;
    expect(ZExplanation.parse(explanation)).toEqual(explanation);
    expect(explanation.ruleId).toBe('SR-4');
    expect(explanation.policyVersion).toBe(3);
    expect(explanation.inputs).toMatchObject({ maxOpenLoad: null });
    expect(explanation.inputs.candidates).toHaveLength(3);
    expect(explanation.result).toEqual({ userId: 1, tier: 1, ranked: result.ranked });
    expect(explanation.text['zh-CN']).toBe(
      'SR-4：指派给 张三（#1）：第 1 级，本产品专家且负责该区域，专家名单第 1 位；未结工单 2 件；匹配级别高于 李四（#2）（第 3 级）',
    );
    expect(explanation.text.en).toBe(
      'SR-4: assigned to 张三 (#1): tier 1, a product expert responsible for the region, expert #1; 2 open requests; ' +
        'a better tier than 李四 (#2) (tier 3)',
    );
  });

  it('says when the chosen engineer is the only one available', () => {
    expect(choose([candidate(4, { inRegion: true })]).explanation.text.en).toBe(
      'SR-4: assigned to 工程师4 (#4): tier 5, responsible for the region only; 0 open requests; the only available engineer',
    );
  });

  it('rejects a negative load cap and a candidate given twice', () => {
    expect(() => choose([candidate(1)], -1)).toThrow(RangeError);
    expect(() => choose([candidate(1), candidate(1)])).toThrow(RangeError);
  });

  // The order written out once more, independently of the implementation, as a tuple to compare.
  const tier = (c: AssignmentCandidate): number =>
    c.expertRank != null ? (c.inRegion ? 1 : 2) : c.hasSkill ? (c.inRegion ? 3 : 4) : c.inRegion ? 5 : 6;
  const key = (c: AssignmentCandidate, cap: number | null): number[] => [
    cap != null && c.openLoad >= cap ? 1 : 0,
    tier(c),
    c.expertRank ?? Number.POSITIVE_INFINITY,
    c.openLoad,
    c.lastAssignedAt ?? Number.NEGATIVE_INFINITY,
    c.userId,
  ];
  const before = (a: number[], b: number[]): boolean => {
    const i = a.findIndex((x, k) => x !== b[k]);
    return i >= 0 && a[i] < b[i];
  };

  const candidates = fc.uniqueArray(
    fc.record({
      userId: fc.integer({ min: 1, max: 50 }),
      name: fc.constantFrom('张三', '李四', 'Alice'),
      expertRank: fc.option(fc.integer({ min: 0, max: 3 })),
      hasSkill: fc.boolean(),
      inRegion: fc.boolean(),
      openLoad: fc.integer({ min: 0, max: 6 }),
      available: fc.boolean(),
      unavailableReason: fc.option(fc.constantFrom('休假', '出差')),
      lastAssignedAt: fc.option(fc.constantFrom(T0 - 2 * DAY, T0 - DAY, T0)),
    }),
    { selector: (c) => c.userId, maxLength: 12 },
  );

  it('always picks an available engineer that no other available engineer sorts strictly before', () => {
    fc.assert(
      fc.property(candidates, fc.option(fc.integer({ min: 0, max: 6 })), (list, cap) => {
        const result = choose(list, cap);
        const available = list.filter((c) => c.available);
        if (available.length === 0) {
          expect(result.userId).toBeNull();
          return;
        }
        const chosen = list.find((c) => c.userId === result.userId);
        expect(chosen?.available).toBe(true);
        for (const other of available) expect(before(key(other, cap), key(chosen!, cap))).toBe(false);
        expect(result.ranked.map((r) => r.userId).sort((a, b) => a - b)).toEqual(available.map((c) => c.userId).sort((a, b) => a - b));
        for (let i = 1; i < result.ranked.length; i++) {
          const prev = list.find((c) => c.userId === result.ranked[i - 1].userId)!;
          const next = list.find((c) => c.userId === result.ranked[i].userId)!;
          expect(before(key(next, cap), key(prev, cap))).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result for the same candidates in any order', () => {
    fc.assert(
      fc.property(
        candidates.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        fc.option(fc.integer({ min: 0, max: 6 })),
        ([list, shuffled], cap) => {
          const a = choose(list, cap);
          const b = choose(shuffled, cap);
          expect(b.userId).toBe(a.userId);
          expect(b.ranked).toEqual(a.ranked);
          expect(b.explanation).toEqual(a.explanation);
        },
      ),
    );
  });

  // A department of 2,000: the explanation stays the size of a few candidates.
  it('names the first ten of the ranking and of the unavailable in the explanation, with the counts of both', () => {
    const list = [
      ...Array.from({ length: 30 }, (_, i) => candidate(i + 1, { openLoad: 30 - i })),
      ...Array.from({ length: 15 }, (_, i) => candidate(100 + i, { available: false, unavailableReason: '出差' })),
    ];
    const result = choose(list);
    expect(result.userId).toBe(30);
    expect(result.ranked).toHaveLength(30);
    const { inputs } = result.explanation;
    expect(inputs).toMatchObject({ candidateCount: 45, availableCount: 30 });
    const named = (inputs.candidates as Array<{ userId: number }>).map((c) => c.userId);
    expect(named).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
    expect(result.explanation.result).toEqual({ userId: 30, tier: 6, ranked: result.ranked.slice(0, EXPLAINED_CANDIDATES) });
  });

  it('names ten unavailable engineers and counts the rest when nobody is available', () => {
    const list = Array.from({ length: 12 }, (_, i) => candidate(i + 1, { available: false, unavailableReason: '休假' }));
    const { explanation } = choose(list);
    expect(explanation.text.en).toMatch(/工程师10 \(#10\) \(休假\) and 2 more$/);
    expect(explanation.text['zh-CN']).toMatch(/工程师10（#10）（休假） 等另 2 人$/);
    expect(explanation.text.en).not.toContain('#11');
  });

  const many = fc.uniqueArray(
    fc.record({
      userId: fc.integer({ min: 1, max: 200 }),
      name: fc.constant('工程师'),
      expertRank: fc.option(fc.integer({ min: 0, max: 1 }), { freq: 4 }),
      hasSkill: fc.boolean(),
      inRegion: fc.boolean(),
      openLoad: fc.integer({ min: 0, max: 2 }),
      available: fc.boolean(),
      unavailableReason: fc.constant(null),
      lastAssignedAt: fc.option(fc.integer({ min: 0, max: 5 }).map((d) => T0 - d * DAY)),
    }),
    { selector: (c) => c.userId, maxLength: 60 },
  );

  it('chooses and explains the same when only the shortlist’s last assignments are known', () => {
    fc.assert(
      fc.property(many, fc.option(fc.integer({ min: 0, max: 2 })), (list, cap) => {
        const full = choose(list, cap);
        const unknown = list.map((c) => ({ ...c, lastAssignedAt: null }));
        const shortlist = new Set(assignmentShortlist(unknown, { maxOpenLoad: cap, policyVersion: 3 }));
        const partial = choose(
          list.map((c) => (shortlist.has(c.userId) ? c : { ...c, lastAssignedAt: null })),
          cap,
        );
        expect(partial.userId).toBe(full.userId);
        expect(partial.explanation).toEqual(full.explanation);
        expect(shortlist.size).toBeLessThanOrEqual(list.length);
      }),
      { numRuns: 500 },
    );
  });

  it('shortlists only the first ten when the ranking is decided before round robin', () => {
    const list = Array.from({ length: 50 }, (_, i) => candidate(i + 1, { openLoad: i, lastAssignedAt: null }));
    expect(assignmentShortlist(list, { policyVersion: 3 })).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const tied = Array.from({ length: 50 }, (_, i) => candidate(i + 1, { openLoad: i < 30 ? 0 : 1, lastAssignedAt: null }));
    expect(assignmentShortlist(tied, { policyVersion: 3 })).toHaveLength(30);
  });
});
