import { z } from 'zod';
import { ZDays, ZLocalizedText } from './primitives';

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

export const ZIncidentsPolicy = z.strictObject({
  classes: z.array(ZIncidentClass).min(1),
  /** IN-3: the supervisor reviews the incident and sends an incident notice (事故通报). */
  noticeRequired: z.boolean(),
  /** IN-1/IN-2: the reflection is due this many working days after the incident is resolved. */
  reflectionDueWorkingDays: ZDays,
  /** IN-3: the supervisor's review and incident notice are due this many working days after the incident is resolved. */
  noticeDueWorkingDays: ZDays,
});
export type TIncidentsPolicy = z.infer<typeof ZIncidentsPolicy>;
