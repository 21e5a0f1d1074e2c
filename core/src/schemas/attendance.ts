import { z } from 'zod';
import { ABSENCE_REPORT_KINDS, DAY_STATUSES } from '../attendance/evaluate';
import { OVERTIME_DAY_KINDS } from '../attendance/overtime';
import { ZAttendanceOverride } from '../attendance/rules';
import { ZMachineMapping } from '../attendance/machineImport';
import { ZExplanation } from '../explanation';
import { ZTimeOfDay } from '../policy/primitives';
import { ZDateInRange, ZId, ZListQuery, ZRef, ZVersion } from './common';
import { ZMonth } from './travel';

// RS-1..5, RS-9, AT-1, AT-3, POL-1: attendance through the API (issue 14).

export const PUNCH_SOURCES = ['web', 'phone', 'machine', 'correction'] as const;
export const ZPunchSource = z.enum(PUNCH_SOURCES);

/** RS-1: clock in or out. The time is the server's; the position when the browser gives it. */
export const ZPunchCreate = z
  .strictObject({
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    accuracyM: z.number().min(0).max(100_000).optional(),
    device: z.enum(['web', 'phone']).default('web'),
  })
  .refine((b) => (b.latitude === undefined) === (b.longitude === undefined), {
    message: 'latitude and longitude come together',
    path: ['longitude'],
  });
export type TPunchCreate = z.input<typeof ZPunchCreate>;

export const ZPunch = z.strictObject({
  id: z.number().int(),
  userId: z.number().int(),
  userName: z.string(),
  at: z.string(),
  date: z.string(),
  source: ZPunchSource,
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** Metres from the site's geofence centre when both are known. */
  distanceM: z.number().nullable(),
  /** Kept but flagged (RS-1): outside the site's geofence, without a position where one is required, off the office network. */
  outsideGeofence: z.boolean(),
  noPosition: z.boolean(),
  outsideNetwork: z.boolean(),
  siteId: z.number().int().nullable(),
});
export type TPunch = z.infer<typeof ZPunch>;

export const ZDayStatus = z.enum(DAY_STATUSES);
export type TDayStatusApi = z.infer<typeof ZDayStatus>;

export const ZSegmentResult = z.strictObject({
  startTime: z.string(),
  endTime: z.string(),
  inAt: z.string().nullable(),
  outAt: z.string().nullable(),
  lateMinutes: z.number().int(),
  earlyMinutes: z.number().int(),
  late: z.boolean(),
  seriouslyLate: z.boolean(),
  early: z.boolean(),
  seriouslyEarly: z.boolean(),
  missingIn: z.boolean(),
  missingOut: z.boolean(),
  pending: z.boolean(),
});

