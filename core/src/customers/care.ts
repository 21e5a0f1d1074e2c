import { dateOfDayNumber, dayNumberOf } from '../calendar/dates';
import { type TExplanation, explain } from '../explanation';
import { type TPartWarranty, type TWarranty, warrantyLastDay } from './warranty';

/** Yuan text of an amount in fen (200.00). */
const yuan = (fen: number) => (fen / 100).toFixed(2);

// CU-2 / CU-3: who pays for a repair ---------------------------------------------------------------------------------

export type TRepairCoverage = {
  /** Free under warranty, or chargeable (CU-3). */
  chargeable: boolean;
  basis: 'device_warranty' | 'part_warranty' | 'caused_by_people' | 'out_of_warranty' | 'warranty_unknown';
  explanation: TExplanation;
};

/**
 * CU-2: a fault not caused by people is repaired free while the device (or the replaced part at fault, under its own
 * continued warranty) is in warranty; a fault caused by people, or one out of warranty, is chargeable (CU-3). The
 * warranty is the one computeWarranty gave for the repair date.
 */
export function repairCoverage(o: {
  warranty: Pick<TWarranty, 'status' | 'endDate'> & { parts?: TPartWarranty[] };
  /** The replaced part at fault, when the fault is in one. */
  part?: string | null;
  causedByPeople: boolean;
  policyVersion: number | null;
}): TRepairCoverage {
  const partWarranty = o.part ? (o.warranty.parts ?? []).filter((p) => p.part === o.part && p.status === 'in_warranty').at(-1) : undefined;
  let basis: TRepairCoverage['basis'];
  if (o.causedByPeople) basis = 'caused_by_people';
  else if (o.warranty.status === 'in_warranty') basis = 'device_warranty';
  else if (partWarranty) basis = 'part_warranty';
  else if (o.warranty.status === 'unknown') basis = 'warranty_unknown';
  else basis = 'out_of_warranty';
  const chargeable = basis !== 'device_warranty' && basis !== 'part_warranty';
  const text = {
    caused_by_people: {
      zh: '人为造成的故障不在免费保修范围内，须收费（CU-3）',
      en: 'a fault caused by people is not covered: chargeable (CU-3)',
    },
    device_warranty: {
      zh: `整机在保（至 ${o.warranty.endDate}），非人为故障免费维修`,
      en: `the device is in warranty (until ${o.warranty.endDate}): free repair of a fault not caused by people`,
    },
    part_warranty: {
      zh: `整机已过保，但更换的 ${o.part} 在其自身质保期内（至 ${partWarranty?.endDate}），免费维修`,
      en: `the device is out of warranty but the replaced ${o.part} is in its own warranty (until ${partWarranty?.endDate}): free`,
    },
    warranty_unknown: { zh: '无验收日期，质保未知，按保外收费处理', en: 'no acceptance date, warranty unknown: treated as chargeable' },
    out_of_warranty: {
      zh: `已过保（至 ${o.warranty.endDate}），保外维修收取成本费（CU-3）`,
      en: `out of warranty (ended ${o.warranty.endDate}): repaired at cost (CU-3)`,
    },
  }[basis];
  return {
    chargeable,
    basis,
    explanation: explain({
      ruleId: 'CU-2',
      policyVersion: o.policyVersion,
      inputs: {
        warrantyStatus: o.warranty.status,
        warrantyEnd: o.warranty.endDate,
        part: o.part ?? null,
        causedByPeople: o.causedByPeople,
      },
      result: { chargeable, basis },
      zh: text.zh,
      en: text.en,
    }),
  };
}

// CU-3: the fee agreed with the customer -----------------------------------------------------------------------------

export type TOutOfWarrantyPolicy = { minimumFeeFen: number; suggestedMaximumFeeFen: number; partsChargedExtra: boolean };

export type TRepairFeeAssessment = {
  /** Below the policy's minimum cost fee: refused. */
  belowMinimum: boolean;
  /** Above the suggested maximum: allowed (the salesperson and the head agreed it) and said so. */
  aboveSuggestedMaximum: boolean;
  totalFen: number;
  explanation: TExplanation;
};

/**
 * CU-3: the cost fee agreed by sales and the department head is at least the policy's minimum (e.g. 200 yuan); above
 * the suggested maximum (e.g. 500) it stands but is flagged; parts are charged on top when the policy says so.
 */
