import { z } from 'zod';
import { ZDateInRange, ZInstantInRange, ZListQuery, ZRef, ZVersion, zFen64, zInt, zIntText } from './common';

// FS-12..14: installation/construction projects (安装/施工项目), deliveries (到货交付) and customer training (客户培训).
//
// API (under /api/v1):
//   GET    /projects                                   projects.read    projects in scope, with warnings
//   POST   /projects                                   projects.manage  a project on a service contract
//   GET    /projects/:id                               projects.read    plan, materials, costs, handover documents
//   PATCH  /projects/:id                               projects.manage
//   POST   /projects/:id/transitions                   projects.read*   start | commission | accept | close (FS-12)
//   POST   /projects/:id/plan-items  PATCH/DELETE /project-plan-items/:id       progress plan
//   POST   /projects/:id/materials   PATCH/DELETE /project-materials/:id        material purchase list
//   POST   /projects/:id/costs       PATCH/DELETE /project-costs/:id            cost breakdown
//   POST   /projects/:id/handover-documents (multipart)  GET /project-handover-documents/:id (download)
//   POST   /project-handover-documents/:id/sign        the customer's signature on a handover document
//   POST   /projects/:id/technical-handover/signatures  FS-12b: a signatory signs the technical handover (技术交底)
//   GET/POST /deliveries, GET/PATCH /deliveries/:id, POST /deliveries/:id/notify, POST /deliveries/:id/check (FS-13)
//   GET/POST /trainings, GET /trainings/:id, POST /trainings/:id/sessions, POST /trainings/:id/trainees,
//   PUT /training-sessions/:id/attendance, POST /training-trainees/:id/sign-off, POST /trainings/:id/complete (FS-14)
// (*) members of a project may do its day-to-day work; planning, costs, start, acceptance and closing need projects.manage.

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
/** Money in a body: integer fen, at most 100,000,000 yuan. */
const ZCostFen = zFen64().min(0).max(10_000_000_000);
const ZQuantity = zInt().min(0).max(10_000_000);
const ZInstant = ZInstantInRange;

/** A period whose end is not before its start: 422 naming the end field. */
const ordered = <T extends z.ZodType<Record<string, unknown>>>(schema: T, start: string, end: string) =>
  schema.superRefine((v, ctx) => {
    const [a, b] = [v[start], v[end]];
    // As instants, not text: '2026-12-10T03:00:00Z' is after '2026-12-10T10:00:00+08:00'.
    if (typeof a === 'string' && typeof b === 'string' && Date.parse(b) < Date.parse(a))
      ctx.addIssue({ code: 'custom', path: [end], message: `must not be before ${start} (${a})` });
  });

// Projects (FS-12) ----------------------------------------------------------------------------------------------

export const PROJECT_STATUSES = ['planning', 'in_progress', 'commissioned', 'accepted', 'closed'] as const;
export const ZProjectStatus = z.enum(PROJECT_STATUSES);
export type TProjectStatus = z.infer<typeof ZProjectStatus>;

export const PROJECT_WARNINGS = [
  'acceptanceDueSoon',
  'acceptanceOverdue',
  'acceptedLate',
  'planPastContract',
  'contractOverdue',
  'materialLate',
] as const;
export const ZProjectWarning = z.enum(PROJECT_WARNINGS);
export type TProjectWarning = z.infer<typeof ZProjectWarning>;

export const ZProjectCreate = z.strictObject({
  name: text(200),
  contractId: ZRef.describe('The service contract (CU-4) the project is built under; its end date is the deadline (FS-12)'),
  siteId: ZRef.nullable().optional().describe('A site of the contract’s customer'),
  managerId: ZRef.nullable().optional().describe('The responsible engineer or supervisor; default: you'),
  salesId: ZRef.nullable().optional().describe('FS-12b: the salesperson, who signs the technical handover'),
  memberIds: z
    .array(ZRef)
    .max(50)
    .optional()
    .describe('Engineers on the project (they see it and do its work); as item leads they sign the technical handover'),
  description: optionalText(5000),
});
export type TProjectCreate = z.infer<typeof ZProjectCreate>;

