import { type TExplainedRate, explainedRate } from '../explainedRate';
import type { TLocalizedText } from '../policy/primitives';

/*
 * WR-5 monthly service report (技术服务月度报表) and AP-16's rates, computed from a department's month of facts:
 * - timeliness rate (及时率): of the month's requests that needed a visit and whose on-site target is decided (the
 *   engineer arrived, or the target passed without arrival), the share where the engineer arrived on site by the
 *   target (SLA-2 on-site; arriving exactly at the due instant is on time). Requests still within their target are
 *   left out until decided;
 * - resolution rate (解决率): of the month's requests (created in it, cancelled ones left out), the share resolved,
 *   confirmed by the customer or closed by the time the report is computed;
 * - customer evaluation (FS-8): the ratings of the month's requests on the three dimensions — attitude, skill,
 *   result — each 优/良/中/差, as given by the time the report is computed; the satisfaction of a dimension is the
 *   share of 优 and 良;
 * - documentation completeness: the month's visit sign-offs carrying the customer's signature (AP-9), and the weekly
 *   reports due in the month that came on time (WR-4; excused ones left out, missing ones count as not on time).
 * A rate with nothing to count is null ("—"), never 0 % or 100 %.
 */

export const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type TGradeKey = (typeof GRADES)[number];
export type TGradeCounts = Record<TGradeKey, number>;
export const RATING_DIMENSIONS = ['attitude', 'skill', 'result'] as const;
export type TRatingDimension = (typeof RATING_DIMENSIONS)[number];

export type TMonthlyReportFacts = {
  month: string;
  department: { id: number; name: string };
  requests: { total: number; resolved: number };
  onsite: { met: number; late: number; missed: number; pending: number };
  ratings: Record<TRatingDimension, TGradeCounts>;
  signoffs: { total: number; signed: number };
  weeklyReports: { onTime: number; late: number; missing: number; excused: number };
  engineers: {
    userId: number;
    name: string;
    requests: number;
    resolved: number;
    onsiteMet: number;
    onsiteDecided: number;
    ratings: number;
    ratingsGoodOrBetter: number;
    reportsOnTime: number;
    reportsDue: number;
  }[];
};

export type TRate = TExplainedRate;

export type TPendingSection = { key: string; title: TLocalizedText; status: 'pending'; note: TLocalizedText };

export type TMonthlyReportData = TMonthlyReportFacts & {
  policyVersion: number | null;
  computedAt: string;
  rates: {
    timeliness: TRate;
    resolution: TRate;
    satisfaction: Record<TRatingDimension, TRate>;
    signatures: TRate;
    weeklyReportsOnTime: TRate;
  };
  /** Sections another module provides (incidents and complaints, surveys), with their data or why they are pending. */
  sections: Array<
    TPendingSection | { key: string; title: TLocalizedText; status: 'ready'; rows: { label: TLocalizedText; value: number }[] }
  >;
};

function rate(
  ruleId: string,
  policyVersion: number | null,
  numerator: number,
  denominator: number,
  zh: string,
  en: string,
  inputs: Record<string, unknown>,
): TRate {
  return explainedRate({ ruleId, policyVersion, numerator, denominator, zh, en, inputs });
}

const DIMENSION_TEXT: Record<TRatingDimension, TLocalizedText> = {
  attitude: { 'zh-CN': '服务态度', en: 'attitude' },
  skill: { 'zh-CN': '技术水平', en: 'skill' },
  result: { 'zh-CN': '服务结果', en: 'result' },
};

/** WR-5: the month's rates with their explanations, from the department's facts. Pure. */
export function monthlyReportData(
  facts: TMonthlyReportFacts,
  policyVersion: number | null,
  computedAt: string,
  sections: TMonthlyReportData['sections'],
): TMonthlyReportData {
  const o = facts.onsite;
  const decided = o.met + o.late + o.missed;
  const w = facts.weeklyReports;
  const satisfaction = Object.fromEntries(
    RATING_DIMENSIONS.map((d) => {
      const c = facts.ratings[d];
      const total = c.excellent + c.good + c.fair + c.poor;
      return [
        d,
        rate(
          'AP-16',
          policyVersion,
          c.excellent + c.good,
          total,
          `${facts.month} ${DIMENSION_TEXT[d]['zh-CN']}评价为优或良的比例（优 ${c.excellent}、良 ${c.good}、中 ${c.fair}、差 ${c.poor}）`,
          `${facts.month} share of ${DIMENSION_TEXT[d].en} rated excellent or good (excellent ${c.excellent}, good ${c.good}, fair ${c.fair}, poor ${c.poor})`,
          { dimension: d, ...c },
        ),
      ];
    }),
  ) as Record<TRatingDimension, TRate>;
  return {
    ...facts,
    policyVersion,
    computedAt,
    rates: {
      timeliness: rate(
        'WR-5',
        policyVersion,
        o.met,
        decided,
        `${facts.month} 需上门的服务请求中按时到场的比例（按时 ${o.met}、迟到 ${o.late}、超时未到 ${o.missed}；尚未到期的 ${o.pending} 个不计）`,
        `${facts.month} share of requests needing a visit reached on site within the required time (on time ${o.met}, late ${o.late}, missed ${o.missed}; ${o.pending} not yet due are left out)`,
        { ...o },
      ),
      resolution: rate(
        'AP-16',
        policyVersion,
        facts.requests.resolved,
        facts.requests.total,
        `${facts.month} 受理的服务请求中已解决（含客户已确认、已关闭）的比例`,
        `${facts.month} share of the month's requests resolved (confirmed or closed included)`,
        { ...facts.requests },
      ),
      satisfaction,
      signatures: rate(
        'AP-9',
        policyVersion,
        facts.signoffs.signed,
        facts.signoffs.total,
        `${facts.month} 现场服务签收中有客户签字的比例`,
        `${facts.month} share of visit sign-offs carrying the customer's signature`,
        { ...facts.signoffs },
      ),
      weeklyReportsOnTime: rate(
        'WR-4',
        policyVersion,
        w.onTime,
        w.onTime + w.late + w.missing,
        `${facts.month} 到期的工程师周报按时提交的比例（按时 ${w.onTime}、逾期 ${w.late}、未交 ${w.missing}；免责 ${w.excused} 份不计）`,
        `${facts.month} share of engineers' weekly reports due in the month received on time (on time ${w.onTime}, late ${w.late}, missing ${w.missing}; ${w.excused} excused left out)`,
        { ...w },
      ),
    },
    sections,
  };
}
