import { civilFromDays, dateOfDayNumber, dayNumberOf, daysFromCivil } from '../calendar/dates';
import { type TExplanation, explain } from '../explanation';

export type TWarrantyStatus = 'in_warranty' | 'expired' | 'unknown';

export type WarrantyPolicy = {
  /** CU-2: months of warranty from acceptance (policy `sla.warranty.months`). */
  months: number;
  /** CU-2: a replaced part extends the warranty (policy `sla.warranty.replacedPartExtendsWarranty`). */
  replacedPartExtendsWarranty: boolean;
  /** The policy version the numbers came from. */
  version: number | null;
};

export type WarrantyOptions = {
  acceptedOn: string | null;
  /** A warranty end agreed by contract instead of the policy's months (the last day covered). */
  endOverride?: string | null;
  replacements: { part: string; replacedOn: string }[];
  policy: WarrantyPolicy;
  /** The company-local date to judge the status on. */
  today: string;
};

export type TWarranty = {
  status: TWarrantyStatus;
  /** The last day covered (inclusive), or null when nothing is known. */
  endDate: string | null;
  /** The end before any part replacement extended it. */
  baseEndDate: string | null;
  /** The replacement that pushed the end out, if one did. */
  extendedBy: { part: string; replacedOn: string } | null;
  explanation: TExplanation;
};

/**
 * The last day covered by a warranty of `months` starting on `from`: the day before the same day-of-month
 * `months` later (2023-03-15 + 36 months → 2026-03-14). When that day does not exist (Jan 31 + 1 month) the
 * whole shorter month is covered (→ Feb 28/29).
 */
export function warrantyLastDay(from: string, months: number): string {
  const [y, m, d] = civilFromDays(dayNumberOf(from));
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const lastOfMonth = civilFromDays(daysFromCivil(tm === 12 ? ty + 1 : ty, tm === 12 ? 1 : tm + 1, 1) - 1)[2];
  // The first uncovered day is the anniversary, or the 1st of the next month when the anniversary does not exist.
  const firstUncovered = d <= lastOfMonth ? daysFromCivil(ty, tm, d) : daysFromCivil(ty, tm, lastOfMonth) + 1;
  return dateOfDayNumber(firstUncovered - 1);
}

/**
 * CU-2: warranty of an installed product — `months` from acceptance (or an agreed end), extended by a part
 * replacement to the replacement date + `months` when the policy says so. The last day is still in warranty.
 */
export function computeWarranty(o: WarrantyOptions): TWarranty {
  const { policy, today } = o;
  const baseEndDate = o.endOverride ?? (o.acceptedOn ? warrantyLastDay(o.acceptedOn, policy.months) : null);
  let endDate = baseEndDate;
  let extendedBy: TWarranty['extendedBy'] = null;
  if (policy.replacedPartExtendsWarranty) {
    for (const r of [...o.replacements].sort((a, b) => a.replacedOn.localeCompare(b.replacedOn))) {
      const partEnd = warrantyLastDay(r.replacedOn, policy.months);
      if (endDate === null || partEnd > endDate) {
        endDate = partEnd;
        extendedBy = { part: r.part, replacedOn: r.replacedOn };
      }
    }
  }
  const status: TWarrantyStatus = endDate === null ? 'unknown' : today <= endDate ? 'in_warranty' : 'expired';
  const inputs = {
    acceptedOn: o.acceptedOn,
    endOverride: o.endOverride ?? null,
    months: policy.months,
    replacedPartExtendsWarranty: policy.replacedPartExtendsWarranty,
    replacements: o.replacements,
    today,
  };
  const result = { status, endDate };
  const zhStatus = { in_warranty: '在保', expired: '已过保', unknown: '质保未知' }[status];
  const enStatus = { in_warranty: 'in warranty', expired: 'out of warranty', unknown: 'warranty unknown' }[status];
  let zh: string;
  let en: string;
  if (endDate === null) {
    zh = '尚无验收日期，无法计算质保期';
    en = 'no acceptance date yet, so the warranty cannot be computed';
  } else {
    const base = o.endOverride
      ? { zh: `约定质保至 ${o.endOverride}`, en: `warranty agreed until ${o.endOverride}` }
      : o.acceptedOn
        ? {
            zh: `验收日 ${o.acceptedOn} 起 ${policy.months} 个月，至 ${baseEndDate}`,
            en: `${policy.months} months from acceptance on ${o.acceptedOn}, until ${baseEndDate}`,
          }
        : { zh: '无验收日期', en: 'no acceptance date' };
    const ext = extendedBy
      ? {
          zh: `；${extendedBy.replacedOn} 更换 ${extendedBy.part}，延长至 ${endDate}`,
          en: `; ${extendedBy.part} replaced on ${extendedBy.replacedOn} extends it until ${endDate}`,
        }
      : { zh: '', en: '' };
    zh = `${base.zh}${ext.zh}；${today} ${zhStatus}`;
    en = `${base.en}${ext.en}; ${enStatus} on ${today}`;
  }
  return {
    status,
    endDate,
    baseEndDate,
    extendedBy,
    explanation: explain({ ruleId: 'CU-2', policyVersion: policy.version, inputs, result, zh, en }),
  };
}