export const ZProjectUpdate = z.strictObject({
  version: ZVersion,
  name: text(200).optional(),
  siteId: ZRef.nullable().optional(),
  managerId: ZRef.nullable().optional(),
  salesId: ZRef.nullable().optional(),
  memberIds: z.array(ZRef).max(50).optional(),
  description: optionalText(5000),
});
export type TProjectUpdate = z.infer<typeof ZProjectUpdate>;

export const ZProjectTransition = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start'), version: ZVersion }),
  z.strictObject({
    action: z.literal('commission'),
    version: ZVersion,
    commissionedOn: ZDateInRange.optional().describe('Commissioning finished (default: today)'),
  }),
  z.strictObject({
    action: z.literal('accept'),
    version: ZVersion,
    acceptedOn: ZDateInRange.optional().describe('The client’s acceptance and equipment hand-over (default: today)'),
    acceptedBy: text(100).describe('The customer’s representative who accepts'),
  }),
  z.strictObject({ action: z.literal('close'), version: ZVersion }),
]);
export type TProjectTransition = z.infer<typeof ZProjectTransition>;
export type TProjectAction = TProjectTransition['action'];

export const ZProjectListQuery = ZListQuery.extend({
  status: ZProjectStatus.optional(),
  customerId: zIntText().positive().optional(),
  q: z.string().trim().max(100).optional(),
});
export type TProjectListQuery = z.infer<typeof ZProjectListQuery>;

const planItemFields = {
  name: text(200),
  plannedStart: ZDateInRange,
  plannedEnd: ZDateInRange,
  donePercent: zInt().min(0).max(100).default(0),
};
export const ZPlanItemCreate = ordered(z.strictObject(planItemFields), 'plannedStart', 'plannedEnd');
export type TPlanItemCreate = z.infer<typeof ZPlanItemCreate>;
export const ZPlanItemUpdate = z.strictObject({
  version: ZVersion,
  name: text(200).optional(),
  plannedStart: ZDateInRange.optional(),
  plannedEnd: ZDateInRange.optional(),
  donePercent: zInt().min(0).max(100).optional(),
});
export type TPlanItemUpdate = z.infer<typeof ZPlanItemUpdate>;

const materialFields = {
  name: text(200),
  spec: optionalText(200),
  quantity: ZQuantity.min(1),
  unit: optionalText(20),
  supplier: optionalText(200),
  expectedArrival: ZDateInRange.describe('When the purchase is expected on site (FS-12)'),
  arrivedOn: ZDateInRange.nullable().optional(),
};
export const ZMaterialCreate = z.strictObject(materialFields);
export type TMaterialCreate = z.infer<typeof ZMaterialCreate>;
export const ZMaterialUpdate = z.strictObject({
  version: ZVersion,
  name: materialFields.name.optional(),
  spec: materialFields.spec,
  quantity: materialFields.quantity.optional(),
  unit: materialFields.unit,
  supplier: materialFields.supplier,
  expectedArrival: materialFields.expectedArrival.optional(),
  arrivedOn: materialFields.arrivedOn,
});
export type TMaterialUpdate = z.infer<typeof ZMaterialUpdate>;

export const COST_CATEGORIES = ['equipment', 'material', 'labour', 'travel', 'subcontract', 'other'] as const;
export const ZCostCategory = z.enum(COST_CATEGORIES);
export const ZCostCreate = z.strictObject({
  category: ZCostCategory,
  description: optionalText(500),
  amountFen: ZCostFen.describe('Integer fen (分)'),
});
export type TCostCreate = z.infer<typeof ZCostCreate>;
export const ZCostUpdate = z.strictObject({
  version: ZVersion,
  category: ZCostCategory.optional(),
  description: optionalText(500),
  amountFen: ZCostFen.optional(),
});
export type TCostUpdate = z.infer<typeof ZCostUpdate>;

