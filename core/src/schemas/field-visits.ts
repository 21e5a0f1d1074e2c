// API-CONTRACT-READY
import { z } from 'zod';
import { ZLetterStatus } from '../field/letterStatus';
import { ZDateInRange, ZVersion, zInt, zIntText } from './common';
import { ZGrade } from './tickets';

/*
 * FS-5..FS-9 on site: check-in/out, the service record (售后维修单 / 服务记录), photos, expert consults, the
 * difficulty report, extra tasks, the customer's sign-off with the signed PDF, and the return.
 * All paths under /api/v1/field. Instants ISO UTC, dates 'YYYY-MM-DD'. `:id` is the responsibility letter's id.
 *
 *   GET    /my-jobs                                   field.work     → ZMyJobList (today's and upcoming visits of the signed-in engineer)
 *   GET    /letters/:id/visit                         field.read     → ZVisit (everything on site, with `allowed`)
 *   POST   /letters/:id/check-ins                     field.work     ZCheckInCreate → ZVisit (201) (FS-5; first arrival: approved → on_site, request's arrival)
 *   PUT    /letters/:id/service-record                field.work     ZServiceRecordPut → ZVisit (FS-6; version omitted on create)
 *   POST   /letters/:id/parts                         field.work     ZPartUsedCreate → ZVisit (201) (FS-6; installedProductId → CU-2 warranty)
 *   POST   /letters/:id/expert-consults               field.work     ZExpertConsultCreate → ZVisit (201) (FS-6; internal note on the request)
 *   POST   /letters/:id/photos                        field.work     multipart: file (image), purpose ('photo' | 'difficulty') → ZVisitFile (201)
 *   GET    /visit-files/:fileId                       field.read     → the image / PDF bytes (scope of its letter)
 *   GET    /visit-signatures/:fileId                  field.read     → a customer signature image (scope of its letter)
 *   POST   /letters/:id/difficulty-report             field.work     ZDifficultyReportCreate → ZVisit (201) (FS-6; due the same company-local day)
 *   GET    /difficulty-reports/missing                field.read     → ZMissingDifficultyReportList (letters whose due report is missing)
 *   POST   /letters/:id/extra-tasks                   field.work     ZExtraTaskCreate → ZVisit (201) (FS-7)
 *   POST   /letters/:id/extra-tasks/:taskId/customer-sign  field.work  ZExtraTaskCustomerSign → ZVisit (FS-7)
 *   POST   /letters/:id/extra-tasks/:taskId/countersign    field.approve ZVersionOnly → ZVisit (FS-7; after the return is requested)
 *   POST   /letters/:id/sign-off                      field.work     ZSignOffCreate → ZVisit (201) (FS-8; signature or unsignedReason)
 *   GET    /letters/:id/service-record.pdf            field.read     → application/pdf (the signed PDF, or a live one marked unsigned)
 *   POST   /letters/:id/return-request                field.work     ZReturnRequestCreate → ZVisit (FS-9; letter version)
 *   POST   /letters/:id/return-approve                field.approve  ZVersionOnly → ZVisit (FS-9; letter version)
 *   POST   /letters/:id/return-decline                field.approve  ZReturnDecline → ZVisit (FS-9; letter version)
 */

const ref = zInt().positive();
const queryRef = zIntText().positive();
/** PostgreSQL text cannot hold NUL characters: refuse them as input (400). */
const str = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');
const text = (max: number) => str(max).min(1);

export const ZVisitTaskParams = z.strictObject({ id: queryRef, taskId: queryRef });
export const ZVisitFileParams = z.strictObject({ fileId: queryRef });
export const ZVersionOnly = z.strictObject({ version: ZVersion });

/** Technical cap on a signature image (decoded bytes); a larger one gets 413. */
export const SIGNATURE_MAX_BYTES = 512 * 1024;

const position = {
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  accuracy: z.number().min(0).max(100_000).optional().describe('Metres, as the browser reports it'),
};

/** A signature drawn on screen: a data:image/png (or jpeg) base64 URL. Its bytes are checked on the server (FS-8). */
const signature = z.string().max(2_000_000).describe('data:image/png;base64,… (PNG or JPEG); at most 512 KB decoded');

// Check-in (FS-5) -----------------------------------------------------------------------------------------

export const ZCheckInKind = z.enum(['in', 'out']);
export const ZCheckInCreate = z.strictObject({
  kind: ZCheckInKind,
  ...position,
  confirmedWith: str(100)
    .optional()
    .describe('FS-5: whom at the customer the service time was confirmed with on arrival (required for "in")'),
  note: str(1000).optional(),
});
export type TCheckInCreate = z.infer<typeof ZCheckInCreate>;

export const ZCheckIn = z.object({
  id: z.number(),
  userId: z.number(),
  userName: z.string(),
  kind: ZCheckInKind,
  at: z.string().describe('Server time'),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  accuracy: z.number().nullable(),
  confirmedWith: z.string().nullable(),
  note: z.string().nullable(),
});
export type TCheckIn = z.infer<typeof ZCheckIn>;

