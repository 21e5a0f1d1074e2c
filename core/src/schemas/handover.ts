import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { HOLDING_KINDS, SIGNER_ROLES } from '../handover/checklist';
import { ZDateInRange, ZListQuery, ZRef, ZVersion, zFen64, zInt, zIntText } from './common';

// HO-1 handover on leaving or transfer (离职/调岗交接); SEC-3 the confidentiality agreement (保密协议).
//
// API (under /api/v1):
//   GET  /handovers/holdings/:id          handover.manage  what a person holds now (the flow's first step)
//   GET/POST /handovers, GET /handovers/:id                 start (handover.manage, within authority); read (also the
//                                                           leaver, the successor and the manager)
//   POST /handovers/:id/transfer          handover.manage  reassign items (per item or in bulk) through their modules
//   POST /handovers/:id/sign              the leaver / successor / manager sign once nothing is open
//   POST /handovers/:id/cancel, GET /handovers/:id/pdf
//   POST /handover-overrides              handover.override  the GM allows disabling without a handover (reason)
//   GET/POST /company-property, POST /company-property/:id/return   handover.manage  property, loans, receivables docs
//   GET/PUT /users/:id/confidentiality    users.read / users.manage  SEC-3 agreement recorded at hire

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const ZHoldingKind = z.enum(HOLDING_KINDS);
export const ZSignerRole = z.enum(SIGNER_ROLES);
export const HANDOVER_KINDS = ['leaving', 'transfer'] as const;
export const HANDOVER_STATUSES = ['open', 'completed', 'cancelled'] as const;
export const PROPERTY_KINDS = ['property', 'loan', 'receivable'] as const;
export const ZPropertyKind = z.enum(PROPERTY_KINDS);

export const ZHandoverCreate = z.strictObject({
  userId: ZRef,
  kind: z.enum(HANDOVER_KINDS),
  successorId: ZRef.describe('Who receives the items by default'),
  managerId: ZRef.nullable().optional().describe('Who oversees and signs; default: the department manager, else you'),
  note: optionalText(2000),
});
export type THandoverCreate = z.infer<typeof ZHandoverCreate>;

export const ZHandoverTransfer = z.strictObject({
  items: z
    .array(
      z.strictObject({
        kind: ZHoldingKind,
        refId: ZRef,
        toUserId: ZRef.nullable().optional().describe('Default: the handover’s successor'),
        returned: z.boolean().optional().describe('Property, loans, receivables documents: returned to the company'),
      }),
    )
    .min(1)
    .max(500),
  note: optionalText(500),
});
export type THandoverTransfer = z.infer<typeof ZHandoverTransfer>;

export const ZHandoverSignOff = z.strictObject({
  role: ZSignerRole,
  signature: z.string().max(2_000_000).nullable().optional().describe('A drawn signature, data:image/png;base64'),
});
export const ZHandoverCancel = z.strictObject({ version: ZVersion, reason: text(500) });

export const ZHandoverItem = z.strictObject({
  kind: ZHoldingKind,
  refId: zInt(),
  label: z.string(),
  detail: z.string().nullable(),
  status: z.enum(['open', 'done']),
  outcome: z.enum(['reassigned', 'returned', 'gone']).nullable(),
  toUserId: zInt().nullable(),
  toUserName: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type THandoverItem = z.infer<typeof ZHandoverItem>;

export const ZConfidentiality = z.strictObject({
  userId: zInt(),
  signedOn: z.string(),
  agreementVersion: z.string(),
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
  version: zInt(),
});
export type TConfidentiality = z.infer<typeof ZConfidentiality>;
export const ZConfidentialityPut = z.strictObject({
  signedOn: ZDateInRange,
  agreementVersion: text(100).describe('The agreement’s version or archive number'),
  note: optionalText(1000),
  version: ZVersion.optional().describe('The version you read when changing a recorded agreement'),
});

const ZPerson = z.strictObject({ id: zInt(), name: z.string() });

export const ZHandover = z.strictObject({
  id: zInt(),
  kind: z.enum(HANDOVER_KINDS),
  status: z.enum(HANDOVER_STATUSES),
  user: ZPerson,
  successor: ZPerson,
  manager: ZPerson,
  note: z.string().nullable(),
  startedByName: z.string(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  items: z.array(ZHandoverItem),
  open: zInt(),
  signatures: z.array(z.strictObject({ role: ZSignerRole, userId: zInt(), name: z.string(), signedAt: z.string(), drawn: z.boolean() })),
  explanation: ZExplanation,
  /** SEC-3: the agreement signed at hire, shown at departure (null: none recorded). */
  confidentiality: ZConfidentiality.nullable(),
  version: zInt(),
});
export type THandover = z.infer<typeof ZHandover>;

export const ZHandoverListQuery = ZListQuery.extend({
  userId: zIntText().positive().optional(),
  status: z.enum(HANDOVER_STATUSES).optional(),
});
export const ZHandoverSummary = ZHandover.omit({ items: true, signatures: true, confidentiality: true, explanation: true });
export type THandoverSummary = z.infer<typeof ZHandoverSummary>;

export const ZHoldings = z.strictObject({
  user: ZPerson,
  items: z.array(ZHandoverItem),
  openHandoverId: zInt().nullable(),
  confidentiality: ZConfidentiality.nullable(),
});

export const ZHandoverOverrideCreate = z.strictObject({ userId: ZRef, reason: text(1000) });
export const ZHandoverOverride = z.strictObject({
  id: zInt(),
  userId: zInt(),
  reason: z.string(),
  grantedByName: z.string(),
  grantedAt: z.string(),
  openItems: zInt(),
});

export const ZPropertyCreate = z.strictObject({
  holderId: ZRef,
  kind: ZPropertyKind,
  description: text(500),
  reference: optionalText(100).describe('Asset number, loan voucher or document number'),
  amountFen: zFen64().min(0).max(10_000_000_000).nullable().optional(),
  issuedOn: ZDateInRange,
  note: optionalText(1000),
});
export const ZPropertyReturn = z.strictObject({ version: ZVersion, returnedOn: ZDateInRange, note: optionalText(1000) });
export const ZProperty = z.strictObject({
  id: zInt(),
  holderId: zInt(),
  holderName: z.string(),
  kind: ZPropertyKind,
  description: z.string(),
  reference: z.string().nullable(),
  amountFen: zFen64().nullable(),
  issuedOn: z.string(),
  returnedOn: z.string().nullable(),
  note: z.string().nullable(),
  version: zInt(),
});
export type TProperty = z.infer<typeof ZProperty>;
export const ZPropertyListQuery = ZListQuery.extend({
  holderId: zIntText().positive().optional(),
  open: z.enum(['true', 'false']).optional(),
});

/** What a transfer moved and what the owning modules refused (each by its reason key), the rest moving on. */
export const ZHandoverTransferResult = z.strictObject({
  handover: ZHandover,
  failures: z.array(
    z.strictObject({
      kind: ZHoldingKind,
      refId: zInt(),
      reason: z.string(),
      params: z.record(z.string(), z.unknown()),
      message: z.string(),
    }),
  ),
});
