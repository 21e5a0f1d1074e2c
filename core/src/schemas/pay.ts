import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { PAY_LINE_KINDS } from '../pay/payslip';
import { PROBATION_ITEMS } from '../pay/probationAssessment';
import { ZItemId } from '../policy/primitives';
import { MAX_INPUT_YEAR, MIN_INPUT_YEAR, ZDate, ZDateInRange, ZId, ZRef, ZVersion, zInt } from './common';
import { ZMonth } from './travel';

/**
 * Pay (PAY-1..5, issue 16 items 11, 13, 14).
 *   GET  /pay/payroll?month=                  pay.read: the month's payslips, every line explained (409 until every sheet is final)
 *   GET  /pay/payroll/export?month=           pay.export: the same as Excel for finance
 *   POST /pay/commission/book {month}         pay.export: a closed month's settlement and held-back shares into the ledger
 *   POST /pay/commission/release              pay.export: release what is due today into the open month
 *   GET  /pay/commission?userId=&state=       pay.read: the ledger
 *   GET  /pay/profiles, PUT /pay/profiles/:id pay.read / pay.manage: base tier and field allowance
 *   PUT  /pay/month-inputs                    pay.manage: a person's days of non-piece work in an open month
 *   GET  /pay/tier-proposals?month=          pay.read: PAY-1 the base tier each record earns (a proposal to the GM)
 *   GET  /pay/welder-proposals?month=        pay.read: PAY-3 welder grade-ups, PAY-3b probation assessments due
 *   GET  /pay/probation-assessments?userId=  pay.read: PAY-3b probation assessments (转正考核)
 *   POST /pay/probation-assessments          pay.manage: record one; passed converts the pay profile from its date
 *   GET  /pay/contracts?userId=              pay.read: PAY-3c projects contracted (承包) to employees
 *   POST /pay/contracts, PUT /pay/contracts/:id pay.manage: record a contract, settle it (its end date)
 *   GET  /pay/dashboard?from=&to=             pay.read: grades, fines and bonuses by rule, trends per team and region
 */

/** A month within the input years: pay reaches back a year and a policy's dates, which a year 0000 would break. */
const ZPayMonth = ZMonth.refine((m) => {
  const year = Number(m.slice(0, 4));
  return year >= MIN_INPUT_YEAR && year <= MAX_INPUT_YEAR;
}, `must be between the years ${MIN_INPUT_YEAR} and ${MAX_INPUT_YEAR}`);

export const ZPayMonthQuery = z.strictObject({ month: ZPayMonth });

export const ZPayLine = z.object({
  key: z.string(),
  kind: z.enum(PAY_LINE_KINDS),
  ruleId: z.string(),
  amountFen: zInt().nullable(),
  explanation: ZExplanation,
});

export const ZPayslip = z.object({
  userId: zInt(),
  userName: z.string(),
  sheetId: zInt(),
  grade: z.enum(['A', 'B', 'C']).nullable(),
  lines: z.array(ZPayLine),
  wageFen: zInt(),
  travelFen: zInt(),
  /** AT-5b: overtime pay, on top of the guaranteed minimum. */
  overtimeFen: zInt(),
  topUpFen: zInt(),
  totalFen: zInt(),
});
export type TPayslipOut = z.infer<typeof ZPayslip>;

export const ZPayroll = z.object({
  month: z.string(),
  policyVersion: zInt().nullable(),
  items: z.array(ZPayslip),
  totalFen: zInt(),
});
export type TPayroll = z.infer<typeof ZPayroll>;

export const ZCommissionEntryState = z.enum(['pending', 'scheduled', 'released']);
export const ZCommissionEntry = z.object({
  id: zInt(),
  userId: zInt(),
  userName: z.string(),
  projectId: zInt(),
  projectName: z.string(),
  earnedMonth: z.string(),
  kind: z.enum(['settlement', 'retention']),
  amountFen: zInt(),
  policyVersion: zInt().nullable(),
  /** pending: the project has not settled (no release date yet); scheduled: a release date; released: paid in releasedMonth. */
  state: ZCommissionEntryState,
  releaseOn: z.string().nullable(),
  releasedMonth: z.string().nullable(),
  releasedAt: z.string().nullable(),
});
export type TCommissionEntry = z.infer<typeof ZCommissionEntry>;

export const ZCommissionListQuery = z.strictObject({ userId: ZId.optional(), state: ZCommissionEntryState.optional() });
export const ZCommissionBook = z.strictObject({ month: ZPayMonth });
export const ZCommissionBookResult = z.object({ month: z.string(), items: z.array(ZCommissionEntry) });
export const ZCommissionReleaseResult = z.object({ month: z.string(), scheduled: zInt(), items: z.array(ZCommissionEntry) });

export const ZPayProfile = z.object({
  userId: zInt(),
  userName: z.string(),
  baseTierId: z.string().nullable(),
  fieldAllowance: z.boolean(),
  welderGrade: zInt().nullable(),
  /** PAY-3: the date the grade took effect; null when not recorded. */
  welderGradeSince: z.string().nullable(),
  probation: z.boolean(),
  version: zInt(),
});
export type TPayProfile = z.infer<typeof ZPayProfile>;
export const ZPayProfileUpdate = z.strictObject({
  baseTierId: ZItemId,
  fieldAllowance: z.boolean(),
  /** PAY-3: a welder's grade (a level of pay.engineerLevels); null or absent: paid by the tier. */
  welderGrade: zInt().min(1).max(99).nullable().optional(),
  /** PAY-3: the date the grade took effect; absent: today when the grade changes, else as stored. */
  welderGradeSince: ZDate.nullable().optional(),
  /** PAY-3/PAY-3b: in probation until converted (转正). */
  probation: z.boolean().optional(),
  version: ZVersion.optional(),
});
export type TPayProfileUpdate = z.infer<typeof ZPayProfileUpdate>;

