import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/defaults';
import { candidatesToReview, nextAwardStep, rankCandidates } from './bestEmployee';
import { rankRegions, rankingBonuses } from './rankingBonus';
import { type TKpiFacts, kpiResult } from './kpi';

const policy = defaultPolicy().appraisal.kpi;
const none: TKpiFacts = {
  requests: 0,
  resolved: 0,
  onsiteDecided: 0,
  onsiteMet: 0,
  ratings: 0,
  ratingsGoodOrBetter: 0,
  examsTaken: 0,
  examsPassed: 0,
  sessionsInvited: 0,
  sessionsAttended: 0,
  certificates: 0,
};
const item = (r: ReturnType<typeof kpiResult>, key: string) => r.items.find((i) => i.item === key)!;

describe('AP-16 KPI rates', () => {
  it('gives null, never 0 %, for a rate with nothing to count, and no consolidated score without any source', () => {
    const r = kpiResult(policy, 1, '2026-03', none, { self: {}, superior: {} });
    for (const i of r.items) {
      expect(i.percent).toBeNull();
      expect(i.weak).toBe(false);
    }
    expect(item(r, 'timeliness').measured).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(item(r, 'teamwork').measured).toBeNull();
    expect(r.consolidated.value).toBeNull();
    expect(r.training).toEqual([]);
  });

  it('counts growth from exams, training sessions and certificates together', () => {
    const r = kpiResult(
      policy,
      1,
      '2026-03',
      { ...none, examsTaken: 2, examsPassed: 1, sessionsInvited: 1, sessionsAttended: 1, certificates: 1 },
      { self: {}, superior: {} },
    );
    expect(item(r, 'growth').measured).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    expect(item(r, 'growth').measured?.explanation.text['zh-CN']).toContain('通过考试 1/2');
  });

  it('is not weak exactly at the bar (60 %) and weak one below it, exactly (3/5 vs 59/100)', () => {
    const at = kpiResult(policy, 1, '2026-03', { ...none, requests: 5, resolved: 3 }, { self: {}, superior: {} });
    expect(item(at, 'resolution')).toMatchObject({ percent: 60, weak: false });
    const below = kpiResult(policy, 1, '2026-03', { ...none, requests: 100, resolved: 59 }, { self: {}, superior: {} });
    expect(item(below, 'resolution')).toMatchObject({ percent: 59, weak: true });
    expect(below.training.map((t) => t.item)).toEqual(['resolution']);
    expect(below.training[0].explanation).toMatchObject({ ruleId: 'AP-16b' });
  });

  it('takes the superior’s score for an item without facts (teamwork), else the self score', () => {
    const r = kpiResult(policy, 1, '2026-03', none, { self: { teamwork: 90 }, superior: { teamwork: 59 } });
    expect(item(r, 'teamwork')).toMatchObject({ self: 90, superior: 59, percent: 59, weak: true });
    const selfOnly = kpiResult(policy, 1, '2026-03', none, { self: { teamwork: 60 }, superior: {} });
    expect(item(selfOnly, 'teamwork')).toMatchObject({ percent: 60, weak: false });
  });

  it('consolidates self 20 % + superior 50 % + customer 30 %, renormalising over the sources present', () => {
    const all = kpiResult(
      policy,
      1,
      '2026-03',
      { ...none, ratings: 4, ratingsGoodOrBetter: 3 },
      { self: { teamwork: 80 }, superior: { teamwork: 60, growth: 80 } },
    );
    // 0.2 × 80 + 0.5 × 70 + 0.3 × 75 = 16 + 35 + 22.5
    expect(all.consolidated.value).toBe(73.5);
    const noCustomer = kpiResult(policy, 1, '2026-03', none, { self: { teamwork: 50 }, superior: { teamwork: 80 } });
    // (20 × 50 + 50 × 80) / 70 = 71.43
    expect(noCustomer.consolidated.value).toBe(71.4);
    expect(noCustomer.consolidated.explanation.text.en).toContain('customer — × 30%');
  });
});

