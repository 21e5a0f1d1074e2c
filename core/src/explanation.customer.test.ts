import { describe, expect, it } from 'vitest';
import { customerFacingText } from './explanation';

describe('customerFacingText (issue 12 item 7: customers never see rule ids or policy versions)', () => {
  it.each([
    [
      'SLA-2：高级 P2 首次响应目标 30 分钟，按 7×24 小时自然时间（SLA-3） → 03-02 10:30 到期；计时中',
      '高级 P2 首次响应目标 30 分钟，按 7×24 小时自然时间 → 03-02 10:30 到期；计时中',
    ],
    ['SLA-4：已超时 5 分钟。SLA-2：标准级 P3 解决目标', '已超时 5 分钟。标准级 P3 解决目标'],
    [
      'SLA-2: Premium P1 response target 30 minutes on wall-clock time, 24×7 (by the contract, CU-4)',
      'Premium P1 response target 30 minutes on wall-clock time, 24×7 (by the contract)',
    ],
    ['按「上海」日历（合同约定，CU-4）', '按「上海」日历（合同约定）'],
    ['项目责任书经批准后才能出差（规则 FS-3）', '项目责任书经批准后才能出差'],
    ['CU-3：有偿服务 · 制度第 3 版', '有偿服务'],
    ['SR-11b: follow-up (policy version 4)', 'follow-up'],
  ])('%s', (staff, customer) => expect(customerFacingText(staff)).toBe(customer));

  it('keeps request, letter and contract numbers', () => {
    expect(customerFacingText('CU-4：服务合同 HT-2026-001 覆盖请求 SR-20260301-0001（责任书 ZR-000002）')).toBe(
      '服务合同 HT-2026-001 覆盖请求 SR-20260301-0001（责任书 ZR-000002）',
    );
  });
});
