import { type TExplanation, explain } from '../explanation';
import type { TKpiPolicy } from '../policy/appraisalPolicy';
import type { TLocalizedText } from '../policy/primitives';

/*
 * AP-16/AP-16b: a person's KPIs for a period (a month, or a year for the annual review) from the period's facts,
 * which other modules count (the WR-5 monthly report's per-engineer counts, staff training): customer satisfaction,
 * timeliness rate, resolution rate, technical growth; teamwork has no recorded fact and is scored by people only.
 * Self + superior + customer are consolidated for HR with the policy's weights. A rate with nothing to count is null,
 * never 0 % or 100 %, and a missing source leaves the weights of the others (renormalised), never a zero.
 */

export const KPI_ITEMS = ['satisfaction', 'timeliness', 'resolution', 'growth', 'teamwork'] as const;
export type TKpiItem = (typeof KPI_ITEMS)[number];

export const KPI_ITEM_NAMES: Record<TKpiItem, TLocalizedText> = {
  satisfaction: { 'zh-CN': '客户满意度', en: 'Customer satisfaction' },
  timeliness: { 'zh-CN': '及时率', en: 'Timeliness rate' },
  resolution: { 'zh-CN': '解决率', en: 'Resolution rate' },
  growth: { 'zh-CN': '技术成长', en: 'Technical growth' },
  teamwork: { 'zh-CN': '团队协作', en: 'Teamwork' },
};

/** The counts behind the rates; each module counts its own (no rate is computed twice). */
export type TKpiFacts = {
  /** WR-5: requests of the period assigned to the person, and the resolved ones. */
  requests: number;
  resolved: number;
  /** WR-5/SLA-2: visits whose on-site target is decided, and those reached in time. */
  onsiteDecided: number;
  onsiteMet: number;
  /** FS-8: ratings, and those 良 or better on every dimension. */
  ratings: number;
  ratingsGoodOrBetter: number;
  /** TRN-1..3: exams graded, passed; training sessions invited to, attended; certificates obtained. */
  examsTaken: number;
  examsPassed: number;
  sessionsInvited: number;
  sessionsAttended: number;
  certificates: number;
};

/** Scores 0–100 per item, given by the person (self) or their superior; an item not scored is absent. */
export type TKpiScores = Partial<Record<TKpiItem, number>>;

export type TKpiRate = { value: number | null; numerator: number; denominator: number; explanation: TExplanation };

export type TKpiItemResult = {
  item: TKpiItem;
  /** The rate counted from the facts (null for teamwork, or when nothing was there to count). */
  measured: TKpiRate | null;
  self: number | null;
  superior: number | null;
  /** The item's standing in percent (the measured rate, else the superior's score, else the self score). */
  percent: number | null;
  weak: boolean;
};

export type TKpiResult = {
  items: TKpiItemResult[];
  /** The consolidated score (0–100, one decimal) of self, superior and customer with the policy's weights. */
  consolidated: { value: number | null; explanation: TExplanation };
  /** AP-16b: targeted training for each weak item. */
  training: { item: TKpiItem; explanation: TExplanation }[];
};

