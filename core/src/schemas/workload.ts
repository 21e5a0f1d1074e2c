import { z } from 'zod';
import { ZDateInRange, ZId, orderedDates, zInt } from './common';

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
  requestsWorked: zInt(),
  requestsResolved: zInt(),
  timeMinutes: zInt(),
  visits: zInt(),
  onSiteMinutes: zInt(),
  dailyLogs: zInt(),
  loggedMinutes: zInt(),
  travelDays: zInt(),
});
export type TWorkloadFigures = z.infer<typeof ZFigures>;

/**
 * WR-8 "time and content": what a person's time went on — a request worked (its number and title, the minutes recorded
 * on it), a customer visited (the minutes on site over its visits) or a place travelled to (the travel-log days there).
 */
export const WORKLOAD_CONTENT_SOURCES = ['ticket', 'visit', 'travel'] as const;
export const ZWorkloadContent = z.strictObject({
  source: z.enum(WORKLOAD_CONTENT_SOURCES),
  label: z.string(),
  minutes: zInt(),
  /** Work records on the request, visits to the customer, travel-log days at the place. */
  count: zInt(),
});
export type TWorkloadContent = z.infer<typeof ZWorkloadContent>;

export const ZWorkload = z.strictObject({
  from: z.string(),
  to: z.string(),
  people: z.array(
    ZFigures.extend({
      userId: zInt(),
      name: z.string(),
      teamId: zInt().nullable(),
      teamName: z.string().nullable(),
      /** The top items of the person's work in the range (at most 5), by minutes then count. */
      content: z.array(ZWorkloadContent),
    }),
  ),
  teams: z.array(ZFigures.extend({ teamId: zInt().nullable(), teamName: z.string().nullable(), people: zInt() })),
});
export type TWorkload = z.infer<typeof ZWorkload>;
