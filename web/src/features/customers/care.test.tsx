import { explain, type TCareTask, type TRepairFeeMonth } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { CareTasksPage } from './CareTasks';
import { RepairFeesPage } from './RepairFees';
import './care.i18n';

const explanation = explain({
  ruleId: 'CU-2',
  policyVersion: 1,
  inputs: {},
  result: {},
  zh: '质保期第 1 年第 1 次免费巡检',
  en: 'free inspection 1 of 1 in warranty year 1',
});
const task: TCareTask = Object.assign(
  { id: 3, version: 1, kind: 'inspection' as const, customerId: 7, customerName: '杭州市中医院', installedProductId: 2, productName: 'X9' },
  { serialNumber: 'SN-1', regionId: 1, period: 'Y1-1', dueDate: '2026-03-09', state: 'open' as const, overdue: false },
  { doneOn: null, recordedBy: null, note: null, explanation },
);
const month: TRepairFeeMonth = {
  month: '2026-03',
  totalFen: 25000,
  items: [
    Object.assign(
      { id: 1, customerId: 7, customerName: '杭州市中医院', installedProductId: 2, ticketId: null, description: '更换接口', part: null },
      { causedByPeople: true, basis: 'caused_by_people', feeFen: 20000, partsFen: 5000, totalFen: 25000, agreedOn: '2026-03-02' },
      { month: '2026-03', salesUserId: 5, salesName: '王销售', headUserId: 8, headName: '李主管', createdAt: '2026-03-02T01:00:00Z' },
      { explanation: Object.assign({}, explanation, { ruleId: 'CU-3' }) },
    ),
  ],
};

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

describe('CU-1/CU-2 care tasks page', { timeout: 15_000 }, () => {
  it('lists the region’s inspection in Chinese with its explanation and records it done', async () => {
    const api = stubFetch({
      'GET /care-tasks': { body: [task] },
      'PATCH /care-tasks/3': { body: { ...task, state: 'done', doneOn: '2026-03-02', version: 2 } },
    });
    renderAs(<CareTasksPage />, { path: '/care-tasks', url: '/care-tasks', permissions: ['customers.read', 'customers.service'] });
    expect(await screen.findByText('巡检与回访（本区域）')).toBeTruthy();
    expect((await screen.findAllByText(/质保期第 1 年第 1 次免费巡检/)).length).toBeGreaterThan(0);
    fireEvent.click((await screen.findAllByTestId('task-3-done'))[0]);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '记录完成' }));
    await waitFor(() => expect(api.bodies('PATCH /care-tasks/3')).toEqual([{ version: 1, state: 'done', doneOn: null, note: null }]));
  });
  it('shows no record buttons without customers.service', async () => {
    stubFetch({ 'GET /care-tasks': { body: [task] } });
    renderAs(<CareTasksPage />, { path: '/care-tasks', url: '/care-tasks', permissions: ['customers.read'] });
    expect((await screen.findAllByText('杭州市中医院')).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('task-3-done')).toBeNull();
  });
});

describe('CU-3 repair fees page', { timeout: 15_000 }, () => {
  it('shows the month’s fees and total for finance, in English too', async () => {
    await i18n.changeLanguage('en');
    stubFetch({ 'GET /repair-fees': { body: month } });
    renderAs(<RepairFeesPage />, { path: '/repair-fees', url: '/repair-fees', permissions: ['customers.fees'] });
    expect(await screen.findByText('Repair fees (for finance)')).toBeTruthy();
    expect((await screen.findAllByText('更换接口')).length).toBeGreaterThan(0);
    expect(screen.getByTestId('fees-export').getAttribute('href')).toMatch(/\/api\/v1\/repair-fees\/export\?month=\d{4}-\d{2}$/);
  });
});

describe('customer care texts', () => {
  it('have the same keys in zh-CN and en', () => {
    const keys = (language: string) => Object.keys(i18n.getResourceBundle(language, 'translation').customerCare).sort();
    expect(keys('en')).toEqual(keys('zh-CN'));
  });
});
