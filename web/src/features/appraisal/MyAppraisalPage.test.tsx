import type { TAppraisalScheme, TAppraisalSheet } from '@techserve/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { MyAppraisalPage } from './MyAppraisalPage';

beforeEach(() => viewportWidth(390));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const scheme: TAppraisalScheme = {
  month: '2026-03',
  policyVersion: 3,
  activeScheme: 'both',
  selfDueDate: '2026-03-25',
  chain: ['departmentManager', 'vp', 'gm'],
  grades: { aMinScore: 86, bMinScore: 70 },
  items: [
    { id: 'workload', group: null, name: text('工作量', 'Workload'), weight: 30, description: null, computed: true },
    {
      id: 'initiative',
      group: text('工作态度', 'Attitude'),
      name: text('积极性', 'Initiative'),
      weight: 15,
      description: null,
      computed: false,
    },
  ],
};
const explanation = (ruleId: string, zh: string, en: string) => ({
  ruleId,
  policyVersion: 3,
  inputs: {},
  result: 0,
  text: { 'zh-CN': `${ruleId}：${zh}`, en: `${ruleId}: ${en}` },
});
const sheet: TAppraisalSheet = {
  id: 9,
  userId: 1,
  userName: '测试用户',
  month: '2026-03',
  state: 'draft',
  policyVersion: 3,
  inputsDigest: 'x',
  grade: null,
  totalTenths: null,
  amountFen: -10000,
  lines: [
    {
      key: 'AP-11:incident:5',
      kind: 'fine',
      ruleId: 'AP-11',
      amountFen: -10000,
      pointsTenths: null,
      proposal: null,
      evidence: [{ type: 'incident', id: 5 }],
      explanation: explanation('AP-11', '2026-03-11 I 类服务事故 → 罚款 100 元', 'Class I incident → fine ¥100'),
    },
    {
      key: 'AT-1:attendance',
      kind: 'info',
      ruleId: 'AT-1',
      amountFen: 0,
      pointsTenths: null,
      proposal: null,
      evidence: [],
      explanation: explanation('AT-1', '考勤：未记录（本月考勤尚未接入，不按零计算）', 'Attendance: not recorded'),
    },
  ],
  scores: {},
  scorers: {},
  selfDueDate: '2026-03-25',
  nextStep: 'departmentManager',
  computedAt: '2026-03-10T02:00:00Z',
  approvedBy: null,
  approvedAt: null,
  frozenAt: null,
  disputes: [],
  version: 1,
};

describe('my appraisal (AP-1, AP-15)', () => {
  it('shows each line with its explanation, attendance as not recorded, and sends the self-appraisal', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-10T02:00:00Z') });
    const api = stubFetch({
      'GET /appraisal-scheme': { body: scheme },
      'GET /appraisal-sheets': { body: { items: [sheet] } },
      'PUT /appraisal-sheets/self': { body: sheet },
    });
    renderAs(<MyAppraisalPage />, { path: '/appraisal', url: '/appraisal', permissions: ['appraisal.self'] });
    expect(await screen.findByText(/I 类服务事故 → 罚款 100 元/)).toBeTruthy();
    expect(screen.getByText(/考勤：未记录/)).toBeTruthy();
    expect(screen.getByText('自评须在 2026-03-25 之前提交')).toBeTruthy();
    fireEvent.change(screen.getByTestId('score-workload').querySelector('input') ?? screen.getByTestId('score-workload'), {
      target: { value: '20' },
    });
    fireEvent.change(screen.getByTestId('score-initiative').querySelector('input') ?? screen.getByTestId('score-initiative'), {
      target: { value: '12' },
    });
    fireEvent.click(screen.getByTestId('self-form-submit'));
    await waitFor(() =>
      expect(api.bodies('PUT /appraisal-sheets/self')).toEqual([{ month: '2026-03', scores: { workload: 20, initiative: 12 } }]),
    );
  });
});
