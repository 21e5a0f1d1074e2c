import { explain, type TExplanation } from '../explanation';
import { localText } from './clock';

export interface ExpectedFixInput {
  /** The time the engineer states in the first response; null: the resolution target's due time is stated. */
  stated: number | null;
  /** SLA-2: the resolution clock's due instant as of the response. */
  resolutionDueAt: number;
  now: number;
  timeZone: string;
  policyVersion: number | null;
}

export type TExpectedFix =
  { ok: true; at: number; localText: string; source: 'stated' | 'sla'; explanation: TExplanation } | { ok: false; reason: 'in_past' };

/**
 * SLA-5: the first response states the expected fix time (「提出故障响应时间」), which becomes the committed
 * resolution time of SR-8. The engineer may state one; otherwise the resolution target's due time is what the
 * customer is told. A stated time must lie in the future.
 */
export function expectedFixTime(input: ExpectedFixInput): TExpectedFix {
  const { stated, resolutionDueAt, now, timeZone, policyVersion } = input;
  if (stated !== null && stated <= now) return { ok: false, reason: 'in_past' };
  const at = stated ?? resolutionDueAt;
  const text = localText(at, timeZone);
  const due = localText(resolutionDueAt, timeZone);
  const source = stated === null ? 'sla' : 'stated';
  const late = stated !== null && stated > resolutionDueAt;
  const zh =
    source === 'sla'
      ? `首次响应告知预计修复时间 ${text}（按解决时限，SLA-5）`
      : `首次响应告知预计修复时间 ${text}（工程师确认，SLA-5${late ? `；晚于解决时限 ${due}` : ''}）`;
  const en =
    source === 'sla'
      ? `the first response states the expected fix time ${text} (the resolution target, SLA-5)`
      : `the first response states the expected fix time ${text} (set by the engineer, SLA-5${late ? `; later than the resolution target ${due}` : ''})`;
  return {
    ok: true,
    at,
    localText: text,
    source,
    explanation: explain({
      ruleId: 'SLA-5',
      policyVersion,
      inputs: { stated: stated === null ? null : new Date(stated).toISOString(), resolutionDueAt: new Date(resolutionDueAt).toISOString() },
      result: { expectedFixAt: new Date(at).toISOString(), source },
      zh,
      en,
    }),
  };
}