describe('AP-6 best employee ranking and places', () => {
  it('ranks by votes, equal votes by id, leaving out nominees without votes', () => {
    expect(
      rankCandidates([
        { nomineeId: 5, votes: 2 },
        { nomineeId: 3, votes: 2 },
        { nomineeId: 9, votes: 4 },
        { nomineeId: 1, votes: 0 },
      ]),
    ).toEqual([
      { nomineeId: 9, votes: 4, rank: 1 },
      { nomineeId: 3, votes: 2, rank: 2 },
      { nomineeId: 5, votes: 2, rank: 3 },
    ]);
  });

  it('gives the policy’s number of places; a veto passes the place to the next by rank', () => {
    const c = (id: number, state: 'waiting' | 'in_review' | 'confirmed' | 'vetoed') => ({ id, rank: id, state });
    expect(candidatesToReview([c(1, 'waiting'), c(2, 'waiting'), c(3, 'waiting')], 2)).toEqual([1, 2]);
    expect(candidatesToReview([c(1, 'confirmed'), c(2, 'vetoed'), c(3, 'waiting'), c(4, 'waiting')], 2)).toEqual([3]);
    expect(candidatesToReview([c(1, 'confirmed'), c(2, 'in_review'), c(3, 'waiting')], 2)).toEqual([]);
    expect(candidatesToReview([c(1, 'vetoed'), c(2, 'vetoed')], 2)).toEqual([]);
  });

  it('goes manager → VP → GM', () => {
    expect(nextAwardStep({ manager: false, vp: false, gm: false })).toBe('manager');
    expect(nextAwardStep({ manager: true, vp: false, gm: false })).toBe('vp');
    expect(nextAwardStep({ manager: true, vp: true, gm: true })).toBeNull();
  });
});

describe('PAY-2 ranking bonus with the ORG-4 correction', () => {
  const coefficients = [0.8, 0.5, 0.3];
  const regions = (scores: (number | null)[]) => scores.map((score, i) => ({ regionId: i + 1, name: `R${i + 1}`, score }));

  it('splits the ranked regions into three bands, the first bands taking the extra ones; unscored regions are not ranked', () => {
    const ranked = rankRegions(regions([70, 90, null, 80, 60]), coefficients, '2026-01..2026-06', 1);
    expect(ranked.map((r) => [r.regionId, r.rank, r.coefficient])).toEqual([
      [1, 3, 0.5],
      [2, 1, 0.8],
      [3, null, null],
      [4, 2, 0.8],
      [5, 4, 0.3],
    ]);
    expect(ranked[1].explanation.text['zh-CN']).toContain('第 1 名，第 1 档，系数 0.8');
  });

  it('gives an engineer who served no request their own region’s band', () => {
    const ranked = rankRegions(regions([90, 80, 70]), coefficients, 'H1', 1);
    const [b] = rankingBonuses(200000, ranked, [{ userId: 1, name: 'e', homeRegionIds: [2], served: [] }], 'H1', 1);
    expect(b).toMatchObject({ totalFen: 100000, lines: [{ regionId: 2, coefficient: 0.5, share: { requests: 1, of: 1 } }] });
  });

  it('attributes the share served in another region to that region’s coefficient (ORG-4)', () => {
    const ranked = rankRegions(regions([90, 80, 70]), coefficients, 'H1', 1);
    const [b] = rankingBonuses(
      200000,
      ranked,
      [
        {
          userId: 1,
          name: 'e',
          homeRegionIds: [3],
          served: [
            { regionId: 3, requests: 3 },
            { regionId: 1, requests: 1 },
          ],
        },
      ],
      'H1',
      1,
    );
    // 2000 × 0.3 × 3/4 + 2000 × 0.8 × 1/4
    expect(b.lines.map((l) => [l.regionId, l.amountFen, l.explanation.ruleId])).toEqual([
      [3, 45000, 'PAY-2'],
      [1, 40000, 'ORG-4'],
    ]);
    expect(b.totalFen).toBe(85000);
    expect(b.lines[1].explanation.text['zh-CN']).toContain('非本人负责区域');
  });

  it('pays nothing for a share in a region that is not ranked', () => {
    const ranked = rankRegions(regions([90, null]), coefficients, 'H1', 1);
    const [b] = rankingBonuses(
      200000,
      ranked,
      [{ userId: 1, name: 'e', homeRegionIds: [1], served: [{ regionId: 2, requests: 2 }] }],
      'H1',
      1,
    );
    expect(b).toEqual({ userId: 1, name: 'e', totalFen: 0, lines: [] });
  });
});
