import type { TReportsPolicy } from '../policy/reportsPolicy';

/** PAY-3: how the work was contracted — weld only (包焊接), install (包安装: 2× weld), technical guidance (包技术指导). */
export const JOB_TYPES = ['weld', 'install', 'guidance'] as const;
export type TJobType = (typeof JOB_TYPES)[number];

export type TVolumeLineInput = { pipeType: string; band: string; jobType: TJobType; metres: number };

/** Metres as integer centimetres (two decimals), the stored unit. */
export const toCentimetres = (metres: number) => Math.round(metres * 100);
export const toMetres = (centimetres: number) => Math.round(centimetres) / 100;

/**
 * WR-7: the first line whose pipe type or diameter band the policy does not name, with the field and the reason
 * (unknownPipeType / unknownBand), or null when every line is known.
 */
export function volumeLineProblem(
  policy: TReportsPolicy,
  lines: readonly TVolumeLineInput[],
): { index: number; field: 'pipeType' | 'band'; reason: 'volume.unknownPipeType' | 'volume.unknownBand' } | null {
  for (let index = 0; index < lines.length; index++) {
    const pipe = policy.workVolume.pipeTypes.find((p) => p.id === lines[index].pipeType);
    if (!pipe) return { index, field: 'pipeType', reason: 'volume.unknownPipeType' };
    if (!pipe.bands.some((b) => b.id === lines[index].band)) return { index, field: 'band', reason: 'volume.unknownBand' };
  }
  return null;
}

export type TVolumeTotal = { pipeType: string; band: string; jobType: TJobType; centimetres: number };

/** WR-7: lines summed by pipe type, diameter band and job type (in the policy's order, then job type). */
export function volumeTotals(
  policy: TReportsPolicy,
  lines: readonly { pipeType: string; band: string; jobType: TJobType; centimetres: number }[],
): TVolumeTotal[] {
  const sums = new Map<string, TVolumeTotal>();
  for (const l of lines) {
    const key = `${l.pipeType}|${l.band}|${l.jobType}`;
    const t = sums.get(key) ?? { pipeType: l.pipeType, band: l.band, jobType: l.jobType, centimetres: 0 };
    t.centimetres += l.centimetres;
    sums.set(key, t);
  }
  const pipeOrder = (id: string) => {
    const i = policy.workVolume.pipeTypes.findIndex((p) => p.id === id);
    return i < 0 ? 999 : i;
  };
  const bandOrder = (pipe: string, band: string) => {
    const i = policy.workVolume.pipeTypes.find((p) => p.id === pipe)?.bands.findIndex((b) => b.id === band) ?? -1;
    return i < 0 ? 999 : i;
  };
  return [...sums.values()].sort(
    (a, b) =>
      pipeOrder(a.pipeType) - pipeOrder(b.pipeType) ||
      bandOrder(a.pipeType, a.band) - bandOrder(b.pipeType, b.band) ||
      JOB_TYPES.indexOf(a.jobType) - JOB_TYPES.indexOf(b.jobType),
  );
}
