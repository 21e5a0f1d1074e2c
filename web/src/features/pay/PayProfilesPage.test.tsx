import { type TPayProfile, type TWelderProposalOut, defaultPolicy } from '@techserve/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { PayProfilesPage } from './PayProfilesPage';

afterEach(() => vi.unstubAllGlobals());

const profile = (userId: number, userName: string, over: Partial<TPayProfile>): TPayProfile =>
  Object.assign(
    { userId, userName, baseTierId: 'tier3', fieldAllowance: false, welderGrade: null, welderGradeSince: null, probation: false },
    { version: 1 },
    over,
  );
const proposal = (userId: number, over: Partial<TWelderProposalOut>, zh: string): TWelderProposalOut =>
  Object.assign(
    { userId, userName: '', welderGrade: null, probation: false, kind: null, months: null, proposedGrade: null, overdue: false },
    {
      explanation: {
        ruleId: over.explanation?.ruleId ?? 'PAY-3',
        policyVersion: 3,
        inputs: {},
        result: null,
        text: { 'zh-CN': zh, en: zh },
      },
    },
    over,
  );

describe('pay profiles (PAY-3, PAY-3b)', () => {
  it('shows the welder grade’s date and the grade-up or overdue probation assessment the month’s end proposes', async () => {
    stubFetch({
      'GET /pay/profiles': {
        body: {
          items: [profile(4, '李焊工', { welderGrade: 3, welderGradeSince: '2025-09-30' }), profile(5, '王学徒', { probation: true })],
        },
      },
      'GET /pay/tier-proposals': { body: { items: [] } },
      'GET /pay/welder-proposals': {
        body: {
          items: [
            proposal(4, { kind: 'gradeUp', proposedGrade: 4, months: 6 }, 'PAY-3：建议晋升为 4 级焊工（1,900 元），报总经理决定'),
            proposal(5, { kind: 'probationAssessment', months: 4, overdue: true }, 'PAY-3b：已超过最长试用期，应进行转正考核'),
          ],
        },
      },
    });
    renderAs(<PayProfilesPage />, { path: '/pay/profiles', url: '/pay/profiles', permissions: ['pay.read'] });
    expect(await screen.findByText('李焊工')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: '定级日期' })).toBeTruthy();
    expect(screen.getByText('2025-09-30')).toBeTruthy();
    expect((await screen.findByTestId('pay-welder-4')).textContent).toContain('建议晋升为 4 级焊工');
    expect(screen.getByTestId('pay-welder-5').textContent).toContain('应进行转正考核');
    expect(screen.getByText('已超过最长试用期')).toBeTruthy();
  });
});

describe('the probation assessment form (PAY-3b)', () => {
  it('records the five items, the dates and the regular pay against the profile’s version', async () => {
    const api = stubFetch({
      'GET /policy/in-force': { body: { number: 1, effectiveFrom: '2026-01-01', document: defaultPolicy() } },
      'GET /pay/profiles': { body: { items: [profile(5, '王学徒', { probation: true, welderGrade: 1, version: 4 })] } },
      'GET /pay/tier-proposals': { body: { items: [] } },
      'GET /pay/welder-proposals': { body: { items: [] } },
      'POST /pay/probation-assessments': {
        status: 201,
        body: {
          result: 'failed',
          explanation: {
            ruleId: 'PAY-3b',
            policyVersion: 3,
            inputs: {},
            result: 'failed',
            text: { 'zh-CN': '转正考核不合格', en: 'failed' },
          },
        },
      },
    });
    renderAs(<PayProfilesPage />, { path: '/pay/profiles', url: '/pay/profiles', permissions: ['pay.read', 'pay.manage'] });
    fireEvent.click(await screen.findByTestId('pay-assess-5'));
    expect(await screen.findByText('王学徒 的转正考核')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('焊接技术'));
    fireEvent.click(screen.getByTestId('probation-ok'));
    await waitFor(() => expect(api.bodies('POST /pay/probation-assessments').length).toBe(1));
    expect(api.bodies('POST /pay/probation-assessments')[0]).toMatchObject({
      userId: 5,
      items: { process: false, weldingTechnique: true, initiative: false },
      welderGrade: 1,
      baseTierId: 'tier3',
      profileVersion: 4,
    });
  });
});
