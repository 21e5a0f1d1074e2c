import { z } from 'zod';
import { JOB_TYPES } from '../reports/volume';
import { ZId, ZListQuery, ZLocalizedName, ZRef, ZVersion, zInt } from './common';
import { ZReportObligation } from './reports';
import { ZMonth } from './travel';

// WR-7 completed work volume (完成工程量统计表), issue 15 item 6: the project engineers report last month's metres by
// pipe type, diameter band and job type per project by the 3rd; the project manager verifies them; the verified
// volume is the input of piece-rate pay (PAY-3, read by the appraisal through volumeForMonth).
//
// API (under /api/v1):
//   POST /volume-reports                      reports.write   a project member reports a month (ended, open) of a project
//   PUT  /volume-reports/:id                  reports.write   the author changes a submitted or rejected report
//   POST /volume-reports/:id/decision         the project's manager (or projects.manage in scope) verifies or rejects it
//   GET  /volume-reports?view=mine|verify|all&month=&projectId=&status=    reports in scope
//   GET  /volume-reports/:id                  one report
//   GET  /volume-reports/summary?month=&projectId=   verified metres by project, pipe type, band and job type
//   GET  /volume-reports/projects             the projects I may report on (member of)

export const ZJobType = z.enum(JOB_TYPES);
const ZItemKey = z.string().trim().min(1).max(64);

export const ZVolumeLineInput = z.strictObject({
  pipeType: ZItemKey,
  band: ZItemKey,
  jobType: ZJobType,
  /** Metres, up to two decimals. */
  metres: z.number().positive().max(1_000_000).multipleOf(0.01),
});

export const ZVolumeReportCreate = z.strictObject({
  projectId: ZRef,
  month: ZMonth,
  lines: z.array(ZVolumeLineInput).min(1).max(200),
  note: z.string().trim().max(2000).optional(),
});
export type TVolumeReportCreate = z.infer<typeof ZVolumeReportCreate>;

export const ZVolumeReportUpdate = ZVolumeReportCreate.omit({ projectId: true, month: true }).extend({ version: ZVersion });
export type TVolumeReportUpdate = z.infer<typeof ZVolumeReportUpdate>;

export const ZVolumeDecision = z.strictObject({
  version: ZVersion,
  approve: z.boolean(),
  comment: z.string().trim().max(1000).optional(),
  /** The metres the project manager found, per line, where they differ from the reported ones. */
  corrections: z
    .array(z.strictObject({ lineId: ZRef, metres: z.number().min(0).max(1_000_000).multipleOf(0.01) }))
    .max(200)
    .default([]),
});
export type TVolumeDecision = z.infer<typeof ZVolumeDecision>;

export const ZVolumeLine = z.strictObject({
  id: zInt(),
  pipeType: z.string(),
  pipeTypeName: ZLocalizedName,
  band: z.string(),
  bandName: ZLocalizedName,
  jobType: ZJobType,
  metres: z.number(),
  verifiedMetres: z.number().nullable(),
});

export const ZVolumeReport = z.strictObject({
  id: zInt(),
  userId: zInt(),
  userName: z.string(),
  projectId: zInt(),
  projectName: z.string(),
  month: z.string(),
  status: z.enum(['submitted', 'verified', 'rejected']),
  note: z.string(),
  lines: z.array(ZVolumeLine),
  totalMetres: z.number(),
  verifiedMetres: z.number().nullable(),
  submittedAt: z.string(),
  decidedBy: z.strictObject({ id: zInt(), name: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  obligation: ZReportObligation.nullable(),
  version: zInt(),
});
export type TVolumeReport = z.infer<typeof ZVolumeReport>;

export const ZVolumeListQuery = ZListQuery.extend({
  view: z.enum(['mine', 'verify', 'all']).default('mine'),
  month: ZMonth.optional(),
  projectId: ZId.optional(),
  status: z.enum(['submitted', 'verified', 'rejected']).optional(),
});
export type TVolumeListQuery = z.infer<typeof ZVolumeListQuery>;

export const ZVolumeSummaryQuery = z.strictObject({ month: ZMonth, projectId: ZId.optional() });
export const ZVolumeSummary = z.strictObject({
  month: z.string(),
  rows: z.array(
    z.strictObject({
      projectId: zInt(),
      projectName: z.string(),
      pipeType: z.string(),
      pipeTypeName: ZLocalizedName,
      band: z.string(),
      bandName: ZLocalizedName,
      jobType: ZJobType,
      metres: z.number(),
    }),
  ),
  /** Reports of the month by status (verified ones count above). */
  reports: z.strictObject({ submitted: zInt(), verified: zInt(), rejected: zInt() }),
});
export type TVolumeSummary = z.infer<typeof ZVolumeSummary>;

export const ZVolumeProjects = z.object({ items: z.array(z.strictObject({ id: zInt(), name: z.string(), status: z.string() })) });
