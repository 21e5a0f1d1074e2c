import { z } from 'zod';
import { DASHBOARD_BUCKETS } from '../dashboard/executive';
import { ZExplanation } from '../explanation';
import { RATING_DIMENSIONS } from '../reports/monthlyReport';
import { ZDateInRange, ZId, orderedDates, zInt } from './common';

/** Issue 12 item 6: the executive dashboard's range (company-local dates, both included; default the last 30 days). */
export const ZExecutiveDashboardQuery = orderedDates(
  z.strictObject({
    from: ZDateInRange.optional(),
    to: ZDateInRange.optional(),
    regionId: ZId.optional().describe('Only requests of this region'),
    teamId: ZId.optional().describe('Only requests of this team'),
  }),
  'from',
  'to',
  'SLA-4',
);
export type TExecutiveDashboardQuery = z.infer<typeof ZExecutiveDashboardQuery>;

const count = () => zInt().min(0);
const minutes = () => zInt().min(0).nullable();
const ZDashboardRate = z.object({
  value: z.number().min(0).max(1).nullable(),
  numerator: count(),
  denominator: count(),
  explanation: ZExplanation,
});
const ZDashboardGroup = z.object({
  id: zInt().positive().nullable().describe('null: requests without a region or team'),
  name: z.string().nullable(),
  created: count(),
  resolved: count(),
  avgResolutionMinutes: minutes(),
  slaCompliance: ZDashboardRate,
  satisfaction: ZDashboardRate,
});

export const ZExecutiveDashboard = z.object({
  from: z.string(),
  to: z.string(),
  bucket: z.enum(DASHBOARD_BUCKETS),
  policyVersion: zInt().positive().nullable(),
  totals: z.object({ created: count(), resolved: count(), openBreached: count(), avgResolutionMinutes: minutes() }),
  slaCompliance: ZDashboardRate,
  series: z.array(
    z.object({
      period: z.string().describe('The first day of the period'),
      created: count(),
      resolved: count(),
      slaMet: count(),
      slaDecided: count(),
      avgResolutionMinutes: minutes(),
    }),
  ),
  satisfaction: z.array(
    z.object({
      dimension: z.enum(RATING_DIMENSIONS),
      excellent: count(),
      good: count(),
      fair: count(),
      poor: count(),
      rate: ZDashboardRate,
    }),
  ),
  byRegion: z.array(ZDashboardGroup),
  byTeam: z.array(ZDashboardGroup),
});
export type TExecutiveDashboardResponse = z.infer<typeof ZExecutiveDashboard>;
