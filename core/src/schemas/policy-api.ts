import { z } from 'zod';
import { ZIsoDate } from '../policy/primitives';
import { ZPolicy } from '../policy/schema';
import { ZVersion, zInt, zIntText } from './common';

/** A policy version number (1, 2, 3 …) in a URL. */
export const ZPolicyNumber = zIntText().positive().max(1_000_000);
export const ZPolicyNumberParams = z.strictObject({ number: ZPolicyNumber });

const ZNote = z.string().trim().max(2000);
const ZLocalized = z.object({ 'zh-CN': z.string(), en: z.string() });

/** A document sent for a draft; checked against ZPolicy in the service so every problem is a 422 with its path. */
export const ZPolicyDocumentInput = z
  .record(z.string(), z.unknown())
  .describe('A complete policy document (the shape of GET /policy/versions/{number} → document).');

export const ZPolicyVersionSummary = z.object({
  number: zInt(),
  /** GOV-1: draft → submitted (for approval) → published when approved; a rejected submission returns to draft. */
  status: z.enum(['draft', 'submitted', 'published']),
  /** Null for drafts. */
  effectiveFrom: ZIsoDate.nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Who approved it (GOV-1); the first version of an install is in force without approval. */
  publishedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  /** The submitter's user id: GOV-1's four eyes keep them from approving it. */
  submittedById: z.number().nullable(),
  /** The approver's comment when approved (GOV-1). */
  approvalComment: z.string().nullable(),
  /** The last rejection, kept on the draft it returned to editing. */
  rejectedAt: z.string().nullable(),
  rejectedBy: z.string().nullable(),
  rejectionComment: z.string().nullable(),
  /** Optimistic-locking version of the record (send it back on changes). */
  version: zInt(),
});
export type TPolicyVersionSummary = z.infer<typeof ZPolicyVersionSummary>;

export const ZPolicyVersionDetail = ZPolicyVersionSummary.extend({ document: ZPolicy });
export type TPolicyVersionDetail = z.infer<typeof ZPolicyVersionDetail>;

export const ZPolicyVersionList = z.object({ items: z.array(ZPolicyVersionSummary) });

export const ZPolicyInForceQuery = z.strictObject({
  date: ZIsoDate.optional().describe('The company-local date; default today (Asia/Shanghai).'),
});
export const ZPolicyInForce = z.object({ number: zInt(), effectiveFrom: ZIsoDate, document: ZPolicy });
export type TPolicyInForce = z.infer<typeof ZPolicyInForce>;

export const ZPolicyDraftCreate = z.strictObject({
  baseNumber: zInt().positive().optional().describe('The version to copy; default the one in force today.'),
  note: ZNote.optional(),
});
export type TPolicyDraftCreate = z.infer<typeof ZPolicyDraftCreate>;

export const ZPolicyDraftUpdate = z.strictObject({
  version: ZVersion,
  document: ZPolicyDocumentInput.optional(),
  note: ZNote.optional(),
});
export type TPolicyDraftUpdate = z.infer<typeof ZPolicyDraftUpdate>;

export const ZPolicyPublish = z.strictObject({
  version: ZVersion,
  effectiveFrom: ZIsoDate.describe('本制度自…起执行: tomorrow or later (company-local date).'),
});
export type TPolicyPublish = z.infer<typeof ZPolicyPublish>;

/** GOV-1: the approver's decision on a submitted version; a rejection needs its reason. */
export const ZPolicyApprove = z.strictObject({ version: ZVersion, comment: ZNote.optional() });
export type TPolicyApprove = z.infer<typeof ZPolicyApprove>;
export const ZPolicyReject = z.strictObject({ version: ZVersion, comment: ZNote.min(1) });
export type TPolicyReject = z.infer<typeof ZPolicyReject>;

export const ZPolicyDiffQuery = z.strictObject({ from: ZPolicyNumber, to: ZPolicyNumber });
export const ZPolicyDiffChange = z.object({
  path: z.string(),
  ruleId: z.string().nullable(),
  label: ZLocalized.nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type TPolicyDiffChange = z.infer<typeof ZPolicyDiffChange>;
export const ZPolicyDiff = z.object({
  from: zInt(),
  to: zInt(),
  changes: z.array(ZPolicyDiffChange),
});
export type TPolicyDiff = z.infer<typeof ZPolicyDiff>;

export const POLICY_IMPORT_MAX_CHARS = 1_000_000;
export const ZPolicyImport = z.strictObject({
  json: z.string().min(1).max(POLICY_IMPORT_MAX_CHARS).describe('The text of an exported policy document.'),
  note: ZNote.optional(),
});
export type TPolicyImport = z.infer<typeof ZPolicyImport>;

export const ZPolicyFieldMeta = z.object({
  path: z.string(),
  ruleId: z.string(),
  label: ZLocalized,
  regulation: ZLocalized,
  unit: z.string(),
});
export const ZPolicyFieldList = z.object({ items: z.array(ZPolicyFieldMeta) });

export const ZPolicyPresetInfo = z.object({
  id: z.string(),
  label: ZLocalized,
  source: z.object({ seed: z.string(), ruleIds: z.array(z.string()) }),
  isDefault: z.boolean(),
  patch: z.record(z.string(), z.unknown()),
});
export const ZPolicyPresetGroups = z.record(z.string(), z.array(ZPolicyPresetInfo));