export const ZHandoverSign = z.strictObject({
  version: ZVersion,
  signedBy: text(100).describe('The customer’s name on the signed document'),
  signedOn: ZDateInRange.optional().describe('Default: today'),
});
export type THandoverSign = z.infer<typeof ZHandoverSign>;

/** FS-12b: a signatory signs the technical handover (the project's version, like every project change). */
export const ZTechnicalHandoverSign = z.strictObject({ version: ZVersion });
export type TTechnicalHandoverSign = z.infer<typeof ZTechnicalHandoverSign>;

export const ZPlanItem = z.object({
  id: z.number(),
  name: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  donePercent: z.number(),
  pastContract: z.boolean(),
  version: z.number(),
});
export type TPlanItem = z.infer<typeof ZPlanItem>;
export const ZMaterial = z.object({
  id: z.number(),
  name: z.string(),
  spec: z.string().nullable(),
  quantity: z.number(),
  unit: z.string().nullable(),
  supplier: z.string().nullable(),
  expectedArrival: z.string(),
  arrivedOn: z.string().nullable(),
  late: z.boolean().describe('Arrived after, or still missing past, the expected date'),
  version: z.number(),
});
export type TMaterial = z.infer<typeof ZMaterial>;
export const ZCost = z.object({
  id: z.number(),
  category: ZCostCategory,
  description: z.string().nullable(),
  amountFen: z.number(),
  version: z.number(),
});
export type TCost = z.infer<typeof ZCost>;
export const ZHandoverDocument = z.object({
  id: z.number(),
  documentId: z.string().describe('An item of the policy’s fieldService.handoverDocuments'),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  url: z.string(),
  signedBy: z.string().nullable(),
  signedOn: z.string().nullable(),
  uploadedAt: z.string(),
  version: z.number(),
});
export type THandoverDocument = z.infer<typeof ZHandoverDocument>;
export const ZHandoverChecklistItem = z.object({
  documentId: z.string(),
  name: z.strictObject({ 'zh-CN': z.string(), en: z.string() }),
  isRecord: z.boolean().describe('The technical handover record (技术交底书) without which the project does not start (FS-12b)'),
  uploaded: z.boolean(),
  signed: z.boolean(),
});

const ZUserRef = z.object({ id: z.number(), name: z.string() });

