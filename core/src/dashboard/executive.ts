import { type TExplainedRate, explainedRate } from '../explainedRate';
import { plusDays, weekStartOf } from '../obligations/month';
import { DEFAULT_TIME_ZONE, localDateOf } from '../policy/versioning';
import { GRADES, RATING_DIMENSIONS, type TGradeCounts, type TGradeKey, type TRatingDimension } from '../reports/monthlyReport';

/*
 * The executive dashboard (issue 12 item 6), computed from a date range's facts, in company-local days:
 * - volumes (SR-10): requests created in each period, requests resolved in each period (resolved_at in it);
 * - resolution time (SR-10): wall-clock minutes from creation to resolution of the requests resolved in the period,
 *   averaged (the SLA clocks' working time is on each request; this is the time the customer waited);
 * - SLA compliance (SLA-1, SLA-4): of the requests whose SLA is decided in the range — resolved in it, or still open
 *   and already breached (created in it) — the share that kept every target;
 * - satisfaction (SR-9, SR-11): ratings given in the range, per dimension (attitude, skill, result), the share of
 *   优 and 良; per region and team the share over all three dimensions;
 * - per region and per team the same volumes and rates (a request without a region or team is its own row).
 * A rate with nothing to count is null ("—"), never 0 % or 100 %. Periods are days up to 31 days, weeks (from
 * Monday) up to 26 weeks, months beyond.
 */

export const DASHBOARD_BUCKETS = ['day', 'week', 'month'] as const;
export type TDashboardBucket = (typeof DASHBOARD_BUCKETS)[number];
/** The longest range the dashboard takes, in days (a year and a day, so a leap year fits). */
export const DASHBOARD_MAX_DAYS = 366;

export type TExecutiveTicketFact = {
  createdAt: string;
  resolvedAt: string | null;
  open: boolean;
  slaBreached: boolean;
  regionId: number | null;
  teamId: number | null;
};
export type TExecutiveRatingFact = Record<TRatingDimension, TGradeKey> & {
  ratedAt: string;
  regionId: number | null;
  teamId: number | null;
};
export type TExecutiveFacts = {
  from: string;
  to: string;
  tickets: TExecutiveTicketFact[];
  ratings: TExecutiveRatingFact[];
  regions: { id: number; name: string }[];
  teams: { id: number; name: string }[];
};

export type TDashboardRate = TExplainedRate;
export type TDashboardPeriod = {
  period: string;
  created: number;
  resolved: number;
  slaMet: number;
  slaDecided: number;
  avgResolutionMinutes: number | null;
};
export type TDashboardGroup = {
  id: number | null;
  name: string | null;
  created: number;
  resolved: number;
  avgResolutionMinutes: number | null;
  slaCompliance: TDashboardRate;
  satisfaction: TDashboardRate;
};
export type TExecutiveDashboard = {
  from: string;
  to: string;
  bucket: TDashboardBucket;
  policyVersion: number | null;
  totals: { created: number; resolved: number; openBreached: number; avgResolutionMinutes: number | null };
  slaCompliance: TDashboardRate;
  series: TDashboardPeriod[];
  satisfaction: (TGradeCounts & { dimension: TRatingDimension; rate: TDashboardRate })[];
  byRegion: TDashboardGroup[];
  byTeam: TDashboardGroup[];
};

const DIMENSION_ZH: Record<TRatingDimension, string> = { attitude: '服务态度', skill: '技术水平', result: '服务结果' };

function rate(
  ruleId: string,
  policyVersion: number | null,
  numerator: number,
  denominator: number,
  zh: string,
  en: string,
): TDashboardRate {
  return explainedRate({ ruleId, policyVersion, numerator, denominator, zh, en });
}

/** Days from `from` to `to`, both included. */
export const daysInRange = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** The period size for a range: days up to 31, weeks up to 26 weeks, months beyond. */
export function bucketFor(from: string, to: string): TDashboardBucket {
  const days = daysInRange(from, to);
  return days <= 31 ? 'day' : days <= 182 ? 'week' : 'month';
}

/** The first day of the period a company-local date falls in. */
export function periodOf(date: string, bucket: TDashboardBucket): string {
  if (bucket === 'day') return date;
  if (bucket === 'week') return weekStartOf(date);
  return `${date.slice(0, 7)}-01`;
}

/** Every period of the range, in order (so an empty one shows as zero, not as a gap). */
export function periodsOf(from: string, to: string, bucket: TDashboardBucket): string[] {
  const periods: string[] = [];
  for (let day = from; day <= to; day = plusDays(day, 1)) {
    const p = periodOf(day, bucket);
    if (periods[periods.length - 1] !== p) periods.push(p);
  }
  return periods;
}

type Tally = { created: number; resolved: number; minutes: number; slaMet: number; slaDecided: number; good: number; rated: number };
const tally = (): Tally => ({ created: 0, resolved: 0, minutes: 0, slaMet: 0, slaDecided: 0, good: 0, rated: 0 });
const average = (t: Tally) => (t.resolved > 0 ? Math.round(t.minutes / t.resolved) : null);
const isGood = (g: TGradeKey) => g === 'excellent' || g === 'good';

