import { explain, type TExplanation } from '../explanation';
import type { TPolicy } from '../policy/schema';
import type { TImpact, TPriority, TUrgency } from '../policy/slaPolicy';

/** A request's priority with the explanation of how it was reached. */
export interface TPriorityResult {
  priority: TPriority;
  explanation: TExplanation;
}

const URGENCY_TEXT: Record<TUrgency, { zh: string; en: string }> = {
  high: { zh: '高', en: 'high' },
  medium: { zh: '中', en: 'medium' },
  low: { zh: '低', en: 'low' },
};

const IMPACT_TEXT: Record<TImpact, { zh: string; en: string }> = {
  wide: { zh: '大范围', en: 'wide' },
  department: { zh: '单个部门', en: 'one department' },
  singleUser: { zh: '单个用户', en: 'a single user' },
};

/** SR-3: the priority of a request from its urgency and impact scope, read from the policy's matrix. */
export function computePriority(policy: TPolicy, urgency: TUrgency, impact: TImpact, policyVersion: number | null): TPriorityResult {
  const priority = policy.sla.priorityMatrix[urgency][impact];
  const u = URGENCY_TEXT[urgency];
  const i = IMPACT_TEXT[impact];
  return {
    priority,
    explanation: explain({
      ruleId: 'SR-3',
      policyVersion,
      inputs: { urgency, impact },
      result: { priority },
      zh: `紧急程度「${u.zh}」× 影响范围「${i.zh}」→ ${priority}`,
      en: `urgency ${u.en} × impact ${i.en} → ${priority}`,
    }),
  };
}

/**
 * SR-3: a person overrides the computed priority. The reason is required (trimmed, non-empty) and the
 * explanation keeps the computed priority and its explanation next to the override, so both stay auditable.
 * Throws RangeError for a blank reason.
 */
export function overridePriority(
  computed: TPriorityResult,
  priority: TPriority,
  reason: string,
  policyVersion: number | null,
): TPriorityResult {
  const why = reason.trim();
  if (why.length === 0) throw new RangeError('overriding a priority needs a reason');
  return {
    priority,
    explanation: explain({
      ruleId: 'SR-3',
      policyVersion,
      inputs: {
        computedPriority: computed.priority,
        computedExplanation: computed.explanation,
        overriddenPriority: priority,
        reason: why,
      },
      result: { priority },
      zh: `按紧急程度 × 影响范围计算为 ${computed.priority}，人工调整为 ${priority}，原因：${why}`,
      en: `computed ${computed.priority} from urgency × impact, overridden to ${priority}; reason: ${why}`,
    }),
  };
}
