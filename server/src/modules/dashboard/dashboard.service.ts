import {
  DASHBOARD_MAX_DAYS,
  type TExecutiveDashboard,
  type TExecutiveDashboardQuery,
  type TGradeKey,
  daysInRange,
  executiveDashboard,
  isOpenTicketState,
  localInstant,
  plusDays,
} from '@techserve/core';
import { todayOf } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { fieldDetail, refuse } from '../../http/errors';
import { policyOn } from '../policy/policy-in-force';
import * as repo from './dashboard.repository';

/** The default range: the last 30 days, today included. */
const DEFAULT_DAYS = 30;

/** Issue 12 item 6 (SLA-4, SR-10, SR-11): the executive dashboard of a range, in the actor's data scope. */
export async function executive(ctx: Ctx, query: TExecutiveDashboardQuery): Promise<TExecutiveDashboard> {
  const { db, actor } = ctx;
  // Without an end: today, or the default span from a start, whichever is earlier (never before the start).
  const today = todayOf(ctx);
  const span = query.from && plusDays(query.from, DEFAULT_DAYS - 1);
  const to = query.to ?? (span && (span < today || query.from! > today) ? span : today);
  const from = query.from ?? plusDays(to, 1 - DEFAULT_DAYS);
  const days = daysInRange(from, to);
  if (days > DASHBOARD_MAX_DAYS)
    throw refuse(
      'rule_violation',
      'dashboard.rangeTooLong',
      { max: DASHBOARD_MAX_DAYS, days },
      { ruleId: 'SLA-4', details: [fieldDetail('querystring.to', 'dashboard.rangeTooLong', { max: DASHBOARD_MAX_DAYS, days })] },
    );
  const filter: repo.DashboardFilter = {
    start: new Date(localInstant(ctx.timeZone, from)).toISOString(),
    end: new Date(localInstant(ctx.timeZone, plusDays(to, 1))).toISOString(),
    regionId: query.regionId,
    teamId: query.teamId,
  };
  const [tickets, ratings] = await Promise.all([repo.ticketFacts(db, actor, filter), repo.ratingFacts(db, actor, filter)]);
  const ids = (key: 'region_id' | 'team_id') =>
    [...new Set([...tickets, ...ratings].map((r) => r[key]).filter((id): id is number => id !== null))].map(Number);
  const names = await repo.groupNames(db, ids('region_id'), ids('team_id'));
  const policy = await policyOn(db, to);
  return executiveDashboard(
    {
      from,
      to,
      tickets: tickets.map((t) => ({
        createdAt: t.created_at,
        resolvedAt: t.resolved_at,
        open: isOpenTicketState(t.state),
        slaBreached: Number(t.sla_breached) === 1,
        regionId: t.region_id === null ? null : Number(t.region_id),
        teamId: t.team_id === null ? null : Number(t.team_id),
      })),
      ratings: ratings.map((r) => ({
        ratedAt: r.created_at,
        attitude: r.attitude as TGradeKey,
        skill: r.skill as TGradeKey,
        result: r.result as TGradeKey,
        regionId: r.region_id === null ? null : Number(r.region_id),
        teamId: r.team_id === null ? null : Number(r.team_id),
      })),
      regions: names.regions,
      teams: names.teams,
    },
    policy.number,
  );
}
