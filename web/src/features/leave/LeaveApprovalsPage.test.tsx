import type { TPermission } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { leaveFixture } from './fixtures';
import { LeaveApprovalsPage } from './LeaveApprovalsPage';

beforeEach(() => viewportWidth(1280));
afterEach(() => vi.unstubAllGlobals());

const permissions: TPermission[] = ['leave.request', 'leave.approve'];
const at = { path: '/leave/approvals', url: '/leave/approvals', permissions, userId: 2, scope: 'department' as const };
const listUrls = () =>
  (globalThis.fetch as Mock).mock.calls.map(([url]) => String(url)).filter((url) => url.startsWith('/api/v1/leave-requests?'));

describe('LeaveApprovalsPage', () => {
  it('lists others’ waiting leave by default, with the late and certificate flags', async () => {
    stubFetch({
      'GET /leave-requests': {
        body: {
          items: [
            leaveFixture({
              late: true,
              typeId: 'sick',
              typeName: { 'zh-CN': '病假', en: 'Sick leave' },
              certificateRequired: true,
              allowedActions: ['decide', 'recordCertificate'],
            }),
          ],
          nextCursor: null,
        },
      },
    });
    renderAs(<LeaveApprovalsPage />, at);
    const table = await screen.findByTestId('leave-approvals');
    expect(await within(table).findByText('赵磊')).toBeTruthy();
    expect(within(table).getByText('逾期申请')).toBeTruthy();
    expect(within(table).getByText('待交医院证明')).toBeTruthy();
    expect(listUrls()[0]).toBe('/api/v1/leave-requests?view=approvals&status=submitted&limit=50');
  });

  it('approves with the version the approver saw', async () => {
    const fetch = stubFetch({
      'GET /leave-requests': { body: { items: [leaveFixture({ version: 3, allowedActions: ['decide'] })], nextCursor: null } },
      'POST /leave-requests/7/decision': { body: leaveFixture({ status: 'approved', version: 4 }) },
    });
    renderAs(<LeaveApprovalsPage />, at);
    fireEvent.click(await screen.findByTestId('leave-approve-7'));
    await waitFor(() => expect(fetch.sent('POST /leave-requests/7/decision')).toHaveLength(1));
    expect(fetch.sent('POST /leave-requests/7/decision')[0].body).toEqual({ version: 3, approve: true });
    await waitFor(() => expect(document.querySelector('.ant-message-notice')?.textContent).toBe('已批准'));
    await waitFor(() => expect(listUrls().length).toBeGreaterThanOrEqual(2)); // the list is reloaded
  }, 20_000);

  it('rejects only with a reason', async () => {
    const fetch = stubFetch({
      'GET /leave-requests': { body: { items: [leaveFixture({ allowedActions: ['decide'] })], nextCursor: null } },
      'POST /leave-requests/7/decision': { body: leaveFixture({ status: 'rejected', version: 2 }) },
    });
    renderAs(<LeaveApprovalsPage />, at);
    fireEvent.click(await screen.findByTestId('leave-reject-7'));
    fireEvent.click(await screen.findByTestId('leave-reject-dialog-7-ok'));
    expect(await screen.findByText('必填')).toBeTruthy();
    fireEvent.change(screen.getByTestId('leave-reject-dialog-7-text'), { target: { value: '项目验收期间' } });
    fireEvent.click(screen.getByTestId('leave-reject-dialog-7-ok'));
    await waitFor(() => expect(fetch.sent('POST /leave-requests/7/decision')).toHaveLength(1));
    expect(fetch.sent('POST /leave-requests/7/decision')[0].body).toEqual({ version: 1, approve: false, comment: '项目验收期间' });
  }, 20_000);

  it('records a sick-leave certificate (AT-4) with the version', async () => {
    const sick = leaveFixture({ status: 'approved', version: 5, certificateRequired: true, allowedActions: ['recordCertificate'] });
    const fetch = stubFetch({
      'GET /leave-requests': { body: { items: [sick], nextCursor: null } },
      'POST /leave-requests/7/certificate': {
        body: { ...sick, version: 6, certificateReceivedAt: '2026-03-09T01:00:00.000Z', allowedActions: [] },
      },
    });
    renderAs(<LeaveApprovalsPage />, { ...at, url: '/leave/approvals?status=approved' });
    expect(screen.queryByTestId('leave-approve-7')).toBeNull();
    fireEvent.click(await screen.findByTestId('leave-certificate-7'));
    await waitFor(() => expect(fetch.sent('POST /leave-requests/7/certificate')).toHaveLength(1));
    expect(fetch.sent('POST /leave-requests/7/certificate')[0].body).toEqual({ version: 5 });
    expect(listUrls()[0]).toBe('/api/v1/leave-requests?view=approvals&status=approved&limit=50');
  }, 20_000);

  it('on a stale version (409) says so and reloads the list', async () => {
    stubFetch({
      'GET /leave-requests': { body: { items: [leaveFixture({ allowedActions: ['decide'] })], nextCursor: null } },
      'POST /leave-requests/7/decision': {
        status: 409,
        body: { error: { code: 'version_conflict', message: 'The leave request was changed by someone else' } },
      },
    });
    renderAs(<LeaveApprovalsPage />, at);
    fireEvent.click(await screen.findByTestId('leave-approve-7'));
    expect(await screen.findByText('这条请假已被他人处理，已重新加载，请查看最新状态后再操作。')).toBeTruthy();
    await waitFor(() => expect(listUrls().length).toBeGreaterThanOrEqual(2));
  }, 20_000);

  it('on a phone (390 px) shows one card per leave with its actions, and no table', async () => {
    viewportWidth(390);
    stubFetch({ 'GET /leave-requests': { body: { items: [leaveFixture({ late: true, allowedActions: ['decide'] })], nextCursor: null } } });
    renderAs(<LeaveApprovalsPage />, at);
    const card = await screen.findByTestId('leave-card');
    expect(within(card).getByText('赵磊 · 事假')).toBeTruthy();
    expect(within(card).getByText('2026-03-05 ～ 2026-03-06 · 2 个工作日')).toBeTruthy();
    expect(within(card).getByText('逾期申请')).toBeTruthy();
    expect(within(card).getByTestId('leave-approve-7')).toBeTruthy();
    expect(document.querySelector('table')).toBeNull();
  });

  it('offers no decision on the approver’s own leave', async () => {
    stubFetch({ 'GET /leave-requests': { body: { items: [leaveFixture({ userId: 2 })], nextCursor: null } } });
    renderAs(<LeaveApprovalsPage />, at);
    expect(await screen.findByText('赵磊')).toBeTruthy();
    expect(screen.queryByTestId('leave-approve-7')).toBeNull();
  });
});