// Service record (FS-6) -----------------------------------------------------------------------------------

export const ZServiceRecordPut = z.strictObject({
  version: ZVersion.optional().describe('The record’s version; omit when creating'),
  diagnosis: str(10_000),
  workDone: str(10_000),
  solved: z.boolean().nullable().describe('null while still working on it'),
  restoredOriginal: z.boolean().default(false).describe('FS-6: the equipment was restored to its original state when giving up'),
});
export type TServiceRecordPut = z.infer<typeof ZServiceRecordPut>;

export const ZPartUsedCreate = z.strictObject({
  part: text(200),
  quantity: zInt().min(1).max(10_000).default(1),
  installedProductId: ref.optional().describe('CU-2: the customer’s installed product the part went into (extends its warranty)'),
});
export type TPartUsedCreate = z.infer<typeof ZPartUsedCreate>;

export const ZExpertConsultCreate = z.strictObject({
  expertUserId: ref.optional(),
  expertName: text(100).describe('The product expert consulted (FS-6)'),
  question: text(5000),
  answer: text(5000),
});
export type TExpertConsultCreate = z.infer<typeof ZExpertConsultCreate>;

export const ZDifficultyReportCreate = z.strictObject({
  text: text(20_000).describe('FS-6: the written report on the unsolved problem'),
  photoIds: z.array(ref).max(50).default([]).describe('Photos uploaded with purpose "difficulty" (or "photo")'),
});
export type TDifficultyReportCreate = z.infer<typeof ZDifficultyReportCreate>;

export const ZVisitFilePurpose = z.enum(['photo', 'difficulty', 'record_pdf']);
export const ZVisitFile = z.object({
  id: z.number(),
  purpose: ZVisitFilePurpose,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  url: z.string(),
  ticketAttachmentId: z.number().nullable().describe('The copy on the request’s timeline'),
  createdAt: z.string(),
});
export type TVisitFile = z.infer<typeof ZVisitFile>;

export const ZPartUsed = z.object({
  id: z.number(),
  part: z.string(),
  quantity: z.number(),
  installedProductId: z.number().nullable(),
  partReplacementId: z.number().nullable().describe('CU-2: the replacement recorded on the installed product'),
  createdAt: z.string(),
  createdByName: z.string(),
});
export const ZExpertConsult = z.object({
  id: z.number(),
  expertUserId: z.number().nullable(),
  expertName: z.string(),
  question: z.string(),
  answer: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
});

export const ZServiceRecord = z.object({
  diagnosis: z.string(),
  workDone: z.string(),
  solved: z.boolean().nullable(),
  restoredOriginal: z.boolean(),
  unsolvedOn: z.string().nullable().describe('Company-local date the record was marked unsolved'),
  updatedAt: z.string(),
  updatedByName: z.string(),
  version: z.number(),
});
export type TServiceRecord = z.infer<typeof ZServiceRecord>;

export const ZDifficultyReport = z.object({
  required: z.boolean().describe('FS-6: unsolved and the policy asks for a same-day report'),
  dueOn: z.string().nullable(),
  text: z.string().nullable(),
  photoIds: z.array(z.number()),
  filedAt: z.string().nullable(),
  filedByName: z.string().nullable(),
  onTime: z.boolean().nullable().describe('Filed on or before the company-local due date'),
  missing: z.boolean().describe('Required and not filed'),
});
export type TDifficultyReport = z.infer<typeof ZDifficultyReport>;

// Extra tasks (FS-7) --------------------------------------------------------------------------------------

export const ZExtraTaskCreate = z.strictObject({
  description: text(5000),
  estimateMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30),
});
export type TExtraTaskCreate = z.infer<typeof ZExtraTaskCreate>;

export const ZExtraTaskCustomerSign = z.strictObject({
  version: ZVersion,
  signerName: text(100),
  signature,
  ...position,
});
export type TExtraTaskCustomerSign = z.infer<typeof ZExtraTaskCustomerSign>;

export const ZExtraTaskStatus = z.enum(['open', 'customer_signed', 'countersigned']);
export const ZExtraTask = z.object({
  id: z.number(),
  description: z.string(),
  estimateMinutes: z.number(),
  status: ZExtraTaskStatus,
  customerSignerName: z.string().nullable(),
  customerSignedAt: z.string().nullable(),
  customerSignatureUrl: z.string().nullable(),
  countersignedByName: z.string().nullable(),
  countersignedAt: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  version: z.number(),
});
export type TExtraTask = z.infer<typeof ZExtraTask>;

// Sign-off (FS-8) -----------------------------------------------------------------------------------------

export const ZSignOffCreate = z.union([
  z.strictObject({
    attitude: ZGrade,
    skill: ZGrade,
    result: ZGrade,
    comment: str(2000).optional(),
    signerName: text(100),
    signature,
    ...position,
  }),
  z.strictObject({
    unsignedReason: text(1000).describe('Why the customer did not sign; the record stays marked unsigned (AP-9)'),
    ...position,
  }),
]);
export type TSignOffCreate = z.infer<typeof ZSignOffCreate>;

