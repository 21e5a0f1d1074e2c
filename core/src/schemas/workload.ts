import { z } from 'zod';
import { ZDateInRange, ZId, orderedDates } from './common';

// WR-8 workload (工作量分析), issue 15 item 7: working time and content per person and team, from requests, visits,
// daily logs and trips, for the department head (and a lead for the team).
//
// API (under /api/v1):
//   GET /workload?from=&to=&teamId=   reports.review   per person and team in the actor's scope (at most 366 days)

export const ZWorkloadQuery = orderedDates(
  z.strictObject({ from: ZDateInRange, to: ZDateInRange, teamId: ZId.optional() }),
  'from',
  'to',
  'WR-8',
);
export type TWorkloadQuery = z.infer<typeof ZWorkloadQuery>;

const ZFigures = z.strictObject({
  requestsWorked: z.number().int(),
  requestsResolved: z.number().int(),
  timeMinutes: z.number().int(),
  visits: z.number().int(),
  onSiteMinutes: z.number().int(),
  dailyLogs: z.number().int(),
  loggedMinutes: z.number().int(),
  travelDays: z.number().int(),
});
export type TWorkloadFigures = z.infer<typeof ZFigures>;

export const ZWorkload = z.strictObject({
  from: z.string(),
  to: z.string(),
  people: z.array(
    ZFigures.extend({ userId: z.number().int(), name: z.string(), teamId: z.number().int().nullable(), teamName: z.string().nullable() }),
  ),
  teams: z.array(ZFigures.extend({ teamId: z.number().int().nullable(), teamName: z.string().nullable(), people: z.number().int() })),
});
export type TWorkload = z.infer<typeof ZWorkload>;
