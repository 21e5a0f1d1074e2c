import type { TPayroll } from '@techserve/core';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { PayrollPage } from './PayrollPage';

afterEach(() => vi.unstubAllGlobals());

const explanation = (ruleId: string, zh: string, en: string) => ({
  ruleId,
  policyVersion: 3,
  inputs: {},
  result: 0,
  text: { 'zh-CN': `${ruleId}：${zh}`, en: `${ruleId}: ${en}` },
});
const payroll: TPayroll = {
  month: '2026-03',
  policyVersion: 3,
  totalFen: 203448,
  items: [
    {
      userId: 4,
      userName: '张工',
      sheetId: 9,
      grade: 'B',
      wageFen: 199999,
      travelFen: 0,
      overtimeFen: 3448,
      topUpFen: 1,
      totalFen: 203448,
      lines: [
        {
          key: 'PAY-1:base',
          kind: 'base',
          ruleId: 'PAY-1',
          amountFen: 150000,
          explanation: explanation('PAY-1', '基本工资 三等 1,500 元', 'base pay Tier 3 ¥1,500'),
        },
        {
          key: 'PAY-3:commission:7',
          kind: 'commission',
          ruleId: 'PAY-3',
          amountFen: null,
          explanation: explanation('PAY-3', '项目 #7 未定价', 'project #7 unpriced'),
        },
        {
          key: 'AP-6:2026-03',
          kind: 'bonus',
          ruleId: 'AP-6',
          amountFen: 20000,
          explanation: explanation('AP-6', '2026-03 优秀员工（得票 3）奖励 200 元', '2026-03 best employee (3 votes): bonus ¥200'),
        },
        {
          key: 'AT-5b:overtime:5',
          kind: 'overtime',
          ruleId: 'AT-5b',
          amountFen: 3448,
          explanation: explanation(
            'AT-5b',
            '2026-03-10 工作日加班 2 小时：基本工资 2,000 元 ÷（21.75 天 × 8 小时）× 150% × 2 小时 = 34.48 元',
            '2026-03-10 working day overtime 2 h: base pay ¥2,000 ÷ (21.75 days × 8 h) × 150 % × 2 h = ¥34.48',
          ),
        },
        {
          key: 'PAY-5:minimum',
          kind: 'minimumTopUp',
          ruleId: 'PAY-5',
          amountFen: 1,
          explanation: explanation('PAY-5', '工资 1,999.99 元 低于最低保障工资 2,000 元，补足 0.01 元', 'topped up by ¥0.01'),
        },
      ],
    },
  ],
};

describe('the payroll (PAY-5)', () => {
  it('lists each person; a line not recorded says so, the top-up is its own line; finance gets the download', async () => {
    stubFetch({ 'GET /pay/payroll': { body: payroll } });
    renderAs(<PayrollPage />, { path: '/pay/payroll', url: '/pay/payroll?month=2026-03', permissions: ['pay.read', 'pay.export'] });
    expect(await screen.findByText('张工')).toBeTruthy();
    expect(screen.getByTestId('pay-export').getAttribute('href')).toBe('/api/v1/pay/payroll/export?month=2026-03');
    fireEvent.click(screen.getByRole('button', { name: /展开行|Expand row/ }));
    expect(await screen.findByText('未记录')).toBeTruthy();
    expect(screen.getByText(/低于最低保障工资 2,000 元，补足 0.01 元/)).toBeTruthy();
    // AT-5b overtime and AP-6 each their own explained line; the overtime column beside the wage.
    expect(screen.getByText(/工作日加班 2 小时：基本工资 2,000 元 ÷（21.75 天 × 8 小时）/)).toBeTruthy();
    expect(screen.getByText(/优秀员工（得票 3）奖励 200 元/)).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: '加班' })).toBeTruthy();
    // In the overtime column and on the overtime line.
    expect(screen.getAllByText('34.48 元')).toHaveLength(2);
  });

  it('says why a month with sheets not final has no payroll, in Chinese', async () => {
    stubFetch({
      'GET /pay/payroll': {
        status: 409,
        body: {
          error: {
            code: 'conflict',
            message: 'AP-15: In 2026-03, 2 appraisal sheets are not final yet (a, b): no payroll',
            ruleId: 'AP-15',
            reason: 'pay.sheetsNotFinal',
            params: { month: '2026-03', count: 2, names: '甲, 乙' },
          },
        },
      },
    });
    renderAs(<PayrollPage />, { path: '/pay/payroll', url: '/pay/payroll?month=2026-03', permissions: ['pay.read', 'pay.export'] });
    expect((await screen.findByTestId('pay-refused')).textContent).toContain('2026-03 尚有 2 人的考核表未定稿（甲, 乙），不能生成工资表');
    expect(screen.queryByTestId('pay-export')).toBeNull();
  });
});
