import { type TLeaveRequest, type TPolicyInForce, defaultPolicy, explain } from '@techserve/core';

/** A leave request as the API answers it, for component tests. */
export function leaveFixture(extra: Partial<TLeaveRequest> = {}): TLeaveRequest {
  return {
    id: 7,
    userId: 11,
    userName: '赵磊',
    typeId: 'personal',
    typeName: { 'zh-CN': '事假', en: 'Personal leave' },
    status: 'submitted',
    startDate: '2026-03-05',
    endDate: '2026-03-06',
    days: 2,
    reason: '家中有事',
    standInId: 12,
    standInName: '钱敏',
    contactPhone: '13800000000',
    emergency: false,
    late: false,
    requiredNoticeDays: 1,
    daysAhead: 3,
    certificateRequired: false,
    certificateReceivedAt: null,
    extendsId: null,
    explanation: explain({
      ruleId: 'RS-4',
      policyVersion: 1,
      inputs: {},
      result: null,
      zh: '事假 2026-03-05～2026-03-06，2 个工作日；须提前 1 天申请（RS-4），实际提前 3 天',
      en: 'Personal leave 2026-03-05–2026-03-06, 2 working days; needs 1 day notice (RS-4), filed 3 days ahead',
    }),
    decidedByName: null,
    decidedAt: null,
    decisionComment: null,
    clientStatus: null,
    formArchive: null,
    policyVersion: 1,
    createdAt: '2026-03-02T02:00:00.000Z',
    version: 1,
    // What the reader may do comes from the server (core's leaveAllowedActions); a test names it.
    allowedActions: [],
    ...extra,
  };
}

/** The policy in force with its default leave rules (types, RS-4 notice), as /policy/in-force answers it. */
export function policyFixture(): TPolicyInForce {
  return { number: 1, effectiveFrom: '2026-01-01', document: defaultPolicy() };
}