export function assessRepairFee(o: {
  feeFen: number;
  partsFen: number;
  policy: TOutOfWarrantyPolicy;
  policyVersion: number | null;
}): TRepairFeeAssessment {
  const { policy } = o;
  const belowMinimum = o.feeFen < policy.minimumFeeFen;
  const aboveSuggestedMaximum = o.feeFen > policy.suggestedMaximumFeeFen;
  const partsFen = policy.partsChargedExtra ? o.partsFen : 0;
  const totalFen = o.feeFen + partsFen;
  const range = `${yuan(policy.minimumFeeFen)}–${yuan(policy.suggestedMaximumFeeFen)}`;
  const verdict = belowMinimum
    ? { zh: `低于最低成本费 ${yuan(policy.minimumFeeFen)} 元`, en: `below the minimum cost fee of ${yuan(policy.minimumFeeFen)} yuan` }
    : aboveSuggestedMaximum
      ? { zh: `高于建议范围 ${range} 元，按约定收取`, en: `above the suggested ${range} yuan, charged as agreed` }
      : { zh: `在建议范围 ${range} 元内`, en: `within the suggested ${range} yuan` };
  const parts = policy.partsChargedExtra
    ? { zh: `，配件另计 ${yuan(partsFen)} 元`, en: `, parts extra ${yuan(partsFen)} yuan` }
    : { zh: '，配件不另计', en: ', parts not charged extra' };
  return {
    belowMinimum,
    aboveSuggestedMaximum,
    totalFen,
    explanation: explain({
      ruleId: 'CU-3',
      policyVersion: o.policyVersion,
      inputs: { feeFen: o.feeFen, partsFen: o.partsFen, ...policy },
      result: { totalFen, belowMinimum, aboveSuggestedMaximum },
      zh: `成本费 ${yuan(o.feeFen)} 元${verdict.zh}${parts.zh}，合计 ${yuan(totalFen)} 元`,
      en: `cost fee ${yuan(o.feeFen)} yuan ${verdict.en}${parts.en}; total ${yuan(totalFen)} yuan`,
    }),
  };
}

// CU-2: the free annual inspections (巡检) ------------------------------------------------------------------------------

/** How far ahead the plan opens inspections: a year and a day, so a region sees the coming year's tasks. */
export const inspectionHorizonEnd = (today: string) => dateOfDayNumber(dayNumberOf(today) + 366);

export type TCareDue = { dueDate: string; period: string; explanation: TExplanation };

/**
 * CU-2: `perYear` free inspections in each warranty year, the i-th due on the last day of the i-th equal part of the
 * year (one a year: the day before the acceptance anniversary), for as long as the device is in warranty. Only the
 * dates in [from, through] are returned; `period` ('Y2-1': the 2nd warranty year's first) identifies each.
 */
export function inspectionsDue(o: {
  acceptedOn: string | null;
  warrantyEnd: string | null;
  perYear: number;
  from: string;
  through: string;
  policyVersion: number | null;
}): TCareDue[] {
  if (!o.acceptedOn || !o.warrantyEnd || o.perYear < 1) return [];
  const out: TCareDue[] = [];
  for (let year = 0; ; year++) {
    if (warrantyLastDay(o.acceptedOn, year * 12) >= o.warrantyEnd) break;
    for (let i = 1; i <= o.perYear; i++) {
      const months = year * 12 + Math.floor((12 * i) / o.perYear);
      const dueDate = warrantyLastDay(o.acceptedOn, months);
      if (dueDate > o.warrantyEnd || dueDate < o.from || dueDate > o.through) continue;
      const period = `Y${year + 1}-${i}`;
      out.push({
        dueDate,
        period,
        explanation: explain({
          ruleId: 'CU-2',
          policyVersion: o.policyVersion,
          inputs: { acceptedOn: o.acceptedOn, warrantyEnd: o.warrantyEnd, perYear: o.perYear },
          result: { dueDate, period },
          zh: `质保期第 ${year + 1} 年第 ${i} 次免费巡检（每年 ${o.perYear} 次，验收日 ${o.acceptedOn}），${dueDate} 前完成`,
          en: `free inspection ${i} of ${o.perYear} in warranty year ${year + 1} (accepted ${o.acceptedOn}), due by ${dueDate}`,
        }),
      });
    }
  }
  return out;
}

// CU-1: regular visits ----------------------------------------------------------------------------------------------

/**
 * CU-1: the next visit of a customer is due `intervalDays` after the last one done (or, when the last was missed, after
 * its due date), or after the plan started for a customer never visited.
 */
export function nextVisitDue(o: {
  lastDoneOn: string | null;
  lastMissedDue: string | null;
  planStart: string;
  intervalDays: number;
  /** The day the plan runs: a visit is never due before it (an overdue customer is due today). */
  today: string;
  policyVersion: number | null;
}): TCareDue {
  const from =
    o.lastDoneOn && (!o.lastMissedDue || o.lastDoneOn >= o.lastMissedDue)
      ? { date: o.lastDoneOn, zh: '上次回访', en: 'the last visit' }
      : o.lastMissedDue
        ? { date: o.lastMissedDue, zh: '上次错过的回访到期日', en: 'the missed visit due' }
        : { date: o.planStart, zh: '回访计划开始', en: 'the plan start' };
  const computed = dateOfDayNumber(dayNumberOf(from.date) + o.intervalDays);
  const dueDate = computed < o.today ? o.today : computed;
  const late =
    computed < o.today ? { zh: `（${computed} 已过，今日到期）`, en: ` (${computed} has passed: due today)` } : { zh: '', en: '' };
  return {
    dueDate,
    period: dueDate,
    explanation: explain({
      ruleId: 'CU-1',
      policyVersion: o.policyVersion,
      inputs: {
        lastDoneOn: o.lastDoneOn,
        lastMissedDue: o.lastMissedDue,
        planStart: o.planStart,
        intervalDays: o.intervalDays,
        today: o.today,
      },
      result: { dueDate },
      zh: `${from.zh} ${from.date} 后 ${o.intervalDays} 天回访，${dueDate} 前完成${late.zh}`,
      en: `a visit ${o.intervalDays} days after ${from.en} on ${from.date}, due by ${dueDate}${late.en}`,
    }),
  };
}
