/**
 * PAY-2 half-year bonus by regional ranking, ORG-4 attribution by region: the regions ranked by their engineers'
 * HR-consolidated KPI scores (AP-16) over the policy's period, into the policy's bands, and each engineer's bonus
 * attributed to the regions they served (an engineer from another region earns the served region's coefficient for
 * that share). Core's rankRegions / rankingBonuses explain every line.
 */
import {
  DEFAULT_TIME_ZONE,
  type TKpiResult,
  type TRankingBonusPage,
  type TRankingEngineer,
  addMonths,
  monthDates,
  monthInstants,
  monthOfDate,
  rankRegions,
  rankingBonuses,
} from '@techserve/core';
import { todayOf } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { refuse } from '../../http/errors';
import { policyOn } from '../policy/policy-in-force';
import { requestsByAssigneeAndRegion } from '../service-reports/service-reports.repository';
import * as repo from './kpi.repository';

const mean = (values: number[]) => (values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10);

const monthsFrom = async (db: Db, from: string) => {
  const startPolicy = await policyOn(db, monthDates(from).first);
  return Array.from({ length: startPolicy.document.pay.rankingBonus.periodMonths }, (_, i) => addMonths(from, i));
};

/** PAY-2 for HR: the half-year starting at `from`, once it has ended (422 kpi.periodNotEnded before). */
export async function rankingBonus(ctx: Ctx, from: string): Promise<TRankingBonusPage> {
  const months = await monthsFrom(ctx.db, from);
  const to = months[months.length - 1];
  if (to >= monthOfDate(todayOf(ctx)))
    throw refuse('invalid_value', 'kpi.periodNotEnded', { period: `${from}..${to}` }, { ruleId: 'PAY-2' });
  return rankingBonusOf(ctx.db, from);
}

/** PAY-2 set-based: every engineer's half-year bonus of the period starting at `from` (what the payroll reads). */
export async function rankingBonusOf(db: Db, from: string): Promise<TRankingBonusPage> {
  const months = await monthsFrom(db, from);
  const to = months[months.length - 1];
  const policy = await policyOn(db, monthDates(to).last);
  const rb = policy.document.pay.rankingBonus;
  const period = `${from}..${to}`;
  const [regionRows, results, served] = await Promise.all([
    repo.regionsWithEngineers(db),
    repo.consolidatedResults(db, months),
    requestsByAssigneeAndRegion(
      db,
      new Date(monthInstants(from, DEFAULT_TIME_ZONE).start).toISOString(),
      new Date(monthInstants(to, DEFAULT_TIME_ZONE).end).toISOString(),
    ),
  ]);
  // Each engineer's mean consolidated score over the period's consolidated months.
  const scores = new Map<number, number[]>();
  for (const r of results) {
    const value = (JSON.parse(r.result ?? '{}') as Partial<TKpiResult>).consolidated?.value;
    if (typeof value === 'number') scores.set(r.user_id, [...(scores.get(r.user_id) ?? []), value]);
  }
  const regions = new Map<number, { name: string; engineers: number[] }>();
  const engineers = new Map<number, TRankingEngineer>();
  for (const row of regionRows) {
    const region = regions.get(row.region_id) ?? { name: row.region_name, engineers: [] };
    regions.set(row.region_id, region);
    // The engineers: people responsible for the region who work requests (a salesperson's region earns no bonus).
    if (row.user_id === null || !(JSON.parse(row.permissions ?? '[]') as string[]).includes('tickets.work')) continue;
    region.engineers.push(row.user_id);
    const e = engineers.get(row.user_id) ?? { userId: row.user_id, name: row.user_name ?? '', homeRegionIds: [], served: [] };
    e.homeRegionIds.push(row.region_id);
    engineers.set(row.user_id, e);
  }
  for (const s of served) engineers.get(s.assignee_id as number)?.served.push({ regionId: s.region_id as number, requests: Number(s.n) });
  const ranked = rankRegions(
    [...regions].map(([regionId, r]) => ({
      regionId,
      name: r.name,
      score: mean(r.engineers.map((id) => mean(scores.get(id) ?? [])).filter((v): v is number => v !== null)),
    })),
    rb.bandCoefficients,
    period,
    policy.number,
  );
  return {
    from,
    to,
    policyVersion: policy.number,
    baseFen: rb.baseFen,
    regions: ranked,
    people: rankingBonuses(rb.baseFen, ranked, [...engineers.values()], period, policy.number),
  };
}
