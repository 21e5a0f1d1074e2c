import { z } from 'zod';
import { ZAccountsPolicy } from './accountsPolicy';
import { ZAppraisalPolicy } from './appraisalPolicy';
import { ZAttendancePolicy } from './attendancePolicy';
import { ZFieldServicePolicy } from './fieldServicePolicy';
import { ZIncidentsPolicy } from './incidentsPolicy';
import { ZLeavePolicy } from './leavePolicy';
import { ZPayPolicy } from './payPolicy';
import { minutesOfDay } from './primitives';
import { ZReportsPolicy } from './reportsPolicy';
import { ZSlaPolicy } from './slaPolicy';
import { ZTravelPolicy } from './travelPolicy';

const ZPolicyShape = z.strictObject({
  sla: ZSlaPolicy,
  fieldService: ZFieldServicePolicy,
  attendance: ZAttendancePolicy,
  leave: ZLeavePolicy,
  travel: ZTravelPolicy,
  reports: ZReportsPolicy,
  incidents: ZIncidentsPolicy,
  appraisal: ZAppraisalPolicy,
  pay: ZPayPolicy,
  accounts: ZAccountsPolicy,
});
type TPolicyShape = z.infer<typeof ZPolicyShape>;

/** A cross-field problem of a policy document, at a zod-style path. */
export interface PolicyIssue {
  path: (string | number)[];
  message: string;
}

