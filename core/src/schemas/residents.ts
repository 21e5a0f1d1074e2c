import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { ZItemId, ZTimeOfDay } from '../policy/primitives';
import { ZDateInRange, ZId, ZInstantInRange, ZRef, ZVersion, orderedDates, zInt } from './common';
import { ZMonth } from './travel';

// RS-8, RS-9, RS-11: residents at a client site (驻场) through the API (issue 14 items 9–11).

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const ZWho = z.strictObject({ id: zInt(), name: z.string() });

export const ZResidentSiteParams = z.strictObject({ siteId: ZId });
export const ZResidentMonthQuery = z.strictObject({ month: ZMonth });

// RS-11: the resident contract --------------------------------------------------------------------------------------

export const ZResidentContractPut = orderedDates(
  z.strictObject({
    headcount: zInt().min(1).max(1000),
    startDate: ZDateInRange,
    endDate: ZDateInRange,
    note: optionalText(2000),
    /** The version read; omitted when the site has no contract yet. */
    version: ZVersion.optional(),
  }),
  'startDate',
  'endDate',
  'RS-11',
);
export type TResidentContractPut = z.infer<typeof ZResidentContractPut>;

export const ZResidentContract = z.strictObject({
  siteId: zInt(),
  headcount: zInt(),
  startDate: z.string(),
  endDate: z.string(),
  note: z.string().nullable(),
  version: zInt(),
});
export type TResidentContract = z.infer<typeof ZResidentContract>;

export const ZStaffing = z.strictObject({
  date: z.string(),
  contracted: zInt(),
  active: zInt(),
  inPeriod: z.boolean(),
  underStaffed: z.boolean(),
  shortBy: zInt(),
  explanation: ZExplanation,
});

// RS-11: equipment register (设备资料库), backups, configuration changes -------------------------------------------

export const ZEquipmentCreate = z.strictObject({
  name: text(200),
  model: optionalText(200),
  serialNo: optionalText(200),
  location: optionalText(200),
  note: optionalText(2000),
});
export type TEquipmentCreate = z.infer<typeof ZEquipmentCreate>;
export const ZEquipmentUpdate = ZEquipmentCreate.extend({ version: ZVersion });
export type TEquipmentUpdate = z.infer<typeof ZEquipmentUpdate>;
export const ZEquipment = z.strictObject({
  id: zInt(),
  siteId: zInt(),
  name: z.string(),
  model: z.string().nullable(),
  serialNo: z.string().nullable(),
  location: z.string().nullable(),
  note: z.string().nullable(),
  version: zInt(),
});
export type TEquipment = z.infer<typeof ZEquipment>;

export const BACKUP_RESULTS = ['ok', 'failed'] as const;
export const ZBackupCreate = z.strictObject({
  at: ZInstantInRange,
  target: text(200),
  medium: optionalText(200),
  result: z.enum(BACKUP_RESULTS),
  note: optionalText(2000),
});
export type TBackupCreate = z.infer<typeof ZBackupCreate>;
export const ZBackup = z.strictObject({
  id: zInt(),
  siteId: zInt(),
  at: z.string(),
  target: z.string(),
  medium: z.string().nullable(),
  result: z.enum(BACKUP_RESULTS),
  note: z.string().nullable(),
  recordedBy: ZWho,
});
export type TBackup = z.infer<typeof ZBackup>;

/** RS-11: no client configuration changes without the client's authorisation: who authorised and when, before the change. */
export const ZConfigChangeCreate = z
  .strictObject({
    at: ZInstantInRange,
    system: text(200),
    description: text(2000),
    authorisedBy: text(100),
    authorisedAt: ZInstantInRange,
    /** The authorisation's reference (a work order, a mail), when there is one. */
    reference: optionalText(200),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.authorisedAt) > Date.parse(v.at))
      ctx.addIssue({
        code: 'custom',
        path: ['authorisedAt'],
        message: `must not be after the change (${v.at})`,
        params: { ruleId: 'RS-11' },
      });
  });
export type TConfigChangeCreate = z.infer<typeof ZConfigChangeCreate>;
export const ZConfigChange = z.strictObject({
  id: zInt(),
  siteId: zInt(),
  at: z.string(),
  system: z.string(),
  description: z.string(),
  authorisedBy: z.string(),
  authorisedAt: z.string(),
  reference: z.string().nullable(),
  recordedBy: ZWho,
});
export type TConfigChange = z.infer<typeof ZConfigChange>;

/** RS-11: the site view: the contract, staffing against it, the register, backups and configuration changes. */
export const ZResidentSite = z.strictObject({
  siteId: zInt(),
  siteName: z.string(),
  contract: ZResidentContract.nullable(),
  staffing: ZStaffing.nullable(),
  residents: z.array(ZWho),
  /** RS-8: the site's client users who may approve operations records in the app. */
  signers: z.array(ZWho),
  equipment: z.array(ZEquipment),
  backups: z.array(ZBackup),
  configChanges: z.array(ZConfigChange),
});
export type TResidentSite = z.infer<typeof ZResidentSite>;
export const ZResidentSiteList = z.strictObject({ items: z.array(z.strictObject({ id: zInt(), name: z.string() })) });

