import { z } from 'zod';
import { ZDays, ZItemId, ZLocalizedText } from './primitives';

/** A named item of a checklist (kit item, handover document). */
export const ZChecklistItem = z.strictObject({ id: ZItemId, name: ZLocalizedText });
export type TChecklistItem = z.infer<typeof ZChecklistItem>;

export const ZFieldServicePolicy = z.strictObject({
  /** FS-1: who may sign a service notice (服务通知单) to make it valid. */
  serviceNoticeSigners: z.strictObject({
    gm: z.boolean(),
    departmentHeadWhenGmAbsent: z.boolean(),
    departmentHeadDirectly: z.boolean(),
  }),
  /** FS-3: a travel advance only after the responsibility letter is complete and approved. */
  advanceRequiresApprovedLetter: z.boolean(),
  /** FS-4: the standard kit taken on every job. */
  standardKit: z.array(ZChecklistItem),
  /** FS-6: an unsolved hard problem needs a written report the same day. */
  sameDayReportWhenUnsolved: z.boolean(),
  /** FS-7: extra tasks on site need the customer's signature on completion. */
  extraTaskNeedsCustomerSignature: z.boolean(),
  /** FS-9: return only after the company approves. */
  returnNeedsApproval: z.boolean(),
  /** FS-12: acceptance and hand-over within this many days of installation and commissioning. */
  acceptanceHandoverDays: ZDays,
  /** FS-12: documents signed and archived at hand-over. */
  handoverDocuments: z.array(ZChecklistItem),
  /** FS-12b: a project does not start without the technical handover (技术交底) signed by manager, sales and item leads. */
  handoverRecordRequired: z.boolean(),
});
export type TFieldServicePolicy = z.infer<typeof ZFieldServicePolicy>;
