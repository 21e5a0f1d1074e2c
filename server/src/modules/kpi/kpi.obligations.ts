/**
 * AP-16 review obligations: once a month has ended, every member of staff owes the month's KPI self-review and the
 * department manager owes the superior review of each person of the department (never their own), both due by the
 * policy's day of the next month (core's dueOf, appraisal.kpi.monthlyReviewDueDay); in January the same for the year
 * just ended, due by the end of the policy's annual review month. Scoring fulfils them (judged by the time received).
 */
import { localDateOf, monthOfDate, nextMonth, previousMonth } from '@techserve/core';
import { type Clock, nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { type ActingCtx, type ObligationSpec, fulfilObligation, openObligations, systemActing } from '../obligations/obligations.service';
import { isMonthClosed } from '../months/months.service';
import * as repo from './kpi.repository';

const link = (period: string) => `/kpi?period=${period}`;

/** Opens the period's self and superior review obligations of everyone on staff (idempotent); returns how many are new. */
export async function openKpiReviewObligations(db: Db, acting: ActingCtx, period: string): Promise<number> {
  const staff = await repo.staff(db, null);
  const specs: ObligationSpec[] = [
    ...staff.map((s) => ({ facts: { kind: 'kpi_self_review' as const, period }, ownerId: s.id, link: link(period) })),
    ...staff
      .filter((s) => s.manager_id !== null && s.manager_id !== s.id)
      .map((s) => ({
        facts: { kind: 'kpi_superior_review' as const, period },
        ownerId: s.manager_id as number,
        subject: { type: 'user', id: s.id },
        link: link(period),
      })),
  ];
  return (await openObligations(db, acting, specs)).length;
}

/**
 * AP-16: a score written for a period fulfils the writer's obligation (self: their own; superior: the person's), once
 * the month it is due in is still open; a closed month keeps what it judged (a later review changes no closed month).
 */
export async function fulfilKpiReview(db: Db, acting: Ctx, period: string, userId: number | null) {
  const self = userId === null;
  const spec: ObligationSpec = self
    ? { facts: { kind: 'kpi_self_review', period }, ownerId: acting.actor.id, link: link(period) }
    : {
        facts: { kind: 'kpi_superior_review', period },
        ownerId: acting.actor.id,
        subject: { type: 'user', id: userId },
        link: link(period),
      };
  // The month the review is due in: the next month, or the next January for a year.
  const dueMonth = /^\d{4}$/.test(period) ? `${Number(period) + 1}-01` : nextMonth(period);
  if (await isMonthClosed(db, dueMonth)) return;
  await fulfilObligation(db, acting, { ...spec, receivedAt: nowIso(acting.clock) });
}

// Opened once per process and month; other processes and restarts find the rows there.
let lastOpened = '';

/** The job: after a month ends, its review obligations (and in January the year's). */
export const kpiReviewObligationsJob = (deps: { db: Db; clock: Clock }) => ({
  name: 'kpi.review-obligations',
  everyMs: 60 * 60_000,
  run: async () => {
    const month = monthOfDate(localDateOf(deps.clock.now().getTime()));
    if (month === lastOpened) return;
    const periods = [previousMonth(month), ...(month.endsWith('-01') ? [String(Number(month.slice(0, 4)) - 1)] : [])];
    await deps.db.transaction().execute(async (db) => {
      for (const period of periods) await openKpiReviewObligations(db, systemActing(deps.clock), period);
    });
    lastOpened = month;
  },
});