// RS-8: the operations record (运维记录) ------------------------------------------------------------------------------

export const ZOperationsPerson = z.strictObject({ name: text(100), inTime: ZTimeOfDay, outTime: ZTimeOfDay });

/** The client's project lead signs: a drawn signature (PNG data URL) with the signer's name. */
export const ZDrawnSignature = z.strictObject({ signerName: text(100), dataUrl: z.string().max(400_000) });

export const ZOperationsRecordCreate = z
  .strictObject({
    date: ZDateInRange,
    startTime: ZTimeOfDay,
    endTime: ZTimeOfDay,
    place: text(200),
    content: text(4000),
    result: text(2000),
    people: z.array(ZOperationsPerson).min(1).max(50),
    /** Signed on the device by the client's project lead… */
    signature: ZDrawnSignature.optional(),
    /** …or to be approved in the app by this client user (residents.sign at the site). */
    approverId: ZRef.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.endTime < v.startTime)
      ctx.addIssue({
        code: 'custom',
        path: ['endTime'],
        message: `must not be before startTime (${v.startTime})`,
        params: { ruleId: 'RS-8' },
      });
    v.people.forEach((p, i) => {
      if (p.outTime < p.inTime)
        ctx.addIssue({
          code: 'custom',
          path: ['people', i, 'outTime'],
          message: `must not be before inTime (${p.inTime})`,
          params: { ruleId: 'RS-8' },
        });
    });
  });
export type TOperationsRecordCreate = z.infer<typeof ZOperationsRecordCreate>;

export const OPERATIONS_RECORD_STATUSES = ['awaiting_approval', 'signed'] as const;
export const ZOperationsRecord = z.strictObject({
  id: zInt(),
  siteId: zInt(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  place: z.string(),
  content: z.string(),
  result: z.string(),
  people: z.array(z.strictObject({ name: z.string(), inTime: z.string(), outTime: z.string() })),
  headcount: zInt(),
  status: z.enum(OPERATIONS_RECORD_STATUSES),
  /** 'drawn': a signature drawn on the device; 'app': approved in the app by a client user. */
  signedHow: z.enum(['drawn', 'app']),
  signerName: z.string().nullable(),
  approver: ZWho.nullable(),
  signedAt: z.string().nullable(),
  signatureUrl: z.string().nullable(),
  recordedBy: ZWho,
  version: zInt(),
});
export type TOperationsRecord = z.infer<typeof ZOperationsRecord>;
export const ZOperationsRecordList = z.strictObject({ month: z.string(), items: z.array(ZOperationsRecord) });

// RS-9: conduct points (扣分) ---------------------------------------------------------------------------------------

export const ZConductPointCreate = z.strictObject({
  userId: ZRef,
  date: ZDateInRange,
  itemId: ZItemId,
  evidence: text(2000),
});
export type TConductPointCreate = z.infer<typeof ZConductPointCreate>;
export const ZConductWithdraw = z.strictObject({ version: ZVersion, reason: text(500) });
export type TConductWithdraw = z.infer<typeof ZConductWithdraw>;

export const ZConductPoint = z.strictObject({
  id: zInt(),
  userId: zInt(),
  userName: z.string(),
  siteId: zInt().nullable(),
  date: z.string(),
  itemId: z.string(),
  itemName: z.strictObject({ 'zh-CN': z.string(), en: z.string() }),
  points: zInt(),
  source: z.enum(['policy', 'site']),
  policyVersion: zInt().nullable(),
  evidence: z.string(),
  attachment: z.strictObject({ fileName: z.string(), contentType: z.string(), size: zInt(), url: z.string() }).nullable(),
  recordedBy: ZWho,
  createdAt: z.string(),
  status: z.enum(['active', 'withdrawn']),
  withdrawReason: z.string().nullable(),
  /** A withdrawal after the month closed: the adjustment booked in the next open month. */
  adjustmentId: zInt().nullable(),
  explanation: ZExplanation,
  version: zInt(),
});
export type TConductPoint = z.infer<typeof ZConductPoint>;

export const ZConductTotal = z.strictObject({
  userId: zInt(),
  userName: z.string(),
  month: z.string(),
  fromEvaluation: zInt(),
  recorded: zInt(),
  adjustments: zInt(),
  total: zInt(),
  explanations: z.array(ZExplanation),
});
export type TConductTotal = z.infer<typeof ZConductTotal>;
export const ZConductMonthQuery = z.strictObject({ month: ZMonth, siteId: ZId.optional() });
export const ZConductMonth = z.strictObject({
  month: z.string(),
  closed: z.boolean(),
  totals: z.array(ZConductTotal),
  points: z.array(ZConductPoint),
  /** The offences that may be recorded for the month (policy or site list; late ones come from attendance). */
  items: z.array(z.strictObject({ id: z.string(), name: z.strictObject({ 'zh-CN': z.string(), en: z.string() }), points: zInt() })),
});
export type TConductMonthOut = z.infer<typeof ZConductMonth>;