export const ZSignOff = z.object({
  customerSigned: z.boolean(),
  attitude: ZGrade.nullable(),
  skill: ZGrade.nullable(),
  result: ZGrade.nullable(),
  comment: z.string().nullable(),
  signerName: z.string().nullable(),
  signatureUrl: z.string().nullable(),
  signatureSha256: z.string().nullable(),
  unsignedReason: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  ratingRecordedOnRequest: z.boolean().describe('The rating went onto the request (false when it already had one)'),
});
export type TSignOff = z.infer<typeof ZSignOff>;

// Return (FS-9) -------------------------------------------------------------------------------------------

export const ZReturnPlan = z.strictObject({
  date: ZDateInRange,
  transport: text(100),
  note: str(2000).optional(),
});
export const ZReturnRequestCreate = z.strictObject({
  version: ZVersion.describe('The letter’s version'),
  completionNote: text(5000).describe('FS-9: the job as done'),
  returnPlan: ZReturnPlan,
});
export type TReturnRequestCreate = z.infer<typeof ZReturnRequestCreate>;
export const ZReturnDecline = z.strictObject({ version: ZVersion, reason: text(1000) });
export type TReturnDecline = z.infer<typeof ZReturnDecline>;

export const ZReturnDecision = z.enum(['pending', 'approved', 'declined', 'automatic']);
export const ZReturnRequest = z.object({
  id: z.number(),
  completionNote: z.string(),
  returnPlan: z.object({ date: z.string(), transport: z.string(), note: z.string().nullable().optional() }),
  requestedAt: z.string(),
  requestedByName: z.string(),
  decision: ZReturnDecision,
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  declineReason: z.string().nullable(),
});
export type TReturnRequest = z.infer<typeof ZReturnRequest>;

// Read shapes ---------------------------------------------------------------------------------------------

export const VISIT_ACTIONS = [
  'check_in',
  'check_out',
  'edit_record',
  'add_extra_task',
  'customer_sign_task',
  'sign_off',
  'file_difficulty_report',
  'request_return',
  'approve_return',
  'decline_return',
  'countersign',
] as const;
export const ZVisitAction = z.enum(VISIT_ACTIONS);

export const ZVisit = z.object({
  letterId: z.number(),
  letterNumber: z.string(),
  status: ZLetterStatus,
  version: z.number().describe('The letter’s version (for return requests and decisions)'),
  ticketId: z.number().nullable(),
  ticketNumber: z.string().nullable(),
  customerName: z.string(),
  checkIns: z.array(ZCheckIn),
  firstArrivalAt: z.string().nullable(),
  onSiteNow: z.boolean().describe('The reader is checked in (last own check-in is "in")'),
  record: ZServiceRecord.nullable(),
  parts: z.array(ZPartUsed),
  expertConsults: z.array(ZExpertConsult),
  photos: z.array(ZVisitFile),
  difficultyReport: ZDifficultyReport,
  extraTasks: z.array(ZExtraTask),
  signOff: ZSignOff.nullable(),
  customerSigned: z.boolean().describe('FS-8: false until the customer signed; AP-9 counts unsigned records'),
  pdfUrl: z.string(),
  returnRequests: z.array(ZReturnRequest).describe('Newest first'),
  allowed: z.array(ZVisitAction),
});
export type TVisit = z.infer<typeof ZVisit>;

export const ZMyJob = z.object({
  letterId: z.number(),
  letterNumber: z.string(),
  status: ZLetterStatus,
  title: z.string(),
  ticketId: z.number().nullable(),
  ticketNumber: z.string().nullable(),
  customerName: z.string(),
  siteName: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  estimatedMinutes: z.number().nullable(),
  plannedSolution: z.string().nullable(),
  kit: z.array(
    z.object({
      key: z.string(),
      category: z.string(),
      name: z.string(),
      nameEn: z.string().nullable().optional(),
      quantity: z.number(),
      packed: z.boolean(),
    }),
  ),
  today: z.boolean().describe('The appointment is today (company-local) or the engineer is on site'),
  onSiteNow: z.boolean(),
  lastCheckInAt: z.string().nullable(),
  customerSigned: z.boolean(),
  version: z.number().describe('The letter’s version (for the kit packing ticks, FS-4)'),
});
export type TMyJob = z.infer<typeof ZMyJob>;
export const ZMyJobList = z.object({ items: z.array(ZMyJob) });

export const ZMissingDifficultyReport = z.object({
  letterId: z.number(),
  letterNumber: z.string(),
  customerName: z.string(),
  ticketNumber: z.string().nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  engineers: z.array(z.string()),
});
export const ZMissingDifficultyReportList = z.object({ items: z.array(ZMissingDifficultyReport) });
