import type { TTravelClaim } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { ClaimForm } from './ClaimForm';
import { ClaimView } from './ClaimView';
import { tripFixture } from './fixtures';

afterEach(() => vi.unstubAllGlobals());

const at = { path: '/travel/requests/:id', url: '/travel/requests/5', permissions: ['travel.request' as const], userId: 11 };

describe('ClaimForm (TR-1: no empty claim in one click)', () => {
  it('TR-1: asks for an expense line first and sends nothing without one', async () => {
    const fetch = stubFetch({ 'POST /travel-requests/5/claims': { status: 201, body: {} } });
    renderAs(<ClaimForm trip={tripFixture({ status: 'approved' })} />, at);
    fireEvent.click(screen.getByRole('button', { name: '提交报销' }));
    expect(await screen.findByTestId('claim-no-lines', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('报销单至少需要一条费用明细，请先添加费用（TR-1）')).toBeTruthy();
    expect(fetch.sent('POST /travel-requests/5/claims')).toEqual([]);
  });

  it('TR-1: confirms the lines and their total before sending the claim', async () => {
    const fetch = stubFetch({ 'POST /travel-requests/5/claims': { status: 201, body: {} } });
    renderAs(<ClaimForm trip={tripFixture({ status: 'approved' })} />, at);
    fireEvent.click(screen.getByRole('button', { name: '添加费用' }));
    fireEvent.change(await screen.findByLabelText('说明'), { target: { value: '火车票' } });
    fireEvent.change(screen.getByLabelText('金额（元）'), { target: { value: '650.5' } });
    fireEvent.click(screen.getByRole('button', { name: '提交报销' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    expect(within(dialog).getByText(/共 1 条费用明细，费用合计 650\.50 元/)).toBeTruthy();
    expect(fetch.sent('POST /travel-requests/5/claims')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: '提交报销' }));
    await waitFor(() => expect(fetch.sent('POST /travel-requests/5/claims')).toHaveLength(1));
    expect(fetch.sent('POST /travel-requests/5/claims')[0].body).toMatchObject({
      actualStartDate: '2026-03-02',
      actualEndDate: '2026-03-06',
      expenses: [{ date: '2026-03-02', category: 'transport', description: '火车票', amountFen: 65050 }],
    });
  });
});

describe('ClaimView (finance’s list)', () => {
  it('names the claimant and links the trip', () => {
    const claim = {
      id: 9,
      requestId: 5,
      userId: 11,
      userName: '赵磊',
      status: 'approved',
      actualStartDate: '2026-03-02',
      actualEndDate: '2026-03-06',
      expenses: [],
      expensesFen: 65050,
      allowanceFen: 36000,
      allowanceLines: [],
      advanceFen: 0,
      payableFen: 101050,
      note: null,
      receipts: [],
      decidedByName: null,
      decidedAt: null,
      decisionComment: null,
      paidAt: null,
      policyVersion: 1,
      createdAt: '2026-03-07T02:00:00.000Z',
      version: 2,
    } satisfies TTravelClaim;
    renderAs(<ClaimView claim={claim} own={false} canApprove={false} canPay />, { ...at, permissions: ['travel.finance'], userId: 3 });
    expect(screen.getByTestId('claimant-9').textContent).toBe('报销人：赵磊');
    expect(screen.getByRole('link', { name: '出差申请 #5' }).getAttribute('href')).toBe('/travel/requests/5');
  });
});