const pct = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`);
const round1 = (v: number) => Math.round(v * 10) / 10;

function rate(policyVersion: number | null, period: string, item: TKpiItem, n: number, d: number, zh: string, en: string): TKpiRate {
  const value = d > 0 ? n / d : null;
  const name = KPI_ITEM_NAMES[item];
  return {
    value,
    numerator: n,
    denominator: d,
    explanation: explain({
      ruleId: 'AP-16',
      policyVersion,
      inputs: { item, period, numerator: n, denominator: d },
      result: value,
      zh: `${period} ${name['zh-CN']}：${zh} ${n} / ${d} = ${pct(value)}`,
      en: `${period} ${name.en}: ${en} ${n} / ${d} = ${pct(value)}`,
    }),
  };
}

/** The measured rates of a period's facts (teamwork has none). */
export function kpiRates(facts: TKpiFacts, period: string, policyVersion: number | null): Record<TKpiItem, TKpiRate | null> {
  const f = facts;
  const growthDone = f.examsPassed + f.sessionsAttended + f.certificates;
  const growthOf = f.examsTaken + f.sessionsInvited + f.certificates;
  return {
    satisfaction: rate(
      policyVersion,
      period,
      'satisfaction',
      f.ratingsGoodOrBetter,
      f.ratings,
      '各项均为优或良的评价',
      'ratings excellent or good on every dimension',
    ),
    timeliness: rate(
      policyVersion,
      period,
      'timeliness',
      f.onsiteMet,
      f.onsiteDecided,
      '按时到场的上门服务',
      'visits reached on site in time',
    ),
    resolution: rate(policyVersion, period, 'resolution', f.resolved, f.requests, '已解决的服务请求', 'requests resolved'),
    growth: rate(
      policyVersion,
      period,
      'growth',
      growthDone,
      growthOf,
      `通过考试 ${f.examsPassed}/${f.examsTaken}、参加培训 ${f.sessionsAttended}/${f.sessionsInvited}、取得证书 ${f.certificates}；合计`,
      `exams passed ${f.examsPassed}/${f.examsTaken}, training attended ${f.sessionsAttended}/${f.sessionsInvited}, certificates ${f.certificates}; together`,
    ),
    teamwork: null,
  };
}

const mean = (scores: TKpiScores): number | null => {
  const v = Object.values(scores).filter((x): x is number => typeof x === 'number');
  return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
};

/**
 * AP-16/AP-16b: a period's KPIs. Weak: the item's percent below the policy's bar (exactly at the bar is not weak);
 * the comparison of a measured rate is exact (numerator × 100 < bar × denominator).
 */
export function kpiResult(
  policy: TKpiPolicy,
  policyVersion: number | null,
  period: string,
  facts: TKpiFacts,
  scores: { self: TKpiScores; superior: TKpiScores },
): TKpiResult {
  const rates = kpiRates(facts, period, policyVersion);
  const bar = policy.weakBelowPercent;
  const items = KPI_ITEMS.map((item): TKpiItemResult => {
    const measured = rates[item];
    const self = scores.self[item] ?? null;
    const superior = scores.superior[item] ?? null;
    if (measured && measured.value !== null) {
      return {
        item,
        measured,
        self,
        superior,
        percent: round1(measured.value * 100),
        weak: measured.numerator * 100 < bar * measured.denominator,
      };
    }
    const percent = superior ?? self;
    return { item, measured, self, superior, percent, weak: percent !== null && percent < bar };
  });

  const w = policy.weights;
  const sources = [
    { key: 'self', weight: w.self, value: mean(scores.self), zh: '自评', en: 'self' },
    { key: 'superior', weight: w.superior, value: mean(scores.superior), zh: '上级评估', en: 'superior' },
    {
      key: 'customer',
      weight: w.customer,
      value: rates.satisfaction?.value == null ? null : rates.satisfaction.value * 100,
      zh: '客户评估',
      en: 'customer',
    },
  ];
  const present = sources.filter((s) => s.value !== null && s.weight > 0);
  const weightSum = present.reduce((a, s) => a + s.weight, 0);
  const value = weightSum === 0 ? null : round1(present.reduce((a, s) => a + s.weight * (s.value as number), 0) / weightSum);
  const part = (s: (typeof sources)[number], zh: boolean) =>
    `${zh ? s.zh : s.en} ${s.value === null ? '—' : round1(s.value)} × ${s.weight}%`;
  const consolidated = {
    value,
    explanation: explain({
      ruleId: 'AP-16',
      policyVersion,
      inputs: Object.fromEntries(sources.map((s) => [s.key, { value: s.value === null ? null : round1(s.value), weight: s.weight }])),
      result: value,
      zh: `${period} 综合得分：${sources.map((s) => part(s, true)).join(' + ')}（缺项按其余权重折算）= ${value ?? '—'}`,
      en: `${period} consolidated: ${sources.map((s) => part(s, false)).join(' + ')} (a missing source leaves the others' weights) = ${value ?? '—'}`,
    }),
  };

  const training = items
    .filter((i) => i.weak)
    .map((i) => ({
      item: i.item,
      explanation: explain({
        ruleId: 'AP-16b',
        policyVersion,
        inputs: { item: i.item, percent: i.percent, bar },
        result: 'training',
        zh: `${KPI_ITEM_NAMES[i.item]['zh-CN']} ${i.percent}% 低于 ${bar}%，建议针对性培训`,
        en: `${KPI_ITEM_NAMES[i.item].en} ${i.percent}% is below ${bar}%: targeted training proposed`,
      }),
    }));
  return { items, consolidated, training };
}