export const ZPayMonthInput = z.strictObject({
  userId: ZRef,
  month: ZPayMonth,
  nonPieceDays: zInt().min(0).max(31),
  version: ZVersion.optional(),
});
export type TPayMonthInput = z.infer<typeof ZPayMonthInput>;
export const ZPayMonthInputOut = z.object({ userId: zInt(), month: z.string(), nonPieceDays: zInt(), version: zInt() });
/** PAY-3: a person's non-piece days of a month as listed (0 days and version 0 while nothing is recorded). */
export const ZPayMonthInputRow = ZPayMonthInputOut.extend({ userName: z.string() });
export type TPayMonthInputRow = z.infer<typeof ZPayMonthInputRow>;

export const ZTierProposal = z.object({
  userId: zInt(),
  userName: z.string(),
  currentTierId: z.string(),
  cleanMonths: zInt(),
  examPassed: z.boolean(),
  proposedTierId: z.string().nullable(),
  explanation: ZExplanation,
});
export type TTierProposalOut = z.infer<typeof ZTierProposal>;

/** PAY-3/PAY-3b: a welder's grade-up or a probation assessment due at a month's end, proposed to the GM. */
export const ZWelderProposal = z.object({
  userId: zInt(),
  userName: z.string(),
  welderGrade: zInt().nullable(),
  probation: z.boolean(),
  kind: z.enum(['gradeUp', 'probationAssessment']).nullable(),
  months: zInt().nullable(),
  proposedGrade: zInt().nullable(),
  overdue: z.boolean(),
  explanation: ZExplanation,
});
export type TWelderProposalOut = z.infer<typeof ZWelderProposal>;

export const ZPayDashboardQuery = z.strictObject({ from: ZPayMonth, to: ZPayMonth });
const ZGroupTrend = z.object({
  id: zInt(),
  name: z.string(),
  month: z.string(),
  people: zInt(),
  averageTenths: zInt().nullable(),
  netFen: zInt(),
});
export const ZPayDashboard = z.object({
  months: z.array(z.string()),
  grades: z.array(z.object({ month: z.string(), A: zInt(), B: zInt(), C: zInt(), none: zInt() })),
  byRule: z.array(z.object({ ruleId: z.string(), kind: z.enum(['fine', 'bonus']), count: zInt(), amountFen: zInt() })),
  teams: z.array(ZGroupTrend),
  regions: z.array(ZGroupTrend),
});
export type TPayDashboard = z.infer<typeof ZPayDashboard>;

/** PAY-3c: an installation project contracted (承包) to an employee; the salary stops from startOn to endOn. */
export const ZPayContractCreate = z.strictObject({
  userId: ZRef,
  projectId: ZRef,
  startOn: ZDateInRange,
  endOn: ZDateInRange.nullable().optional(),
  note: z.string().trim().max(500).optional(),
});
export type TPayContractCreate = z.infer<typeof ZPayContractCreate>;
/** PAY-3c: the contract's settlement (its end date); null reopens it. */
export const ZPayContractSettle = z.strictObject({ endOn: ZDateInRange.nullable(), version: ZVersion });
export type TPayContractSettle = z.infer<typeof ZPayContractSettle>;
export const ZPayContractQuery = z.strictObject({ userId: ZId.optional() });
export const ZPayContract = z.object({
  id: zInt(),
  userId: zInt(),
  userName: z.string(),
  projectId: zInt(),
  projectName: z.string(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  note: z.string(),
  version: zInt(),
});
export type TPayContractOut = z.infer<typeof ZPayContract>;

const ZProbationItems = z.strictObject(
  Object.fromEntries(PROBATION_ITEMS.map((i) => [i, z.boolean()])) as Record<(typeof PROBATION_ITEMS)[number], z.ZodBoolean>,
);
/** PAY-3b: the probation assessment: each item passed or not, the dates, and the regular pay when passed. */
export const ZProbationAssessmentCreate = z.strictObject({
  userId: ZRef,
  items: ZProbationItems,
  assessedOn: ZDateInRange,
  effectiveOn: ZDateInRange,
  /** The regular pay from the conversion: a welder grade (null: paid by the tier) and the base tier. */
  welderGrade: zInt().min(1).max(99).nullable(),
  baseTierId: ZItemId,
  note: z.string().trim().max(500).optional(),
  /** The pay profile's version (409 when someone changed it meanwhile). */
  profileVersion: ZVersion,
});
export type TProbationAssessmentCreate = z.infer<typeof ZProbationAssessmentCreate>;
export const ZProbationAssessmentQuery = z.strictObject({ userId: ZId.optional() });
export const ZProbationAssessment = z.object({
  id: zInt(),
  userId: zInt(),
  userName: z.string(),
  items: ZProbationItems,
  result: z.enum(['passed', 'failed']),
  assessedOn: z.string(),
  effectiveOn: z.string(),
  welderGrade: zInt().nullable(),
  baseTierId: z.string(),
  note: z.string(),
  assessedByName: z.string(),
  explanation: ZExplanation,
});
export type TProbationAssessmentOut = z.infer<typeof ZProbationAssessment>;
