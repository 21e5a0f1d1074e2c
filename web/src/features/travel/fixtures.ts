import { type TTravelRequest, explain } from '@techserve/core';

/** A trip as the API answers it, for component tests. */
export function tripFixture(extra: Partial<TTravelRequest> = {}): TTravelRequest {
  return {
    id: 5,
    userId: 11,
    userName: '赵磊',
    status: 'submitted',
    purpose: '乌鲁木齐存储扩容',
    workType: 'technicalGuidance',
    startDate: '2026-03-02',
    endDate: '2026-03-06',
    createdAt: '2026-03-01T02:00:00.000Z',
    version: 1,
    boardProvided: false,
    letterId: null,
    letterStatus: null,
    ticketId: null,
    segments: [
      {
        from: '上海',
        to: '乌鲁木齐',
        destinationLevel: 'outOfProvince',
        startDate: '2026-03-02',
        endDate: '2026-03-05',
        transport: 'train',
      },
      {
        from: '乌鲁木齐',
        to: '上海',
        destinationLevel: 'outOfProvince',
        startDate: '2026-03-06',
        endDate: '2026-03-06',
        transport: 'plane',
      },
    ],
    transportNeedingApproval: ['plane'],
    approvedTransport: [],
    newEmployee: false,
    specialRate: null,
    extension: null,
    decidedByName: null,
    decidedAt: null,
    decisionComment: null,
    allowances: {
      totalFen: 36000,
      lines: [
        {
          kind: 'technicalGuidance',
          days: 3,
          rateFen: 12000,
          amountFen: 36000,
          explanation: explain({
            ruleId: 'TR-3',
            policyVersion: 1,
            inputs: {},
            result: 36000,
            zh: '省外技术指导 120 元/天 × 3 天 = 360 元',
            en: 'technical guidance ¥120/day × 3 = ¥360',
          }),
        },
      ],
    },
    policyVersion: 1,
    advances: [],
    claims: [],
    ...extra,
  };
}
