import type { TAppraisalGrade } from '../appraisal/facts';
import { type TExplanation, explain, formatMoneyFen } from '../explanation';
import type { TPayPolicy } from '../policy/payPolicy';
import type { TCommission } from './commission';
import { monthDates } from '../obligations/month';
import { type TPayContract, contractStop } from './contracted';
import { type TPayOvertimeLine, overtimePay } from './overtimePay';
import { beforeConversion } from './probationAssessment';

/** What a line of the payslip is. */
export const PAY_LINE_KINDS = [
  'base',
  'postAllowance',
  'fieldAllowance',
  'travel',
  'commission',
  'nonPiece',
  'settlement',
  'retention',
  'performance',
  'fine',
  'bonus',
  'adjustment',
  'overtime',
  'minimumTopUp',
] as const;
export type TPayLineKind = (typeof PAY_LINE_KINDS)[number];

export type TPayLine = {
  key: string;
  kind: TPayLineKind;
  ruleId: string;
  /** Signed fen; null when the fact is not recorded (shown as such, never as zero). */
  amountFen: number | null;
  explanation: TExplanation;
};

/** A line of the frozen appraisal sheet that carries an amount (fine, bonus or a reviewer's adjustment). */
export type TSheetAmount = {
  key: string;
  kind: 'fine' | 'bonus' | 'adjustment';
  ruleId: string;
  amountFen: number;
  text: { 'zh-CN': string; en: string };
};

/** A held-back or settlement share released into this month from the ledger. */
export type TReleasedShare = {
  entryId: number;
  kind: 'settlement' | 'retention';
  projectId: number;
  earnedMonth: string;
  amountFen: number;
  releaseOn: string;
};

/** A bonus decided outside the appraisal sheet and already explained: AP-6 best employee, PAY-2 half-year ranking. */
export type TPayBonus = { key: string; ruleId: string; amountFen: number; explanation: TExplanation };

export type TPayslipInput = {
  pay: TPayPolicy;
  version: number | null;
  month: string;
  /** The person's base tier (PAY-1) by id; null: no pay profile, the starting tier applies. */
  baseTierId: string | null;
  /** PAY-3: a welder's grade (一级 … 八级焊工), paid by the grade instead of the tier; null for none. */
  welderGrade: number | null;
  /** PAY-3/PAY-3b: in probation (before 转正): probation base + post allowance, piece rate only if the policy says so. */
  probation: boolean;
  fieldAllowance: boolean;
  /** TR-1..3 allowances of the trips that ended in the month (claims not rejected). */
  travel: readonly { claimId: number; amountFen: number }[];
  commission: TCommission;
  released: readonly TReleasedShare[];
  /** The frozen appraisal sheet: its policy version, grade and amounts. */
  sheet: { id: number; policyVersion: number | null; grade: TAppraisalGrade | null; amounts: readonly TSheetAmount[] };
  /** AP-6 best employee confirmed for the month; PAY-2 half-year ranking bonus in the period's last month. */
  bonuses: readonly TPayBonus[];
  /** AT-5/AT-5b: the month's approved overtime (none: no line). */
  overtime: readonly TPayOvertimeLine[];
  /** PAY-3c: the person's contracts (承包) touching the month; none or absent: the full salary. */
  contracts?: readonly TPayContract[];
  /** PAY-3b: the conversion (转正) date of a passed probation assessment; before it the person is paid as in probation. */
  convertedOn?: string | null;
};

export type TPayslip = {
  lines: TPayLine[];
  /**
   * Everything but the travel allowances (which repay trips, not work) and overtime pay (paid on top: 最低工资规定
   * art. 12 leaves overtime pay out of the minimum) — what the guaranteed minimum is compared with.
   */
  wageFen: number;
  travelFen: number;
  overtimeFen: number;
  topUpFen: number;
  totalFen: number;
};

const money = (fen: number) => ({ zh: formatMoneyFen(fen, 'zh-CN'), en: formatMoneyFen(fen, 'en') });

/** PAY-1: the tier of a profile, or the starting tier (no clean months required) when there is no profile. */
export function baseTierOf(pay: TPayPolicy, tierId: string | null) {
  const starting = [...pay.baseTiers].sort((a, b) => a.cleanMonthsRequired - b.cleanMonthsRequired)[0];
  return (tierId !== null ? pay.baseTiers.find((t) => t.id === tierId) : undefined) ?? starting;
}

