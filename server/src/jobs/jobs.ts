import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Clock } from '../http/clock';
import { type Mailer, deliverPendingMail } from '../mail/mailer';
import { slaScanJob } from '../modules/tickets/tickets.sla';
import { travelLogScanJob } from '../modules/travel/travel.logscan';
import { obligationsRemindJob } from '../modules/obligations/obligations.service';
import { reportsObligationsJob } from '../modules/reports/reports.obligations';
import { surveysScheduleJob } from '../modules/surveys/surveys.service';
import { certificateReminderJob } from '../modules/staff-training/certificates.service';
import { commissionReleaseJob } from '../modules/pay/pay.service';
import { kpiReviewObligationsJob } from '../modules/kpi/kpi.obligations';
import { customerCarePlanJob } from '../modules/customers/care.service';
import { meetingActionsFollowUpJob } from '../modules/meetings/meetings.service';
import type { Job, JobLogger } from './scheduler';

export type JobDeps = {
  db: Kysely<DB>;
  clock: Clock;
  /** The company's IANA time zone (TECHSERVE_TIME_ZONE, issue 13 item 7). */
  timeZone: string;
  mailer: Mailer;
  logger: JobLogger;
  /** For links in e-mail (SR-11b). */ publicUrl?: string;
};

export const MAIL_JOB_EVERY_MS = 30_000;

/** The background jobs `serve` schedules (each runs once per period across instances). */
export function backgroundJobs(deps: JobDeps): Job[] {
  return [
    {
      name: 'mail.deliver',
      everyMs: MAIL_JOB_EVERY_MS,
      run: async () => {
        const { sent, failed } = await deliverPendingMail(deps.db, deps.mailer, deps.clock);
        if (sent || failed) deps.logger.info({ sent, failed }, 'outbox mail delivered');
      },
    },
    // SLA-4: near-breach and breach warnings, once per request, target and due time.
    slaScanJob(deps),
    // AT-2/AT-3: missing travel logs of yesterday, flagged to the managers once per traveller and day.
    travelLogScanJob(deps),
    // Obligations: reminders before the due time, and what is overdue flagged to owners and managers (WR-2 …).
    obligationsRemindJob(deps),
    // WR-1/2/4/5/7: today's daily logs, this week's reports, next week's plans, last month's reports and volume.
    reportsObligationsJob(deps),
    // SR-11b: a survey round at the policy's interval (after the first one, sent by hand).
    surveysScheduleJob({ ...deps, publicUrl: deps.publicUrl ?? 'http://localhost:3000' }),
    // TRN-3: certificate holders and their managers are reminded before expiry, once per expiry date.
    certificateReminderJob(deps),
    // PAY-3: commission shares paid at settlement and held back two years, released on their dates.
    commissionReleaseJob(deps),
    // AP-16: a month's (and in January the year's) KPI self and superior reviews owed once it has ended.
    kpiReviewObligationsJob(deps),
    // CU-1/CU-2: the regions' customer visits and free annual inspections opened, the overdue ones recorded as missed.
    customerCarePlanJob(deps),
    // MTG-1: meeting action items — the owner reminded the day before the due date, owner and chair told once overdue.
    meetingActionsFollowUpJob(deps),
  ];
}
