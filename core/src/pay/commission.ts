import { addMonthsToDate } from '../appraisal/windows';
import { type TExplanation, explain, formatMoneyFen } from '../explanation';
import type { TPayPolicy } from '../policy/payPolicy';
import type { TLocalizedText } from '../policy/primitives';
import type { TReportsPolicy } from '../policy/reportsPolicy';
import type { TJobType } from '../reports/volume';

/** A verified volume line of the month (WR-7), in centimetres as stored. */
export type TCommissionVolume = { projectId: number; pipeType: string; band: string; jobType: TJobType; centimetres: number };

export type TCommissionInput = {
  pay: TPayPolicy;
  reports: TReportsPolicy;
  version: number | null;
  volume: readonly TCommissionVolume[];
  /** Days of work that cannot be counted by the metre (不能计件), paid per day. */
  nonPieceDays: number;
};

/** A priced (or, with no price in the policy, unpriced) line of verified volume. */
export type TCommissionLine = {
  key: string;
  projectId: number;
  pipeType: string;
  band: string;
  jobType: TJobType;
  centimetres: number;
  /** Fen per metre; null when the policy names no price for this pipe type, band and job type. */
  unitFenPerMetre: number | null;
  earnedFen: number | null;
  explanation: TExplanation;
};

/** PAY-3: a project's earned commission split into paid now, paid at settlement and held back. */
export type TCommissionSplit = { projectId: number; earnedFen: number; paidNowFen: number; atSettlementFen: number; heldBackFen: number };

export type TCommission = {
  lines: TCommissionLine[];
  byProject: TCommissionSplit[];
  earnedFen: number;
  paidNowFen: number;
  atSettlementFen: number;
  heldBackFen: number;
  nonPieceFen: number;
  /** Explanations of the split per project and of the non-piece days (when there are any). */
  explanations: TExplanation[];
};

const JOB_TEXT: Record<TJobType, TLocalizedText> = {
  weld: { 'zh-CN': '包焊接', en: 'weld' },
  install: { 'zh-CN': '包安装', en: 'install' },
  guidance: { 'zh-CN': '包技术指导', en: 'technical guidance' },
};

const money = (fen: number) => ({ zh: formatMoneyFen(fen, 'zh-CN'), en: formatMoneyFen(fen, 'en') });
const metres = (cm: number) => (cm % 100 === 0 ? String(cm / 100) : (cm / 100).toFixed(2));

/** PAY-3: the unit price per metre of a job on a pipe type's band, or null when the policy names none. */
export function unitPriceFen(pay: TPayPolicy, pipeType: string, band: string, jobType: TJobType): number | null {
  const rate = pay.commission.rates.find((r) => r.pipeType === pipeType && r.band === band);
  if (!rate) return null;
  if (jobType === 'weld') return rate.weldFenPerMetre;
  if (jobType === 'install') return rate.weldFenPerMetre * pay.commission.installMultiplierOfWeld;
  return rate.guidanceFenPerMetre;
}

function names(reports: TReportsPolicy, pipeType: string, band: string) {
  const pipe = reports.workVolume.pipeTypes.find((p) => p.id === pipeType);
  const b = pipe?.bands.find((x) => x.id === band);
  return { pipe: pipe?.name ?? { 'zh-CN': pipeType, en: pipeType }, band: b?.name ?? { 'zh-CN': band, en: band } };
}

/** PAY-3: a share of an amount in whole fen, rounded half up. */
export const percentOf = (fen: number, percent: number) => Math.round((fen * percent) / 100);

/**
 * PAY-3 piece-rate commission of a person's verified monthly volume: each line priced by pipe type × diameter band ×
 * job type (install = weld × the policy's multiplier; guidance its own price), summed per project and split into the
 * share paid this month (60 %), the share held back two years (10 %) and the rest paid at the project's settlement;
 * days of non-piece work paid per day. Lines without a price are kept and shown unpriced, never as zero.
 */