function uniqueIds(items: { id: string }[], path: (string | number)[], issues: PolicyIssue[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) issues.push({ path: [...path, i, 'id'], message: `duplicate id '${item.id}'` });
    seen.add(item.id);
  });
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** Cross-field rules the per-field schemas cannot express; empty when the document is consistent. */
export function policyIssues(p: TPolicyShape): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });

  // Unique ids: paths, diffs and references use them as keys.
  uniqueIds(p.sla.levels, ['sla', 'levels'], issues);
  uniqueIds(p.fieldService.standardKit, ['fieldService', 'standardKit'], issues);
  uniqueIds(p.fieldService.handoverDocuments, ['fieldService', 'handoverDocuments'], issues);
  uniqueIds(p.attendance.conductPoints, ['attendance', 'conductPoints'], issues);
  uniqueIds(p.leave.types, ['leave', 'types'], issues);
  uniqueIds(p.leave.noticeRules, ['leave', 'noticeRules'], issues);
  uniqueIds(p.incidents.classes, ['incidents', 'classes'], issues);
  uniqueIds(p.appraisal.schemeA.items, ['appraisal', 'schemeA', 'items'], issues);
  p.appraisal.schemeA.items.forEach((item, i) => {
    uniqueIds(item.children, ['appraisal', 'schemeA', 'items', i, 'children'], issues);
  });
  uniqueIds(p.pay.baseTiers, ['pay', 'baseTiers'], issues);
  uniqueIds(p.pay.engineerLevels, ['pay', 'engineerLevels'], issues);

  // SLA-1: references to levels must resolve; a resolution target cannot precede the first response.
  const levelIds = new Set(p.sla.levels.map((l) => l.id));
  if (!levelIds.has(p.sla.defaultLevelId)) add(['sla', 'defaultLevelId'], `SLA-1: no level '${p.sla.defaultLevelId}'`);
  if (!levelIds.has(p.sla.warranty.levelId)) add(['sla', 'warranty', 'levelId'], `SLA-2: no level '${p.sla.warranty.levelId}'`);
  p.sla.levels.forEach((level, i) => {
    for (const [priority, t] of Object.entries(level.targets)) {
      if (t.resolutionMinutes < t.firstResponseMinutes) {
        add(
          ['sla', 'levels', i, 'targets', priority, 'resolutionMinutes'],
          'SLA-1: the resolution target must not be shorter than the first-response target',
        );
      }
    }
  });
  if (p.sla.outOfWarranty.suggestedMaximumFeeFen < p.sla.outOfWarranty.minimumFeeFen) {
    add(['sla', 'outOfWarranty', 'suggestedMaximumFeeFen'], 'CU-3: the suggested maximum fee is below the minimum fee');
  }

  // RS-1: intervals run forwards, in order, without overlapping.
  p.attendance.workIntervals.forEach((interval, i) => {
    const start = minutesOfDay(interval.start);
    const end = minutesOfDay(interval.end);
    if (end <= start) add(['attendance', 'workIntervals', i, 'end'], `RS-1: ${interval.end} is not after ${interval.start}`);
    const previous = p.attendance.workIntervals[i - 1];
    if (previous && start < minutesOfDay(previous.end)) {
      add(
        ['attendance', 'workIntervals', i, 'start'],
        `RS-1: ${interval.start} starts before the previous interval ends (${previous.end})`,
      );
    }
  });
  // RS-2/RS-9: "seriously" late or early must be beyond plain late or early.
  if (p.attendance.seriouslyLateMinutes <= p.attendance.lateThresholdMinutes) {
    add(['attendance', 'seriouslyLateMinutes'], 'RS-9: seriously late must exceed the late threshold');
  }
  if (p.attendance.seriouslyEarlyLeaveMinutes <= p.attendance.earlyLeaveThresholdMinutes) {
    add(['attendance', 'seriouslyEarlyLeaveMinutes'], 'RS-9: serious early leave must exceed the early-leave threshold');
  }

  // RS-4: notice rules cover ascending, disjoint day ranges; only the last may be open-ended.
  p.leave.noticeRules.forEach((rule, i) => {
    if (rule.maxDays !== null && rule.maxDays < rule.minDays) {
      add(['leave', 'noticeRules', i, 'maxDays'], `RS-4: ${rule.maxDays} days is below the minimum ${rule.minDays}`);
    }
    const previous = p.leave.noticeRules[i - 1];
    if (previous && (previous.maxDays === null || rule.minDays <= previous.maxDays)) {
      add(['leave', 'noticeRules', i, 'minDays'], 'RS-4: day ranges of notice rules must ascend without overlapping');
    }
  });

  // TR-2: a mode is either free to use or needs approval, not both.
  p.travel.transportNeedingApproval.forEach((mode, i) => {
    if (p.travel.allowedTransport.includes(mode)) {
      add(['travel', 'transportNeedingApproval', i], `TR-2: '${mode}' is also listed as allowed without approval`);
    }
  });

  // AP-3: children weigh what their parent weighs; top items weigh the total.
  const a = p.appraisal.schemeA;
  a.items.forEach((item, i) => {
    const childSum = sum(item.children.map((c) => c.weight));
    if (item.children.length > 0 && childSum !== item.weight) {
      add(['appraisal', 'schemeA', 'items', i, 'children'], `AP-3: the sub-items of '${item.id}' weigh ${childSum}, not ${item.weight}`);
    }
  });
  const topSum = sum(a.items.map((item) => item.weight));
  if (topSum !== a.total) add(['appraisal', 'schemeA', 'items'], `AP-3: the items weigh ${topSum}, not ${a.total}`);
  // AP-3: the computed workload item is a leaf item (a top item without sub-items, or a sub-item).
  const leafIds = a.items.flatMap((item) => (item.children.length > 0 ? item.children.map((c) => c.id) : [item.id]));
  if (!leafIds.includes(a.workload.itemId)) {
    add(['appraisal', 'schemeA', 'workload', 'itemId'], `AP-3: '${a.workload.itemId}' is not an item without sub-items`);
  }
  // AP-4: A above B, both within the total.
  if (a.grades.aMinScore <= a.grades.bMinScore) {
    add(['appraisal', 'schemeA', 'grades', 'aMinScore'], 'AP-4: the A bound must be above the B bound');
  }
  if (a.grades.aMinScore > a.total) {
    add(['appraisal', 'schemeA', 'grades', 'aMinScore'], `AP-4: the A bound exceeds the total ${a.total}`);
  }
  // AP-5: counted among twelve monthly grades.
  if (a.annual.promotionACount > 12) add(['appraisal', 'schemeA', 'annual', 'promotionACount'], 'AP-5: a year has 12 grades');
  if (a.annual.demotionCCount > 12) add(['appraisal', 'schemeA', 'annual', 'demotionCCount'], 'AP-5: a year has 12 grades');

  // PAY-2: the better band never gets the smaller coefficient.
  p.pay.rankingBonus.bandCoefficients.forEach((c, i) => {
    const previous = p.pay.rankingBonus.bandCoefficients[i - 1];
    if (previous !== undefined && c > previous) {
      add(['pay', 'rankingBonus', 'bandCoefficients', i], 'PAY-2: coefficients must not increase from band to band');
    }
  });
  // PAY-3: levels are numbered 1..n and pay does not fall with the level.
  p.pay.engineerLevels.forEach((level, i) => {
    if (level.level !== i + 1) add(['pay', 'engineerLevels', i, 'level'], `PAY-3: expected level ${i + 1}`);
    const previous = p.pay.engineerLevels[i - 1];
    if (previous && level.monthlyFen < previous.monthlyFen) {
      add(['pay', 'engineerLevels', i, 'monthlyFen'], 'PAY-3: a higher level must not pay less');
    }
  });
  if (p.pay.probation.maxMonths < p.pay.probation.minMonths) {
    add(['pay', 'probation', 'maxMonths'], 'PAY-3: the longest probation is shorter than the shortest');
  }
  if (p.pay.commission.paidMonthlyPercent + p.pay.commission.heldBackPercent > 100) {
    add(['pay', 'commission', 'heldBackPercent'], 'PAY-3: paid monthly and held back exceed 100 %');
  }
  // PAY-3: a commission price names a pipe type and band of the WR-7 volume report, once.
  const priced = new Set<string>();
  p.pay.commission.rates.forEach((r, i) => {
    const pipe = p.reports.workVolume.pipeTypes.find((t) => t.id === r.pipeType);
    if (!pipe || !pipe.bands.some((b) => b.id === r.band)) {
      add(['pay', 'commission', 'rates', i, 'band'], 'PAY-3: no such pipe type and band in the work volume report');
    }
    if (priced.has(`${r.pipeType}|${r.band}`)) add(['pay', 'commission', 'rates', i, 'band'], 'PAY-3: this band is priced twice');
    priced.add(`${r.pipeType}|${r.band}`);
  });
  return issues;
}

/** The policy document: one section per rule group of regulations.md; every number is a company choice. */
export const ZPolicy = ZPolicyShape.superRefine((policy, ctx) => {
  for (const issue of policyIssues(policy)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
});
export type TPolicy = z.infer<typeof ZPolicy>;
