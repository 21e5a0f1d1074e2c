import { type TLetter, type TLetterFill, ZLetterFill } from '@techserve/core';
import dayjs, { type Dayjs } from 'dayjs';

/** The letter form's values: dates as dayjs for the pickers, the rest as the API has them. */
export type TLetterFormValues = {
  siteConfirmation?: { contactName?: string; confirmedAt?: Dayjs | null; content?: string; matchesNotice?: boolean };
  plannedSolution?: string;
  kit?: TLetter['kit'];
  appointmentAt?: Dayjs | null;
  estimatedMinutes?: number | null;
  travelPlan?: { departDate?: Dayjs | null; returnDate?: Dayjs | null; transport?: string; notes?: string };
};

const filled = (value: unknown) => value !== undefined && value !== null && value !== '';

/** A letter as the form's initial values. */
export function letterToForm(letter: TLetter): TLetterFormValues {
  const site = letter.siteConfirmation;
  const travel = letter.travelPlan;
  return {
    siteConfirmation: site ? { ...site, confirmedAt: dayjs(site.confirmedAt) } : { matchesNotice: true },
    plannedSolution: letter.plannedSolution ?? '',
    kit: letter.kit,
    appointmentAt: letter.appointmentAt ? dayjs(letter.appointmentAt) : null,
    estimatedMinutes: letter.estimatedMinutes,
    travelPlan: travel ? { ...travel, departDate: dayjs(travel.departDate), returnDate: dayjs(travel.returnDate) } : {},
  };
}

/**
 * The form's values as a PATCH body (FS-2), validated by the shared schema. A section left empty is not sent (the
 * letter keeps what it had); a half-filled one is sent so its missing parts are named. Returns the body or the
 * issues as form fields.
 */
export function formToLetterFill(
  values: TLetterFormValues,
  version: number,
): { body: TLetterFill } | { fields: { name: (string | number)[]; errors: string[] }[] } {
  const site = values.siteConfirmation ?? {};
  const travel = values.travelPlan ?? {};
  const raw = {
    version,
    ...([site.contactName, site.confirmedAt, site.content].some(filled)
      ? {
          siteConfirmation: {
            contactName: site.contactName ?? '',
            confirmedAt: site.confirmedAt?.toISOString() ?? '',
            content: site.content ?? '',
            matchesNotice: site.matchesNotice ?? true,
          },
        }
      : {}),
    ...(filled(values.plannedSolution) ? { plannedSolution: values.plannedSolution } : {}),
    ...(values.kit ? { kit: values.kit } : {}),
    ...(values.appointmentAt ? { appointmentAt: values.appointmentAt.toISOString() } : {}),
    ...(values.estimatedMinutes ? { estimatedMinutes: values.estimatedMinutes } : {}),
    ...([travel.departDate, travel.returnDate, travel.transport].some(filled)
      ? {
          travelPlan: {
            departDate: travel.departDate?.format('YYYY-MM-DD') ?? '',
            returnDate: travel.returnDate?.format('YYYY-MM-DD') ?? '',
            transport: travel.transport ?? '',
            ...(travel.notes ? { notes: travel.notes } : {}),
          },
        }
      : {}),
  };
  const parsed = ZLetterFill.safeParse(raw);
  if (parsed.success) return { body: parsed.data };
  return {
    fields: parsed.error.issues.map((issue) => ({
      name: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
      errors: [issue.message],
    })),
  };
}