export const ZAttendanceDay = z.strictObject({
  userId: z.number().int(),
  date: z.string(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeup']),
  status: ZDayStatus,
  absent: z.boolean(),
  lateCount: z.number().int(),
  lateMinutes: z.number().int(),
  seriouslyLateCount: z.number().int(),
  earlyCount: z.number().int(),
  earlyMinutes: z.number().int(),
  seriouslyEarlyCount: z.number().int(),
  missingPunches: z.number().int(),
  segments: z.array(ZSegmentResult),
  explanations: z.array(ZExplanation),
  policyVersion: z.number().int().nullable(),
});
export type TAttendanceDay = z.infer<typeof ZAttendanceDay>;

export const ZAttendanceRollup = z.strictObject({
  userId: z.number().int(),
  userName: z.string(),
  siteId: z.number().int().nullable(),
  siteName: z.string().nullable(),
  month: z.string(),
  workingDays: z.number().int(),
  presentDays: z.number().int(),
  leaveDays: z.number().int(),
  tripDays: z.number().int(),
  absences: z.number().int(),
  lateCount: z.number().int(),
  lateMinutes: z.number().int(),
  seriouslyLateCount: z.number().int(),
  earlyCount: z.number().int(),
  earlyMinutes: z.number().int(),
  seriouslyEarlyCount: z.number().int(),
  missingPunches: z.number().int(),
  conductPoints: z.number().int(),
  explanationDue: z.boolean(),
  resignationProposal: z.boolean(),
  longestAbsenceRun: z.number().int(),
  explanations: z.array(ZExplanation),
});
export type TAttendanceRollup = z.infer<typeof ZAttendanceRollup>;

export const ZAttendanceMonthQuery = z.strictObject({ month: ZMonth, userId: ZId.optional() });
export const ZAttendanceMonth = z.strictObject({
  userId: z.number().int(),
  userName: z.string(),
  month: z.string(),
  closed: z.boolean(),
  days: z.array(ZAttendanceDay),
  punches: z.array(ZPunch),
  rollup: ZAttendanceRollup,
});
export type TAttendanceMonth = z.infer<typeof ZAttendanceMonth>;

export const ZAttendanceRollupQuery = z.strictObject({ month: ZMonth, siteId: ZId.optional() });
export const ZAttendanceRollupList = z.strictObject({ month: z.string(), closed: z.boolean(), items: z.array(ZAttendanceRollup) });
export type TAttendanceRollupList = z.infer<typeof ZAttendanceRollupList>;

/** The clock-in card: today's shift, punches and judgement so far. */
export const ZAttendanceToday = z.strictObject({
  date: z.string(),
  working: z.boolean(),
  segments: z.array(z.strictObject({ startTime: z.string(), endTime: z.string() })),
  site: z.strictObject({ id: z.number().int(), name: z.string() }).nullable(),
  punches: z.array(ZPunch),
  day: ZAttendanceDay,
});
export type TAttendanceToday = z.infer<typeof ZAttendanceToday>;

// Corrections (补卡, item 3) --------------------------------------------------------------------------------------

export const CORRECTION_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export const ZCorrectionStatus = z.enum(CORRECTION_STATUSES);
export const ZCorrectionCreate = z.strictObject({
  date: ZDateInRange,
  time: ZTimeOfDay,
  reason: z.string().trim().min(2).max(500),
});
export type TCorrectionCreate = z.infer<typeof ZCorrectionCreate>;
export const ZCorrection = z.strictObject({
  id: z.number().int(),
  userId: z.number().int(),
  userName: z.string(),
  date: z.string(),
  time: z.string(),
  at: z.string(),
  reason: z.string(),
  status: ZCorrectionStatus,
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** The month was closed when it was approved: booked as an adjustment of the next open month. */
  adjustmentId: z.number().int().nullable(),
  /** Item 3/RS-4b: a resident's correction approved by the lead waits for the client IT office (pending), then counts. */
  clientStatus: z.enum(['pending', 'approved', 'rejected']).nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type TCorrection = z.infer<typeof ZCorrection>;
export const ZCorrectionDecision = z.strictObject({
  version: ZVersion,
  approve: z.boolean(),
  comment: z.string().trim().max(500).optional(),
});
export type TCorrectionDecision = z.infer<typeof ZCorrectionDecision>;
export const ZCorrectionListQuery = ZListQuery.extend({
  /** mine: my own; inbox: others' in my scope waiting for a decision; all: others' in my scope. */
  view: z.enum(['mine', 'inbox', 'all']).default('mine'),
  status: ZCorrectionStatus.optional(),
}).strict();
export type TCorrectionListQuery = z.infer<typeof ZCorrectionListQuery>;

// Reported absences (RS-3, AT-3, item 5) ----------------------------------------------------------------------------

export const ZAbsenceReportKind = z.enum(ABSENCE_REPORT_KINDS);
export const ZAbsenceReportCreate = z.strictObject({
  userId: ZRef,
  date: ZDateInRange,
  kind: ZAbsenceReportKind,
  note: z.string().trim().min(2).max(1000),
});
export type TAbsenceReportCreate = z.infer<typeof ZAbsenceReportCreate>;
export const ZAbsenceReport = z.strictObject({
  id: z.number().int(),
  userId: z.number().int(),
  date: z.string(),
  kind: ZAbsenceReportKind,
  note: z.string(),
  reportedByName: z.string(),
  createdAt: z.string(),
});

// Site settings (RS-1 geofence and network, POL-1 override) -------------------------------------------------------------

export const ZAttendanceSiteSettings = z.strictObject({
  override: ZAttendanceOverride,
  geofence: z
    .strictObject({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      radiusM: z.number().int().min(10).max(100_000),
    })
    .nullable(),
  /** Office networks: IPv4 CIDR blocks such as '10.20.0.0/16'; a punch from elsewhere is flagged. */
  networks: z.array(z.string().regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, 'an IPv4 CIDR block such as 10.20.0.0/16')).max(50),
});
export type TAttendanceSiteSettings = z.infer<typeof ZAttendanceSiteSettings>;
export const ZAttendanceSiteSettingsOut = ZAttendanceSiteSettings.extend({
  siteId: z.number().int(),
  siteName: z.string(),
  version: z.number().int(),
});
export const ZAttendanceSiteSettingsPut = ZAttendanceSiteSettings.extend({ version: ZVersion.optional() });
export const ZSiteIdParams = z.strictObject({ siteId: ZId });

// Machine import (RS-1, item 2) ----------------------------------------------------------------------------------------

export const ZMachineImport = z.strictObject({
  /** The machine type whose column mapping is used and saved (e.g. 'zkteco-u160'). */
  machineType: z.string().trim().min(1).max(60),
  /** The exported file's bytes, base64: CSV or tab-separated text (UTF-8 or GBK), or an Excel workbook (.xlsx, first sheet). */
  contentBase64: z.string().min(1),
  /** The column mapping; omitted: the one saved for the machine type, else the common layouts guessed from the header. */
  mapping: ZMachineMapping.optional(),
  /** Preview: read and check every row, write nothing. */
  dryRun: z.boolean().default(false),
});
export type TMachineImport = z.input<typeof ZMachineImport>;
export const ZMachineImportResult = z.strictObject({
  machineType: z.string(),
  mapping: z.record(z.string(), z.string()),
  dryRun: z.boolean(),
  rows: z.number().int(),
  /** Added; in a preview, what the import would add. */
  imported: z.number().int(),
  duplicates: z.number().int(),
  refused: z.array(
    z.strictObject({ line: z.number().int(), reason: z.string(), params: z.record(z.string(), z.unknown()), raw: z.string() }),
  ),
  preview: z.array(
    z.strictObject({ line: z.number().int(), employeeNo: z.string(), userName: z.string(), date: z.string(), time: z.string() }),
  ),
});
export type TMachineImportResult = z.infer<typeof ZMachineImportResult>;

// Spot checks (RS-1, RS-3, item 8) -------------------------------------------------------------------------------------

export const SPOT_CHECK_FINDINGS = ['present', 'absent', 'standIn'] as const;
export const ZSpotCheckFinding = z.enum(SPOT_CHECK_FINDINGS);
export const ZSpotCheckCreate = z.strictObject({
  siteId: ZRef,
  note: z.string().trim().max(1000).optional(),
  people: z
    .array(z.strictObject({ userId: ZRef, finding: ZSpotCheckFinding }))
    .min(1)
    .max(200),
});
export type TSpotCheckCreate = z.infer<typeof ZSpotCheckCreate>;
export const ZSpotCheck = z.strictObject({
  id: z.number().int(),
  siteId: z.number().int(),
  at: z.string(),
  note: z.string().nullable(),
  checkedByName: z.string(),
  people: z.array(
    z.strictObject({
      userId: z.number().int(),
      userName: z.string(),
      finding: ZSpotCheckFinding,
      /** A stand-in found: the absence report it raised (RS-3). */
      absenceReportId: z.number().int().nullable(),
    }),
  ),
});
export type TSpotCheck = z.infer<typeof ZSpotCheck>;
export const ZSpotCheckListQuery = z.strictObject({ siteId: ZId, month: ZMonth });

// Overtime (AT-5, AT-5b, item 13) ----------------------------------------------------------------------------------------

export const OVERTIME_KINDS = ['voluntary', 'ordered'] as const;
export const ZOvertimeKind = z.enum(OVERTIME_KINDS);
export const OVERTIME_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export const ZOvertimeStatus = z.enum(OVERTIME_STATUSES);

/**
 * AT-5b: overtime asked by the employee (voluntary) or ordered by the project manager or the superior for someone
 * (ordered). Local times on the person's calendar; an end at or before the start is on the next day (past midnight).
 */
export const ZOvertimeCreate = z
  .strictObject({
    kind: ZOvertimeKind.default('voluntary'),
    /** Ordered: whose overtime it is. */
    userId: ZRef.optional(),
    /** Ordered by a project manager: the project. */
    projectId: ZRef.optional(),
    date: ZDateInRange,
    start: ZTimeOfDay,
    end: ZTimeOfDay,
    reason: z.string().trim().min(2).max(500),
  })
  .refine((b) => b.kind === 'voluntary' || b.userId !== undefined, { message: 'ordered overtime names the employee', path: ['userId'] })
  .refine((b) => b.start !== b.end, { message: 'the end must differ from the start', path: ['end'] });
export type TOvertimeCreate = z.input<typeof ZOvertimeCreate>;

export const ZOvertime = z.strictObject({
  id: z.number().int(),
  userId: z.number().int(),
  userName: z.string(),
  kind: ZOvertimeKind,
  projectId: z.number().int().nullable(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  reason: z.string(),
  status: ZOvertimeStatus,
  requestedByName: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type TOvertime = z.infer<typeof ZOvertime>;
export const ZOvertimeDecision = ZCorrectionDecision;
export type TOvertimeDecision = z.infer<typeof ZOvertimeDecision>;
export const ZOvertimeListQuery = ZListQuery.extend({
  /** mine: my own; inbox: others' in my scope waiting for a decision; all: others' in my scope. */
  view: z.enum(['mine', 'inbox', 'all']).default('mine'),
  status: ZOvertimeStatus.optional(),
}).strict();
export type TOvertimeListQuery = z.infer<typeof ZOvertimeListQuery>;

/** AT-5/AT-5b: one approved overtime as the payroll reads it — hours and rate — with its explanations. */
export const ZOvertimeLine = z.strictObject({
  overtimeId: z.number().int(),
  userId: z.number().int(),
  userName: z.string(),
  employeeNo: z.string().nullable(),
  kind: ZOvertimeKind,
  date: z.string(),
  start: z.string(),
  end: z.string(),
  dayKind: z.enum(OVERTIME_DAY_KINDS),
  approvedMinutes: z.number().int(),
  workedMinutes: z.number().int(),
  paidMinutes: z.number().int(),
  /** paidMinutes / 60, two decimals. */
  paidHours: z.number(),
  ratePercent: z.number().int(),
  /** pay: paid at ratePercent; timeOff: rest-day overtime given as time off (补休), not paid. */
  compensation: z.enum(['pay', 'timeOff']),
  policyVersion: z.number().int().nullable(),
  /** AT-5b: approved after this closed month of its date, so paid in the month listed (an adjustment); else null. */
  bookedFrom: z.string().nullable(),
  explanations: z.array(ZExplanation),
});
export type TOvertimeLine = z.infer<typeof ZOvertimeLine>;
export const ZOvertimeMonthQuery = ZAttendanceMonthQuery;
export const ZOvertimeMonth = z.strictObject({
  userId: z.number().int(),
  userName: z.string(),
  month: z.string(),
  closed: z.boolean(),
  lines: z.array(ZOvertimeLine),
  /** Paid minutes per rate (pay), and time off minutes. */
  totals: z.strictObject({
    byRate: z.array(z.strictObject({ ratePercent: z.number().int(), paidMinutes: z.number().int() })),
    timeOffMinutes: z.number().int(),
  }),
});
export type TOvertimeMonth = z.infer<typeof ZOvertimeMonth>;
export const ZOvertimeLinesQuery = z.strictObject({ month: ZMonth });
export const ZOvertimeLines = z.strictObject({ month: z.string(), closed: z.boolean(), items: z.array(ZOvertimeLine) });
