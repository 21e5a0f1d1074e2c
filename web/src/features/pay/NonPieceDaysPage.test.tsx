import { type TPermission, defaultPolicy, formatMoneyFen } from '@techserve/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { NonPieceDaysPage } from './NonPieceDaysPage';

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage('zh-CN');
});

const rows = {
  items: [
    { userId: 4, userName: '李焊工', month: '2026-03', nonPieceDays: 2, version: 3 },
    { userId: 5, userName: '王学徒', month: '2026-03', nonPieceDays: 0, version: 0 },
  ],
};
const routes = {
  'GET /policy/in-force': { body: { number: 1, effectiveFrom: '2026-01-01', document: defaultPolicy() } },
  'GET /pay/month-inputs': { body: rows },
};
const open = (permissions: TPermission[]) =>
  renderAs(<NonPieceDaysPage />, {
    path: '/pay/non-piece',
    url: '/pay/non-piece?month=2026-03',
    permissions: ['policy.read', ...permissions],
  });

describe('non-piece work days (PAY-3, issue 16 item 11)', () => {
  it('lists each person’s days of the month with the amount at the policy’s 80 a day, in Chinese', async () => {
    stubFetch(routes);
    open(['pay.read']);
    expect(await screen.findByText('李焊工')).toBeTruthy();
    expect(await screen.findByText(formatMoneyFen(16000, 'zh-CN'))).toBeTruthy();
    expect(screen.getByText(new RegExp(`每天 ${formatMoneyFen(8000, 'zh-CN')}`))).toBeTruthy();
    expect(screen.queryByTestId('pay-days-4')).toBeNull();
  });

  it('saves an edit with the row’s version, and a first record without one', async () => {
    const api = stubFetch({
      ...routes,
      'PUT /pay/month-inputs': (body) => ({ body: { ...(body as object), version: 4 } }),
    });
    open(['pay.read', 'pay.manage']);
    const days = (await screen.findByTestId('pay-days-4')).querySelector('input') ?? (await screen.findByTestId('pay-days-4'));
    fireEvent.change(days, { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('pay-days-save-4'));
    await waitFor(() => expect(api.bodies('PUT /pay/month-inputs').length).toBe(1));
    expect(api.bodies('PUT /pay/month-inputs')[0]).toEqual({ userId: 4, month: '2026-03', nonPieceDays: 5, version: 3 });
    const first = screen.getByTestId('pay-days-5').querySelector('input') ?? screen.getByTestId('pay-days-5');
    fireEvent.change(first, { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('pay-days-save-5'));
    await waitFor(() => expect(api.bodies('PUT /pay/month-inputs').length).toBe(2));
    expect(api.bodies('PUT /pay/month-inputs')[1]).toEqual({ userId: 5, month: '2026-03', nonPieceDays: 1 });
  });

  it('speaks English', async () => {
    await i18n.changeLanguage('en');
    stubFetch(routes);
    open(['pay.read']);
    expect(await screen.findByText('Non-piece work days')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Days' })).toBeTruthy();
  });
});
