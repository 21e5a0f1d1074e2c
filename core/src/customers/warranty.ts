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

/** CU-2: a replaced part's own warranty (更换的部件质保期顺延), from its replacement date. */
export type TPartWarranty = { part: string; replacedOn: string; endDate: string; status: 'in_warranty' | 'expired' };

export type TWarranty = {
  status: TWarrantyStatus;
  /** The last day the device is covered (inclusive), or null when nothing is known. A replacement does not move it. */
  endDate: string | null;
  /** The device's end from acceptance (or the agreed end): the same as `endDate` since parts keep their own warranty. */
  baseEndDate: string | null;
  /** The replaced part whose own warranty runs longest past the device's end, if one does. */
  extendedBy: { part: string; replacedOn: string } | null;
  /** Each replaced part's own warranty (CU-2), oldest replacement first. */
  parts: TPartWarranty[];
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
 * CU-2: warranty of an installed product — `months` from acceptance (or an agreed end) for the whole device. A replaced
 * part keeps its own warranty, continued from its replacement date for the policy's months (「更换的部件质保期顺延」)
 * when the policy says so, else until the device's end; it is never a fresh warranty for the whole device. The last
 * day is still in warranty.
 */
export function computeWarranty(o: WarrantyOptions): TWarranty {
  const { policy, today } = o;
  const baseEndDate = o.endOverride ?? (o.acceptedOn ? warrantyLastDay(o.acceptedOn, policy.months) : null);
  const endDate = baseEndDate;
  const parts: TPartWarranty[] = [...o.replacements]
    .sort((a, b) => a.replacedOn.localeCompare(b.replacedOn))
    .map((r) => {
      const own = warrantyLastDay(r.replacedOn, policy.months);
      const partEnd = policy.replacedPartExtendsWarranty || endDate === null ? own : endDate;
      return { part: r.part, replacedOn: r.replacedOn, endDate: partEnd, status: today <= partEnd ? 'in_warranty' : 'expired' };
    });
  let extendedBy: TWarranty['extendedBy'] = null;
  let longest = endDate;
  for (const p of parts) {
    if (policy.replacedPartExtendsWarranty && (longest === null || p.endDate > longest)) {
      longest = p.endDate;
      extendedBy = { part: p.part, replacedOn: p.replacedOn };
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
  const result = { status, endDate, parts: parts.map((p) => ({ part: p.part, endDate: p.endDate })) };
  const zhStatus = { in_warranty: '在保', expired: '已过保', unknown: '质保未知' }[status];
  const enStatus = { in_warranty: 'in warranty', expired: 'out of warranty', unknown: 'warranty unknown' }[status];
  let zh: string;
  let en: string;
  if (endDate === null) {
    zh = '尚无验收日期，无法计算整机质保期';
    en = 'no acceptance date yet, so the device warranty cannot be computed';
  } else {
    const base = o.endOverride
      ? { zh: `约定质保至 ${o.endOverride}`, en: `warranty agreed until ${o.endOverride}` }
      : o.acceptedOn
        ? {
            zh: `验收日 ${o.acceptedOn} 起 ${policy.months} 个月，至 ${baseEndDate}`,
            en: `${policy.months} months from acceptance on ${o.acceptedOn}, until ${baseEndDate}`,
          }
        : { zh: '无验收日期', en: 'no acceptance date' };
    zh = `${base.zh}；${today} 整机${zhStatus}`;
    en = `${base.en}; the device is ${enStatus} on ${today}`;
  }
  for (const p of parts) {
    const own = policy.replacedPartExtendsWarranty;
    zh += `；${p.replacedOn} 更换的 ${p.part} ${own ? '自更换日起' : '随整机'}质保至 ${p.endDate}`;
    en += `; ${p.part} replaced on ${p.replacedOn} is covered ${own ? 'from its replacement' : 'with the device'} until ${p.endDate}`;
  }
  return {
    status,
    endDate,
    baseEndDate,
    extendedBy,
    parts,
    explanation: explain({ ruleId: 'CU-2', policyVersion: policy.version, inputs, result, zh, en }),
  };
}
