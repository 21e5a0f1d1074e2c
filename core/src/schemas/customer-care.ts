import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { ZDate, ZId, ZRef, ZVersion, zInt } from './common';
import { ZMonth } from './travel';

// CU-1 visits, CU-2 inspections (region tasks), CU-6 custody of devices and documents, CU-3 repair fees for finance.

const note = z.string().trim().max(2000).nullable().optional();
const line = (max: number) => z.string().trim().min(1).max(max);

export const CARE_TASK_KINDS = ['inspection', 'visit'] as const;
export const CARE_TASK_STATES = ['open', 'done', 'missed'] as const;

export const ZCareTask = z.object({
  id: z.number(),
  version: z.number(),
  kind: z.enum(CARE_TASK_KINDS),
  customerId: z.number(),
  customerName: z.string(),
  installedProductId: z.number().nullable(),
  productName: z.string().nullable(),
  serialNumber: z.string().nullable(),
  regionId: z.number().nullable(),
  period: z.string(),
  dueDate: z.string(),
  state: z.enum(CARE_TASK_STATES),
  /** Open and past its due date (the plan records it as missed). */
  overdue: z.boolean(),
  doneOn: z.string().nullable(),
  recordedBy: z.number().nullable(),
  note: z.string().nullable(),
  explanation: ZExplanation,
});
export type TCareTask = z.infer<typeof ZCareTask>;

export const ZCareTaskListQuery = z.strictObject({
  kind: z.enum(CARE_TASK_KINDS).optional(),
  state: z.enum(CARE_TASK_STATES).optional(),
  customerId: ZId.optional(),
  installedProductId: ZId.optional(),
  /** Tasks due on or before this date (default: all). */
  dueBy: ZDate.optional(),
});
export type TCareTaskListQuery = z.infer<typeof ZCareTaskListQuery>;

/** CU-1/CU-2: record a task as done (on a date, not in the future) or missed, with a note. */
export const ZCareTaskRecord = z.strictObject({
  version: ZVersion,
  state: z.enum(['done', 'missed']),
  doneOn: ZDate.nullable().optional(),
  note,
});
export type TCareTaskRecord = z.infer<typeof ZCareTaskRecord>;

export const ZCarePlanResult = z.object({ opened: zInt().min(0).max(1_000_000), missed: zInt().min(0).max(1_000_000), asOf: z.string() });

// CU-6 ---------------------------------------------------------------------------------------------------------------

export const CUSTODY_KINDS = ['device', 'document'] as const;
const ZSignature = z.strictObject({
  signerName: line(100),
  /** A signature drawn on the device, as a PNG data URL. */
  dataUrl: z.string().startsWith('data:image/png;base64,').max(400_000),
});

export const ZCustodyIn = z.strictObject({
  customerId: ZRef,
  installedProductId: ZRef.nullable().optional(),
  ticketId: ZRef.nullable().optional(),
  kind: z.enum(CUSTODY_KINDS),
  item: line(300),
  condition: line(2000),
  keptAt: z.string().trim().max(200).nullable().optional(),
  /** The customer's person handing it over signs. */
  signature: ZSignature,
});
export type TCustodyIn = z.infer<typeof ZCustodyIn>;

export const ZCustodyOut = z.strictObject({ version: ZVersion, condition: line(2000), signature: ZSignature });
export type TCustodyOut = z.infer<typeof ZCustodyOut>;

export const ZCustodyRecord = z.object({
  id: z.number(),
  version: z.number(),
  customerId: z.number(),
  installedProductId: z.number().nullable(),
  ticketId: z.number().nullable(),
  kind: z.enum(CUSTODY_KINDS),
  item: z.string(),
  keptAt: z.string().nullable(),
  receivedAt: z.string(),
  receivedBy: z.number(),
  receivedByName: z.string(),
  conditionIn: z.string(),
  handedInBy: z.string(),
  returnedAt: z.string().nullable(),
  returnedBy: z.number().nullable(),
  returnedByName: z.string().nullable(),
  conditionOut: z.string().nullable(),
  takenBackBy: z.string().nullable(),
  /** Still with us (logged in, not yet out). */
  held: z.boolean(),
});
export type TCustodyRecord = z.infer<typeof ZCustodyRecord>;

export const ZCustodyListQuery = z.strictObject({ customerId: ZId.optional(), held: z.enum(['true', 'false']).optional() });

/** CU-2/CU-6: one line of a device's history (设备档案): a replacement, custody in/out, an inspection, a request. */
export const ZDeviceLogEntry = z.object({
  at: z.string(),
  kind: z.enum(['accepted', 'part', 'custody_in', 'custody_out', 'inspection', 'request', 'fee']),
  text: z.string(),
  refId: z.number().nullable(),
});
export const ZDeviceLog = z.object({ installedProductId: z.number(), entries: z.array(ZDeviceLogEntry) });
export type TDeviceLogEntry = z.infer<typeof ZDeviceLogEntry>;

// CU-3 ---------------------------------------------------------------------------------------------------------------

const fen = zInt().min(0).max(100_000_000);
export const ZRepairFeeCreate = z.strictObject({
  customerId: ZRef,
  installedProductId: ZRef.nullable().optional(),
  ticketId: ZRef.nullable().optional(),
  description: line(500),
  /** The replaced part at fault, if any (its own warranty may cover it, CU-2). */
  part: z.string().trim().max(200).nullable().optional(),
  causedByPeople: z.boolean(),
  feeFen: fen,
  partsFen: fen.default(0),
  agreedOn: ZDate,
  /** Who agreed the fee with the customer: the salesperson and the department head (CU-3). */
  salesUserId: ZRef,
  headUserId: ZRef,
});
export type TRepairFeeCreate = z.infer<typeof ZRepairFeeCreate>;

export const ZRepairFee = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  installedProductId: z.number().nullable(),
  ticketId: z.number().nullable(),
  description: z.string(),
  part: z.string().nullable(),
  causedByPeople: z.boolean(),
  basis: z.string(),
  feeFen: z.number(),
  partsFen: z.number(),
  totalFen: z.number(),
  agreedOn: z.string(),
  month: z.string(),
  salesUserId: z.number(),
  salesName: z.string(),
  headUserId: z.number(),
  headName: z.string(),
  createdAt: z.string(),
  explanation: ZExplanation,
});
export type TRepairFee = z.infer<typeof ZRepairFee>;

export const ZRepairFeeMonthQuery = z.strictObject({ month: ZMonth });
export const ZRepairFeeMonth = z.object({ month: z.string(), items: z.array(ZRepairFee), totalFen: z.number() });
export type TRepairFeeMonth = z.infer<typeof ZRepairFeeMonth>;