/** Issue 12 item 6: the dashboard of a range from its facts. Pure; `timeZone` makes the company-local days. */
export function executiveDashboard(
  facts: TExecutiveFacts,
  policyVersion: number | null,
  timeZone: string = DEFAULT_TIME_ZONE,
): TExecutiveDashboard {
  const { from, to } = facts;
  const bucket = bucketFor(from, to);
  const dayOf = (iso: string) => localDateOf(Date.parse(iso), timeZone);
  const inRange = (day: string) => day >= from && day <= to;
  const periods = new Map(periodsOf(from, to, bucket).map((p) => [p, tally()]));
  const total = tally();
  const regions = new Map<number | null, Tally>();
  const teams = new Map<number | null, Tally>();
  const of = (map: Map<number | null, Tally>, id: number | null) => map.get(id) ?? map.set(id, tally()).get(id)!;
  let openBreached = 0;
  for (const t of facts.tickets) {
    const targets = [total, of(regions, t.regionId), of(teams, t.teamId)];
    const created = dayOf(t.createdAt);
    if (inRange(created)) {
      for (const x of [...targets, periods.get(periodOf(created, bucket))!]) x.created += 1;
      if (t.open && t.slaBreached) {
        openBreached += 1;
        for (const x of [...targets, periods.get(periodOf(created, bucket))!]) x.slaDecided += 1;
      }
    }
    const resolved = t.resolvedAt === null || t.open ? null : dayOf(t.resolvedAt);
    if (resolved !== null && inRange(resolved)) {
      const minutes = Math.max(0, Math.round((Date.parse(t.resolvedAt!) - Date.parse(t.createdAt)) / 60_000));
      for (const x of [...targets, periods.get(periodOf(resolved, bucket))!]) {
        x.resolved += 1;
        x.minutes += minutes;
        x.slaDecided += 1;
        if (!t.slaBreached) x.slaMet += 1;
      }
    }
  }
  const counts = Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, Object.fromEntries(GRADES.map((g) => [g, 0]))])) as Record<
    TRatingDimension,
    TGradeCounts
  >;
  for (const r of facts.ratings) {
    if (!inRange(dayOf(r.ratedAt))) continue;
    for (const d of RATING_DIMENSIONS) {
      counts[d][r[d]] += 1;
      for (const x of [of(regions, r.regionId), of(teams, r.teamId)]) {
        x.rated += 1;
        if (isGood(r[d])) x.good += 1;
      }
    }
  }
  const range = `${from} ~ ${to}`;
  const slaRate = (x: Tally, scope: { zh: string; en: string }) =>
    rate(
      'SLA-4',
      policyVersion,
      x.slaMet,
      x.slaDecided,
      `${range} ${scope.zh}服务时限已判定的服务请求（期间解决的，及仍未解决但已超时的）中未超时的比例`,
      `${range} ${scope.en}share of requests whose SLA is decided (resolved in the range, or open and already breached) that kept every target`,
    );
  const group =
    (names: Map<number, string>, scope: { zh: string; en: string }) =>
    (entry: [number | null, Tally]): TDashboardGroup => {
      const [id, x] = entry;
      const name = id === null ? null : (names.get(id) ?? null);
      const label = { zh: `${name ?? scope.zh}：`, en: `${name ?? scope.en}: ` };
      return {
        id,
        name,
        created: x.created,
        resolved: x.resolved,
        avgResolutionMinutes: average(x),
        slaCompliance: slaRate(x, label),
        satisfaction: rate(
          'SR-11',
          policyVersion,
          x.good,
          x.rated,
          `${range} ${label.zh}客户评价（态度、技术、结果）为优或良的比例`,
          `${range} ${label.en}share of customer ratings (attitude, skill, result) that are excellent or good`,
        ),
      };
    };
  const byName = (a: TDashboardGroup, b: TDashboardGroup) =>
    a.id === null ? 1 : b.id === null ? -1 : b.created - a.created || (a.name ?? '').localeCompare(b.name ?? '') || a.id - b.id;
  return {
    from,
    to,
    bucket,
    policyVersion,
    totals: { created: total.created, resolved: total.resolved, openBreached, avgResolutionMinutes: average(total) },
    slaCompliance: slaRate(total, { zh: '', en: '' }),
    series: [...periods].map(([period, x]) => ({
      period,
      created: x.created,
      resolved: x.resolved,
      slaMet: x.slaMet,
      slaDecided: x.slaDecided,
      avgResolutionMinutes: average(x),
    })),
    satisfaction: RATING_DIMENSIONS.map((dimension) => {
      const c = counts[dimension];
      return Object.assign({ dimension }, c, {
        rate: rate(
          'SR-11',
          policyVersion,
          c.excellent + c.good,
          c.excellent + c.good + c.fair + c.poor,
          `${range} ${DIMENSION_ZH[dimension]}评价为优或良的比例（优 ${c.excellent}、良 ${c.good}、中 ${c.fair}、差 ${c.poor}）`,
          `${range} share of ${dimension} ratings excellent or good (excellent ${c.excellent}, good ${c.good}, fair ${c.fair}, poor ${c.poor})`,
        ),
      });
    }),
    byRegion: [...regions].map(group(new Map(facts.regions.map((r) => [r.id, r.name])), { zh: '未分区域', en: 'No region' })).sort(byName),
    byTeam: [...teams].map(group(new Map(facts.teams.map((r) => [r.id, r.name])), { zh: '未分组', en: 'No team' })).sort(byName),
  };
}