export const HANDOVER_SIGNATORY_ROLES = ['manager', 'sales', 'itemLead'] as const;
export type THandoverSignatoryRole = (typeof HANDOVER_SIGNATORY_ROLES)[number];
export const HANDOVER_GAPS = ['record', 'manager', 'sales', 'signature'] as const;
export const ZTechnicalHandover = z.object({
  required: z.boolean().describe('The policy asks for it before the start (fieldService.handoverRecordRequired)'),
  recordDocumentId: z.string().nullable(),
  recordUploaded: z.boolean(),
  signatories: z.array(
    z.object({
      userId: z.number(),
      name: z.string(),
      roles: z.array(z.enum(HANDOVER_SIGNATORY_ROLES)),
      signedAt: z.string().nullable(),
    }),
  ),
  missing: z.array(z.object({ kind: z.enum(HANDOVER_GAPS), path: z.string(), userId: z.number().nullable() })),
});
export type TTechnicalHandover = z.infer<typeof ZTechnicalHandover>;
export const ZProjectSummary = z.object({
  id: z.number(),
  name: z.string(),
  status: ZProjectStatus,
  contractId: z.number(),
  contractNumber: z.string(),
  contractEndsOn: z.string(),
  customerId: z.number(),
  customerName: z.string(),
  siteId: z.number().nullable(),
  siteName: z.string().nullable(),
  managerId: z.number().nullable(),
  managerName: z.string().nullable(),
  startedOn: z.string().nullable(),
  commissionedOn: z.string().nullable(),
  acceptanceDueOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  warnings: z.array(ZProjectWarning),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TProjectSummary = z.infer<typeof ZProjectSummary>;
export const ZProject = ZProjectSummary.extend({
  description: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  salesId: z.number().nullable(),
  salesName: z.string().nullable(),
  technicalHandover: ZTechnicalHandover,
  acceptanceDays: z.number().nullable().describe('FS-12: the policy’s days from commissioning to acceptance, as applied'),
  policyVersion: z.number().nullable(),
  members: z.array(ZUserRef),
  planItems: z.array(ZPlanItem),
  materials: z.array(ZMaterial),
  costs: z.array(ZCost),
  costTotalFen: z.number(),
  handoverDocuments: z.array(ZHandoverDocument),
  handoverChecklist: z.array(ZHandoverChecklistItem),
  /** What the actor may do now (the UI shows these buttons; the server still checks). */
  canManage: z.boolean(),
  canWork: z.boolean(),
});
export type TProject = z.infer<typeof ZProject>;

type Person = { id: number; name: string };
/**
 * FS-12b: the technical handover of a project — who signs it (the engineering manager, the salesperson and each item
 * lead, one signature per person whatever their roles), who has, and what is still missing before the start.
 */
export function technicalHandoverOf(f: {
  required: boolean;
  recordDocumentId: string | null;
  recordUploaded: boolean;
  manager: Person | null;
  sales: Person | null;
  itemLeads: Person[];
  signatures: { userId: number; signedAt: string }[];
}): TTechnicalHandover {
  const byUser = new Map<number, TTechnicalHandover['signatories'][number]>();
  const add = (p: Person | null, role: THandoverSignatoryRole) => {
    if (!p) return;
    const entry = byUser.get(p.id) ?? { userId: p.id, name: p.name, roles: [], signedAt: null };
    if (!entry.roles.includes(role)) entry.roles.push(role);
    byUser.set(p.id, entry);
  };
  add(f.manager, 'manager');
  add(f.sales, 'sales');
  for (const lead of f.itemLeads) add(lead, 'itemLead');
  for (const s of f.signatures) {
    const entry = byUser.get(s.userId);
    if (entry) entry.signedAt = s.signedAt;
  }
  const signatories = [...byUser.values()];
  const missing: TTechnicalHandover['missing'] = [];
  if (f.recordDocumentId && !f.recordUploaded)
    missing.push({ kind: 'record', path: `handoverDocuments.${f.recordDocumentId}`, userId: null });
  if (!f.manager) missing.push({ kind: 'manager', path: 'managerId', userId: null });
  if (!f.sales) missing.push({ kind: 'sales', path: 'salesId', userId: null });
  for (const s of signatories)
    if (!s.signedAt) missing.push({ kind: 'signature', path: `technicalHandover.signatures.${s.userId}`, userId: s.userId });
  return { required: f.required, recordDocumentId: f.recordDocumentId, recordUploaded: f.recordUploaded, signatories, missing };
}

/** FS-12 acceptance due date: commissioning date plus the policy's days, counted in calendar days (the regulation's "5 days"). */
export function acceptanceDueOn(commissionedOn: string, days: number): string {
  const d = new Date(`${commissionedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type ProjectWarningFacts = {
  status: TProjectStatus;
  today: string;
  contractEndsOn: string;
  acceptanceDueOn: string | null;
  acceptedOn: string | null;
  planEnds: string[];
  materials: { expectedArrival: string; arrivedOn: string | null }[];
  /** Days before a due date from which it is "due soon". */
  dueSoonDays: number;
};

/** A material is late when it arrived after the expected date, or has not arrived and the date has passed (FS-12). */
export const materialLate = (m: { expectedArrival: string; arrivedOn: string | null }, today: string) =>
  m.arrivedOn ? m.arrivedOn > m.expectedArrival : today > m.expectedArrival;

/**
 * FS-12 warnings of a project on a day: acceptance due soon / overdue (within the policy's days of commissioning),
 * accepted late, the plan running past the contract end, the contract period over before acceptance, late materials.
 */
export function projectWarnings(f: ProjectWarningFacts): TProjectWarning[] {
  const out: TProjectWarning[] = [];
  const finished = f.status === 'accepted' || f.status === 'closed';
  if (f.status === 'commissioned' && f.acceptanceDueOn) {
    if (f.today > f.acceptanceDueOn) out.push('acceptanceOverdue');
    else if (daysBetween(f.today, f.acceptanceDueOn) <= f.dueSoonDays) out.push('acceptanceDueSoon');
  }
  if (finished && f.acceptedOn && f.acceptanceDueOn && f.acceptedOn > f.acceptanceDueOn) out.push('acceptedLate');
  if (!finished && f.planEnds.some((end) => end > f.contractEndsOn)) out.push('planPastContract');
  if (finished ? (f.acceptedOn ?? '') > f.contractEndsOn : f.today > f.contractEndsOn) out.push('contractOverdue');
  if (!finished && f.materials.some((m) => materialLate(m, f.today))) out.push('materialLate');
  return out;
}

// Deliveries (FS-13) --------------------------------------------------------------------------------------------

export const DELIVERY_STATUSES = ['planned', 'notified', 'signed'] as const;
export const ZDeliveryStatus = z.enum(DELIVERY_STATUSES);
export type TDeliveryStatus = z.infer<typeof ZDeliveryStatus>;

const ZDeliveryItemInput = z.strictObject({ name: text(200), spec: optionalText(200), qtyExpected: ZQuantity.min(1) });
export const ZDeliveryCreate = z
  .strictObject({
    projectId: ZRef.nullable().optional(),
    contractId: ZRef.nullable().optional(),
    customerId: ZRef.nullable().optional().describe('Needed only without a project or contract'),
    contactId: ZRef.nullable().optional().describe('The customer contact told of the arrival'),
    address: optionalText(500).describe('Where the equipment is delivered (FS-13)'),
    expectedOn: ZDateInRange.nullable().optional(),
    items: z.array(ZDeliveryItemInput).min(1).max(200),
  })
  .superRefine((v, ctx) => {
    if (v.projectId == null && v.contractId == null && v.customerId == null) {
      ctx.addIssue({
        code: 'custom',
        path: ['customerId'],
        message: 'give a project, a contract or a customer',
        params: { ruleId: 'FS-13' },
      });
    }
  });
export type TDeliveryCreate = z.infer<typeof ZDeliveryCreate>;
export const ZDeliveryUpdate = z.strictObject({
  version: ZVersion,
  contactId: ZRef.nullable().optional(),
  address: optionalText(500),
  expectedOn: ZDateInRange.nullable().optional(),
});
export type TDeliveryUpdate = z.infer<typeof ZDeliveryUpdate>;
export const ZDeliveryNotify = z.strictObject({ version: ZVersion, message: optionalText(1000) });
export type TDeliveryNotify = z.infer<typeof ZDeliveryNotify>;
export const ZDeliveryCheck = z.strictObject({
  version: ZVersion,
  items: z
    .array(z.strictObject({ itemId: ZRef, qtyChecked: ZQuantity, note: optionalText(500) }))
    .min(1)
    .max(200),
  signerName: text(100),
  signature: z.string().max(700_000).describe('The customer’s signature as a data:image/png;base64 URL'),
});
export type TDeliveryCheck = z.infer<typeof ZDeliveryCheck>;
export const ZDeliveryListQuery = ZListQuery.extend({
  projectId: zIntText().positive().optional(),
  status: ZDeliveryStatus.optional(),
});
export type TDeliveryListQuery = z.infer<typeof ZDeliveryListQuery>;

export const ZDeliveryItem = z.object({
  id: z.number(),
  name: z.string(),
  spec: z.string().nullable(),
  qtyExpected: z.number(),
  qtyChecked: z.number().nullable(),
  note: z.string().nullable(),
  discrepancy: z.boolean(),
});
export type TDeliveryItem = z.infer<typeof ZDeliveryItem>;
export const ZDeliverySummary = z.object({
  id: z.number(),
  status: ZDeliveryStatus,
  projectId: z.number().nullable(),
  projectName: z.string().nullable(),
  contractId: z.number().nullable(),
  customerId: z.number(),
  customerName: z.string(),
  address: z.string().nullable(),
  expectedOn: z.string().nullable(),
  notifiedAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  discrepancy: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
});
export type TDeliverySummary = z.infer<typeof ZDeliverySummary>;
export const ZDelivery = ZDeliverySummary.extend({
  contactId: z.number().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  notifiedBy: z.string().nullable(),
  signerName: z.string().nullable(),
  hasSignature: z.boolean(),
  items: z.array(ZDeliveryItem),
});
export type TDelivery = z.infer<typeof ZDelivery>;

// Training (FS-14) ----------------------------------------------------------------------------------------------

export const TRAINING_STATUSES = ['open', 'completed'] as const;
export const ZTrainingStatus = z.enum(TRAINING_STATUSES);
const ZTraineeInput = z.strictObject({ name: text(100), position: optionalText(100) });
export const ZTrainingCreate = z.strictObject({
  customerId: ZRef,
  projectId: ZRef.nullable().optional(),
  ticketId: ZRef.nullable().optional().describe('The service request that asked for it, if any'),
  title: text(200),
  trainees: z.array(ZTraineeInput).max(200).optional(),
});
export type TTrainingCreate = z.infer<typeof ZTrainingCreate>;
export const ZTraineeCreate = ZTraineeInput;
export type TTraineeCreate = z.infer<typeof ZTraineeCreate>;
export const ZTrainingSessionCreate = ordered(
  z.strictObject({
    place: text(300).describe('Chosen by the customer (FS-14)'),
    startsAt: ZInstant,
    endsAt: ZInstant,
    content: text(2000).describe('Chosen by the customer (FS-14)'),
  }),
  'startsAt',
  'endsAt',
);
export type TTrainingSessionCreate = z.infer<typeof ZTrainingSessionCreate>;
export const ZAttendanceSet = z.strictObject({ traineeIds: z.array(ZRef).max(200) });
export type TAttendanceSet = z.infer<typeof ZAttendanceSet>;
export const ZTraineeSignOff = z.strictObject({
  version: ZVersion,
  canOperateIndependently: z.boolean().describe('FS-14: the trainee can operate alone (false withdraws the sign-off)'),
  note: optionalText(500),
});
export type TTraineeSignOff = z.infer<typeof ZTraineeSignOff>;
export const ZTrainingComplete = z.strictObject({ version: ZVersion });
export const ZTrainingListQuery = ZListQuery.extend({
  projectId: zIntText().positive().optional(),
  customerId: zIntText().positive().optional(),
  status: ZTrainingStatus.optional(),
});
export type TTrainingListQuery = z.infer<typeof ZTrainingListQuery>;

export const ZTrainee = z.object({
  id: z.number(),
  name: z.string(),
  position: z.string().nullable(),
  signedOff: z.boolean(),
  signedOffAt: z.string().nullable(),
  signedOffBy: z.string().nullable(),
  note: z.string().nullable(),
  sessionsAttended: z.number(),
  version: z.number(),
});
export type TTrainee = z.infer<typeof ZTrainee>;
export const ZTrainingSession = z.object({
  id: z.number(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  content: z.string(),
  attendeeIds: z.array(z.number()),
});
export type TTrainingSession = z.infer<typeof ZTrainingSession>;
export const ZTrainingSummary = z.object({
  id: z.number(),
  title: z.string(),
  status: ZTrainingStatus,
  customerId: z.number(),
  customerName: z.string(),
  projectId: z.number().nullable(),
  ticketId: z.number().nullable(),
  traineeCount: z.number(),
  signedOffCount: z.number(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type TTrainingSummary = z.infer<typeof ZTrainingSummary>;
export const ZTraining = ZTrainingSummary.extend({ sessions: z.array(ZTrainingSession), trainees: z.array(ZTrainee) });
export type TTraining = z.infer<typeof ZTraining>;
