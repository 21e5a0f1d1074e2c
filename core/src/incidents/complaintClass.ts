import { type TExplanation, explain } from '../explanation';
import type { TComplaintLevel, TIncidentsPolicy } from '../policy/incidentsPolicy';

/** SR-14: the words of a complaint level, for explanations. */
export const COMPLAINT_LEVEL_TEXT: Record<TComplaintLevel, { 'zh-CN': string; en: string }> = {
  vpOrAbove: { 'zh-CN': '公司副总以上级别领导', en: 'VP level or above' },
  salesManager: { 'zh-CN': '销售经理', en: 'a sales manager' },
  salesAdmin: { 'zh-CN': '销售内勤', en: 'sales admin' },
  service: { 'zh-CN': '技术服务部', en: 'the service department' },
};

export type TIncidentClassProposal = {
  /** The class the policy proposes, or null when a complaint to this level proposes none. */
  classId: 'I' | 'II' | null;
  explanation: TExplanation;
};

/**
 * SR-14 → IN-1/IN-2: the incident class a complaint proposes from the level it reached, by the policy in force
 * (default: VP level or above → Class I; a sales manager or sales admin → Class II; the service department itself →
 * none). A complaint that names no engineer concerns no one's conduct and proposes no incident.
 */
export function proposeIncidentClass(
  policy: TIncidentsPolicy,
  policyVersion: number | null,
  complaint: { level: TComplaintLevel; aboutEngineer: boolean },
): TIncidentClassProposal {
  const choice = policy.complaintClass[complaint.level];
  const cls = choice === 'none' ? undefined : policy.classes.find((c) => c.id === choice);
  const to = COMPLAINT_LEVEL_TEXT[complaint.level];
  const inputs = { level: complaint.level, aboutEngineer: complaint.aboutEngineer, policyChoice: choice };
  if (!complaint.aboutEngineer) {
    return {
      classId: null,
      explanation: explain({
        ruleId: 'SR-14',
        policyVersion,
        inputs,
        result: null,
        zh: `投诉至${to['zh-CN']}，但未指明被投诉的服务人员，不构成服务事故`,
        en: `complaint to ${to.en} names no engineer, so it proposes no incident`,
      }),
    };
  }
  if (!cls) {
    return {
      classId: null,
      explanation: explain({
        ruleId: 'SR-14',
        policyVersion,
        inputs,
        result: null,
        zh: `投诉至${to['zh-CN']}：按政策不构成服务事故，登记并处理至客户满意`,
        en: `complaint to ${to.en}: the policy proposes no incident; it is handled to the customer's satisfaction`,
      }),
    };
  }
  const ruleId = cls.id === 'I' ? 'IN-1' : 'IN-2';
  return {
    classId: cls.id,
    explanation: explain({
      ruleId,
      policyVersion,
      inputs,
      result: cls.id,
      zh: `服务人员被投诉至${to['zh-CN']}，按政策定为${cls.name['zh-CN']}（SR-14）：${cls.definition['zh-CN']}`,
      en: `the engineer was complained about to ${to.en}: ${cls.name.en} by the policy (SR-14) — ${cls.definition.en}`,
    }),
  };
}
