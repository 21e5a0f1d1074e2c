import { z } from 'zod';
import { zInt } from '../schemas/common';
import { ZDays, ZLocalizedText, ZMonths } from './primitives';

/** IN-1/IN-2: an incident class. */
export const ZIncidentClass = z.strictObject({
  id: z.enum(['I', 'II']),
  name: ZLocalizedText,
  definition: ZLocalizedText,
  /** IN-1/IN-2: the engineer writes a reflection (事故反思) after resolution. */
  reflectionRequired: z.boolean(),
  /** IN-1: the supervisor mobilises all resources, R&D included, at once. */
  mobiliseAllResources: z.boolean(),
});
export type TIncidentClass = z.infer<typeof ZIncidentClass>;

/** SR-14 → IN-1/IN-2: the incident class a complaint to this level proposes ('none': no incident proposed). */
export const ZComplaintClassChoice = z.enum(['I', 'II', 'none']);
export type TComplaintClassChoice = z.infer<typeof ZComplaintClassChoice>;

/** SR-14: to whom a customer complained (VP or above, a sales manager, sales admin, or the service department itself). */
export const COMPLAINT_LEVELS = ['vpOrAbove', 'salesManager', 'salesAdmin', 'service'] as const;
export const ZComplaintLevel = z.enum(COMPLAINT_LEVELS);
export type TComplaintLevel = z.infer<typeof ZComplaintLevel>;

/** A whole percentage 0–100 (a pass mark). */
const ZPercent = zInt().min(0).max(100);

export const ZIncidentsPolicy = z.strictObject({
  classes: z.array(ZIncidentClass).min(1),
  /** IN-3: the supervisor reviews the incident and sends an incident notice (事故通报). */
  noticeRequired: z.boolean(),
  /** SR-14: the incident class each complaint level proposes (IN-1: VP or above → I; IN-2: sales → II). */
  complaintClass: z.strictObject({
    vpOrAbove: ZComplaintClassChoice,
    salesManager: ZComplaintClassChoice,
    salesAdmin: ZComplaintClassChoice,
    service: ZComplaintClassChoice,
  }),
  /** IN-1/IN-2: the reflection is due this many working days after the incident is resolved. */
  reflectionDueWorkingDays: ZDays,
  /** IN-3: the supervisor's review and incident notice are due this many working days after the incident is resolved. */
  noticeDueWorkingDays: ZDays,
  /** SR-11b: periodic satisfaction surveys of customer contacts. */
  surveys: z.strictObject({
    /** A survey round every this many months (3: quarterly), periods starting in January. */
    intervalMonths: ZMonths.min(1).max(12),
    /** The e-mailed link works for this many days after sending. */
    responseDays: ZDays.min(1).max(366),
    /** A rating at this grade or better counts as satisfied (SR-9's scale 优/良/中/差; AP-13 asks for 良 or better). */
    satisfiedFrom: z.enum(['excellent', 'good', 'fair', 'poor']),
  }),
  /** TRN-1/TRN-3: internal training, exams and certificates. */
  training: z.strictObject({
    /** TRN-1: the pass mark of an exam, in percent of its points (AP-10: below it is a failure). */
    examPassPercent: ZPercent,
    /** TRN-3: the holder and their managers are reminded this many days before a certificate expires. */
    certificateReminderDays: ZDays.max(366),
  }),
});
export type TIncidentsPolicy = z.infer<typeof ZIncidentsPolicy>;