export function commission(input: TCommissionInput): TCommission {
  const { pay, version } = input;
  const c = pay.commission;
  const lines: TCommissionLine[] = input.volume.map((v, i) => {
    const unit = unitPriceFen(pay, v.pipeType, v.band, v.jobType);
    const earnedFen = unit === null ? null : Math.round((unit * v.centimetres) / 100);
    const n = names(input.reports, v.pipeType, v.band);
    const job = JOB_TEXT[v.jobType];
    const what = {
      zh: `项目 #${v.projectId} ${n.pipe['zh-CN']} ${n.band['zh-CN']} ${job['zh-CN']} ${metres(v.centimetres)} 米`,
      en: `project #${v.projectId} ${n.pipe.en} ${n.band.en} ${job.en} ${metres(v.centimetres)} m`,
    };
    const multiplier =
      v.jobType === 'install'
        ? { zh: `（包焊接单价 × ${c.installMultiplierOfWeld}）`, en: ` (weld price × ${c.installMultiplierOfWeld})` }
        : { zh: '', en: '' };
    const priced =
      unit === null || earnedFen === null
        ? { zh: `${what.zh}：制度未规定单价，未计提成`, en: `${what.en}: the policy names no price, not priced` }
        : {
            zh: `${what.zh} × ${money(unit).zh}/米${multiplier.zh} = ${money(earnedFen).zh}`,
            en: `${what.en} × ${money(unit).en}/m${multiplier.en} = ${money(earnedFen).en}`,
          };
    return {
      key: `PAY-3:volume:${i + 1}`,
      ...v,
      unitFenPerMetre: unit,
      earnedFen,
      explanation: explain({
        ruleId: 'PAY-3',
        policyVersion: version,
        inputs: { ...v, unitFenPerMetre: unit, installMultiplierOfWeld: v.jobType === 'install' ? c.installMultiplierOfWeld : undefined },
        result: earnedFen,
        ...priced,
      }),
    };
  });

  const earnedBy = new Map<number, number>();
  for (const l of lines) if (l.earnedFen !== null) earnedBy.set(l.projectId, (earnedBy.get(l.projectId) ?? 0) + l.earnedFen);
  const explanations: TExplanation[] = [];
  const byProject = [...earnedBy.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([projectId, earnedFen]) => {
      const paidNowFen = percentOf(earnedFen, c.paidMonthlyPercent);
      const heldBackFen = percentOf(earnedFen, c.heldBackPercent);
      const atSettlementFen = earnedFen - paidNowFen - heldBackFen;
      explanations.push(
        explain({
          ruleId: 'PAY-3',
          policyVersion: version,
          inputs: {
            projectId,
            earnedFen,
            paidMonthlyPercent: c.paidMonthlyPercent,
            heldBackPercent: c.heldBackPercent,
            heldBackMonths: c.heldBackMonths,
          },
          result: { paidNowFen, atSettlementFen, heldBackFen },
          zh: `项目 #${projectId} 提成 ${money(earnedFen).zh}：当月发放 ${c.paidMonthlyPercent}% ${money(paidNowFen).zh}，结算时发放 ${money(atSettlementFen).zh}，保留 ${c.heldBackPercent}% ${money(heldBackFen).zh}（结算后 ${c.heldBackMonths} 个月）`,
          en: `project #${projectId} commission ${money(earnedFen).en}: ${c.paidMonthlyPercent} % paid this month ${money(paidNowFen).en}, ${money(atSettlementFen).en} at settlement, ${c.heldBackPercent} % held back ${money(heldBackFen).en} (${c.heldBackMonths} months after settlement)`,
        }),
      );
      return { projectId, earnedFen, paidNowFen, atSettlementFen, heldBackFen };
    });

  const nonPieceFen = input.nonPieceDays * c.nonPieceWorkDailyFen;
  if (input.nonPieceDays > 0) {
    explanations.push(
      explain({
        ruleId: 'PAY-3',
        policyVersion: version,
        inputs: { nonPieceDays: input.nonPieceDays, nonPieceWorkDailyFen: c.nonPieceWorkDailyFen },
        result: nonPieceFen,
        zh: `不能计件的工作 ${input.nonPieceDays} 天 × ${money(c.nonPieceWorkDailyFen).zh}/天 = ${money(nonPieceFen).zh}`,
        en: `non-piece work ${input.nonPieceDays} days × ${money(c.nonPieceWorkDailyFen).en}/day = ${money(nonPieceFen).en}`,
      }),
    );
  }
  const sum = (k: keyof Omit<TCommissionSplit, 'projectId'>) => byProject.reduce((s, p) => s + p[k], 0);
  return {
    lines,
    byProject,
    earnedFen: sum('earnedFen'),
    paidNowFen: sum('paidNowFen'),
    atSettlementFen: sum('atSettlementFen'),
    heldBackFen: sum('heldBackFen'),
    nonPieceFen,
    explanations,
  };
}

/** PAY-3: the held-back share is released this many months after the project's settlement (the same day, clamped). */
export const retentionReleaseDate = (settledOn: string, heldBackMonths: number) => addMonthsToDate(settledOn, heldBackMonths);

/** PAY-3: an entry is due on its release date and after it, never before. */
export const isReleaseDue = (releaseOn: string | null, today: string) => releaseOn !== null && releaseOn <= today;
