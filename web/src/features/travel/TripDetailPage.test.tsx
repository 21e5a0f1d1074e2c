import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { tripFixture } from './fixtures';
import { TripDetailPage } from './TripDetailPage';

afterEach(() => vi.unstubAllGlobals());

const at = { path: '/travel/requests/:id', url: '/travel/requests/5' };

describe('TripDetailPage', () => {
  it('shows the FS-3 refusal of an advance to the traveller', async () => {
    const fetch = stubFetch({
      'GET /travel-requests/5': { body: tripFixture({ status: 'approved' }) },
      'GET /travel-requests/5/logs': { body: { requestId: 5, everyDays: 1, days: [] } },
      'POST /travel-requests/5/advances': {
        status: 422,
        body: {
          error: {
            code: 'rule_violation',
            message: 'FS-3: the trip is not linked to a responsibility letter',
            ruleId: 'FS-3',
            details: [{ path: 'body.amountFen', message: 'no letter' }],
          },
        },
      },
    });
    renderAs(<TripDetailPage />, { ...at, permissions: ['travel.request'], userId: 11, scope: 'own' });
    fireEvent.change(within(await screen.findByTestId('advances')).getByLabelText('金额（元）'), { target: { value: '500' } });
    fireEvent.change(within(screen.getByTestId('advances')).getByLabelText('原因'), { target: { value: '路费' } });
    fireEvent.click(screen.getByRole('button', { name: '申请预支' }));
    // FS-3 in the UI language (zh-CN): what the rule asks, with its id; the server's English stays out of the screen.
    expect(await screen.findByText('项目责任书填写完整并经批准后，才能出差和预支出差款（规则 FS-3）')).toBeTruthy();
    expect(screen.queryByText(/the trip is not linked/)).toBeNull();
    expect(fetch.sent('POST /travel-requests/5/advances')[0].body).toEqual({ amountFen: 50000, reason: '路费' });
  }, 20_000);

  it('shows an error without a rule id (a generic 400 validation) in Chinese, not the server’s English', async () => {
    stubFetch({
      'GET /travel-requests/5': { body: tripFixture({ status: 'approved' }) },
      'GET /travel-requests/5/logs': { body: { requestId: 5, everyDays: 1, days: [] } },
      'POST /travel-requests/5/advances': {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'Invalid request: body.amountFen: Too big: expected number to be <=100000000',
            details: [{ path: 'body.amountFen', message: 'Too big: expected number to be <=100000000' }],
          },
        },
      },
    });
    renderAs(<TripDetailPage />, { ...at, permissions: ['travel.request'], userId: 11, scope: 'own' });
    fireEvent.change(within(await screen.findByTestId('advances')).getByLabelText('金额（元）'), { target: { value: '500' } });
    fireEvent.change(within(screen.getByTestId('advances')).getByLabelText('原因'), { target: { value: '路费' } });
    fireEvent.click(screen.getByRole('button', { name: '申请预支' }));
    expect(await screen.findByText('提交的内容有误，请检查标出的字段：金额数值太大')).toBeTruthy();
    expect(screen.queryByText(/Too big|Invalid request/)).toBeNull();
  }, 20_000);

  it('lets the manager approve the plane only by ticking it (TR-2)', async () => {
    const fetch = stubFetch({
      'GET /travel-requests/5': { body: tripFixture() },
      'POST /travel-requests/5/decision': { body: tripFixture({ status: 'approved' }) },
    });
    renderAs(<TripDetailPage />, { ...at, permissions: ['travel.approve'], userId: 2, scope: 'department' });
    expect((await screen.findAllByText(/TR-2：飞机 需事先批准/)).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('checkbox', { name: '同意使用：飞机' }));
    fireEvent.click(screen.getByRole('button', { name: /^批\s?准$/ }));
    await waitFor(() => expect(fetch.sent('POST /travel-requests/5/decision')).toHaveLength(1));
    expect(fetch.sent('POST /travel-requests/5/decision')[0].body).toEqual({
      version: 1,
      approve: true,
      approvedTransport: ['plane'],
    });
  }, 20_000);

  it('in English: the modes needing approval as an English list, and the letter by its number', async () => {
    await i18n.changeLanguage('en');
    try {
      stubFetch({
        'GET /travel-requests/5': {
          body: tripFixture({ status: 'approved', letterId: 7, letterStatus: 'approved', transportNeedingApproval: ['plane', 'taxi'] }),
        },
        'GET /travel-requests/5/logs': { body: { requestId: 5, everyDays: 1, days: [] } },
      });
      renderAs(<TripDetailPage />, { ...at, permissions: ['travel.request'], userId: 11, scope: 'own' });
      expect(await screen.findByText('TR-2: prior approval needed for Plane, Taxi; the approver must allow each explicitly')).toBeTruthy();
      expect(screen.getByRole('link', { name: 'ZR-000007' }).getAttribute('href')).toBe('/field/letters/7');
      expect(screen.queryByText(/、/)).toBeNull();
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('shows not found for a trip out of scope', async () => {
    stubFetch({});
    renderAs(<TripDetailPage />, { ...at, permissions: ['travel.request'] });
    expect(await screen.findByText('出差申请不存在或无权查看。')).toBeTruthy();
  });
});