/**
 * PAY-5 monthly pay of one person: base + field allowance + travel allowances + commission paid now (and shares
 * released from the ledger) + performance pay by the appraisal grade ± the frozen sheet's fines, bonuses and
 * adjustments ± the month's AP-6/PAY-2 bonuses + overtime priced on the base pay (AT-5b), the wage without travel
 * and overtime topped up to the guaranteed minimum as its own line. Computes no tax.
 */
export function payslip(input: TPayslipInput): TPayslip {
  const { pay, version } = input;
  const lines: TPayLine[] = [];
  const add = (
    key: string,
    kind: TPayLineKind,
    ruleId: string,
    amountFen: number | null,
    inputs: Record<string, unknown>,
    zh: string,
    en: string,
    v = version,
  ) => lines.push({ key, kind, ruleId, amountFen, explanation: explain({ ruleId, policyVersion: v, inputs, result: amountFen, zh, en }) });

  let baseFen = 0;
  const convertedOn = input.convertedOn ?? null;
  // PAY-3b: the result counts from the assessment's effective date: a conversion after this month leaves it in probation
  const probation = input.probation || (convertedOn !== null && convertedOn > monthDates(input.month).last);
  const welder = input.welderGrade !== null ? pay.engineerLevels.find((l) => l.level === input.welderGrade) : undefined;
  if (probation) {
    const p = pay.probation;
    baseFen = p.baseFen;
    add(
      'PAY-3:probation',
      'base',
      'PAY-3',
      p.baseFen,
      { probation: true, baseFen: p.baseFen },
      `试用期底薪 ${money(p.baseFen).zh}`,
      `probation base pay ${money(p.baseFen).en}`,
    );
    add(
      'PAY-3:post',
      'postAllowance',
      'PAY-3',
      p.postAllowanceFen,
      { postAllowanceFen: p.postAllowanceFen },
      `试用期岗位补助 ${money(p.postAllowanceFen).zh}`,
      `probation post allowance ${money(p.postAllowanceFen).en}`,
    );
  } else if (welder) {
    baseFen = welder.monthlyFen;
    add(
      'PAY-3:grade',
      'base',
      'PAY-3',
      welder.monthlyFen,
      { welderGrade: welder.level },
      `${welder.level} 级焊工基本工资 ${money(welder.monthlyFen).zh}`,
      `welder grade ${welder.level} base pay ${money(welder.monthlyFen).en}`,
    );
  } else {
    const tier = baseTierOf(pay, input.baseTierId);
    baseFen = tier.monthlyFen;
    const noProfile =
      input.baseTierId === null ? { zh: '（无薪酬档案，按入职起薪）', en: ' (no pay profile: starting pay)' } : { zh: '', en: '' };
    add(
      'PAY-1:base',
      'base',
      'PAY-1',
      tier.monthlyFen,
      { tierId: tier.id, profileTierId: input.baseTierId },
      `基本工资 ${tier.name['zh-CN']} ${money(tier.monthlyFen).zh}${noProfile.zh}`,
      `base pay ${tier.name.en} ${money(tier.monthlyFen).en}${noProfile.en}`,
    );
  }
  const conversion = probation || convertedOn === null ? null : beforeConversion(pay, version, input.month, convertedOn, baseFen);
  if (conversion)
    lines.push({
      key: 'PAY-3b:beforeConversion',
      kind: 'base',
      ruleId: 'PAY-3b',
      amountFen: conversion.amountFen,
      explanation: conversion.explanation,
    });
  const stop = contractStop(version, input.month, baseFen, input.contracts ?? []);
  if (stop)
    lines.push({ key: 'PAY-3c:contracted', kind: 'base', ruleId: 'PAY-3c', amountFen: -stop.stoppedFen, explanation: stop.explanation });
  if (input.fieldAllowance) {
    add(
      'PAY-5:field',
      'fieldAllowance',
      'PAY-5',
      pay.fieldAllowanceFen,
      { fieldAllowanceFen: pay.fieldAllowanceFen },
      `野外补贴 ${money(pay.fieldAllowanceFen).zh}`,
      `field allowance ${money(pay.fieldAllowanceFen).en}`,
    );
  }
  for (const t of input.travel) {
    add(
      `TR-3:claim:${t.claimId}`,
      'travel',
      'TR-3',
      t.amountFen,
      { claimId: t.claimId },
      `出差补助（报销单 #${t.claimId}）${money(t.amountFen).zh}`,
      `travel allowances (claim #${t.claimId}) ${money(t.amountFen).en}`,
    );
  }
  const pieceRate = !probation || pay.probation.pieceRateCommission;
  if (!pieceRate && input.commission.earnedFen > 0) {
    add(
      'PAY-3:probationNoPieceRate',
      'commission',
      'PAY-3',
      0,
      { earnedFen: input.commission.earnedFen, pieceRateCommission: false },
      `试用期不计计件工资（核实工程量折合 ${money(input.commission.earnedFen).zh}）`,
      `no piece rate in probation (the verified volume would earn ${money(input.commission.earnedFen).en})`,
    );
  }
  for (const [i, p] of (pieceRate ? input.commission.byProject : []).entries()) {
    lines.push({
      key: `PAY-3:commission:${p.projectId}`,
      kind: 'commission',
      ruleId: 'PAY-3',
      amountFen: p.paidNowFen,
      explanation: input.commission.explanations[i],
    });
  }
  if (pieceRate && input.commission.nonPieceFen > 0) {
    lines.push({
      key: 'PAY-3:nonPiece',
      kind: 'nonPiece',
      ruleId: 'PAY-3',
      amountFen: input.commission.nonPieceFen,
      explanation: input.commission.explanations[input.commission.byProject.length],
    });
  }
  for (const r of input.released) {
    const what =
      r.kind === 'settlement'
        ? { zh: '结算时发放的提成', en: 'commission due at settlement' }
        : { zh: '保留的提成', en: 'held-back commission' };
    add(
      `PAY-3:${r.kind}:${r.entryId}`,
      r.kind,
      'PAY-3',
      r.amountFen,
      { entryId: r.entryId, projectId: r.projectId, earnedMonth: r.earnedMonth, releaseOn: r.releaseOn },
      `${r.earnedMonth} 项目 #${r.projectId} ${what.zh} ${money(r.amountFen).zh}（${r.releaseOn} 到期发放）`,
      `${r.earnedMonth} project #${r.projectId} ${what.en} ${money(r.amountFen).en} (due ${r.releaseOn})`,
    );
  }
  const grade = input.sheet.grade;
  if (grade !== null) {
    const fen = pay.performancePayFen[grade];
    add(
      'PAY-5:performance',
      'performance',
      'PAY-5',
      fen,
      { sheetId: input.sheet.id, grade },
      `绩效工资：考核等级 ${grade} → ${money(fen).zh}`,
      `performance pay: appraisal grade ${grade} → ${money(fen).en}`,
    );
  }
  for (const a of input.sheet.amounts) {
    lines.push({
      key: `sheet:${a.key}`,
      kind: a.kind,
      ruleId: a.ruleId,
      amountFen: a.amountFen,
      explanation: explain({
        ruleId: a.ruleId,
        policyVersion: input.sheet.policyVersion,
        inputs: { sheetId: input.sheet.id, line: a.key },
        result: a.amountFen,
        zh: a.text['zh-CN'],
        en: a.text.en,
      }),
    });
  }
  for (const b of input.bonuses)
    lines.push({ key: b.key, kind: 'bonus', ruleId: b.ruleId, amountFen: b.amountFen, explanation: b.explanation });
  for (const o of input.overtime) {
    const priced = overtimePay(pay, version, baseFen, o);
    lines.push({ key: `AT-5b:overtime:${o.overtimeId}`, kind: 'overtime', ruleId: 'AT-5b', ...priced });
  }

  const travelFen = input.travel.reduce((s, t) => s + t.amountFen, 0);
  const overtimeFen = lines.reduce((s, l) => s + (l.kind === 'overtime' ? (l.amountFen ?? 0) : 0), 0);
  const wageFen = lines.reduce((s, l) => s + (l.amountFen ?? 0), 0) - travelFen - overtimeFen;
  // PAY-3c/PAY-5: the guaranteed minimum covers the days on salary only (a contracted day is paid by the contract)
  const minimum = stop
    ? Math.round((pay.guaranteedMinimumFen * (stop.daysInMonth - stop.stoppedDays)) / stop.daysInMonth)
    : pay.guaranteedMinimumFen;
  const topUpFen = wageFen < minimum ? minimum - wageFen : 0;
  if (topUpFen > 0) {
    add(
      'PAY-5:minimum',
      'minimumTopUp',
      'PAY-5',
      topUpFen,
      { wageFen, guaranteedMinimumFen: minimum },
      `工资 ${money(wageFen).zh} 低于最低保障工资 ${money(minimum).zh}，补足 ${money(topUpFen).zh}`,
      `pay ${money(wageFen).en} is below the guaranteed minimum ${money(minimum).en}: topped up by ${money(topUpFen).en}`,
    );
  }
  return { lines, wageFen, travelFen, overtimeFen, topUpFen, totalFen: wageFen + topUpFen + travelFen + overtimeFen };
}
