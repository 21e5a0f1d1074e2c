import type { TPermission } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { leaveFixture } from './fixtures';
import { LeaveDetailPage } from './LeaveDetailPage';

beforeEach(() => viewportWidth(1280));
afterEach(() => vi.unstubAllGlobals());

const engineer: TPermission[] = ['leave.request'];
const approver: TPermission[] = ['leave.request', 'leave.approve'];
const at = (permissions: TPermission[], userId: number) => ({ path: '/leave/:id', url: '/leave/7', permissions, userId });

describe('LeaveDetailPage', () => {
  it('shows the applicant every field and the notice explanation, with withdraw and no decision', async () => {
    stubFetch({ 'GET /leave-requests/7': { body: leaveFixture({ allowedActions: ['cancel'] }) } });
    renderAs(<LeaveDetailPage />, at(engineer, 11));
    expect(await screen.findByText('请假 #7')).toBeTruthy();
    expect(screen.getByText('事假')).toBeTruthy();
    expect(screen.getByText('钱敏')).toBeTruthy();
    expect(screen.getByText('须提前 1 天，实际提前 3 天')).toBeTruthy();
    expect(screen.getByTestId('explanation').textContent).toContain(
      '事假 2026-03-05～2026-03-06，2 个工作日；须提前 1 天申请（RS-4），实际提前 3 天',
    );
    expect(screen.getByTestId('leave-cancel-7')).toBeTruthy();
    expect(screen.queryByTestId('leave-decision')).toBeNull();
  });

  it('withdraws with the version', async () => {
    const fetch = stubFetch({
      'GET /leave-requests/7': { body: leaveFixture({ version: 2, allowedActions: ['cancel'] }) },
      'POST /leave-requests/7/cancel': { body: leaveFixture({ status: 'cancelled', version: 3 }) },
    });
    renderAs(<LeaveDetailPage />, at(engineer, 11));
    fireEvent.click(await screen.findByTestId('leave-cancel-7'));
    const confirm = await waitFor(() => document.querySelector('.ant-popconfirm') as HTMLElement);
    fireEvent.click(within(confirm).getByRole('button', { name: '撤回申请' }));
    await waitFor(() => expect(fetch.sent('POST /leave-requests/7/cancel')).toHaveLength(1));
    expect(fetch.sent('POST /leave-requests/7/cancel')[0].body).toEqual({ version: 2 });
    await waitFor(() => expect(screen.queryByTestId('leave-cancel-7')).toBeNull()); // the answer shows at once: withdrawn
    expect(document.querySelector('.ant-tag')?.textContent).toBe('已撤回');
  }, 20_000);

  it('offers the extension of an approved leave that has not ended, not its withdrawal once begun', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-05T09:00:00') });
    try {
      // On its first day the server allows the extension only (core's leaveAllowedActions).
      stubFetch({ 'GET /leave-requests/7': { body: leaveFixture({ status: 'approved', allowedActions: ['extend'] }) } });
      // Mounted under another path, so that /leave/new shows where the app went.
      renderAs(<LeaveDetailPage />, { ...at(engineer, 11), path: '/x/:id', url: '/x/7' });
      expect(screen.queryByTestId('leave-cancel-7')).toBeNull();
      fireEvent.click(await screen.findByTestId('leave-extend-7'));
      expect((await screen.findByTestId('elsewhere')).textContent).toBe('/leave/new');
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets an approver decide on another’s late leave, with the comment and version', async () => {
    const fetch = stubFetch({
      'GET /leave-requests/7': { body: leaveFixture({ late: true, version: 4, allowedActions: ['decide'] }) },
      'POST /leave-requests/7/decision': { body: leaveFixture({ status: 'rejected', version: 5 }) },
    });
    renderAs(<LeaveDetailPage />, at(approver, 2));
    expect(await screen.findByTestId('leave-late-alert')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('审批意见'), { target: { value: '项目验收期间' } });
    fireEvent.click(screen.getByRole('button', { name: /^驳\s?回$/ }));
    await waitFor(() => expect(fetch.sent('POST /leave-requests/7/decision')).toHaveLength(1));
    expect(fetch.sent('POST /leave-requests/7/decision')[0].body).toEqual({ version: 4, approve: false, comment: '项目验收期间' });
    expect(screen.queryByTestId('leave-cancel-7')).toBeNull();
  }, 20_000);

  it('records the certificate of a sick leave (AT-4) for an approver', async () => {
    const sick = leaveFixture({
      status: 'approved',
      typeId: 'sick',
      typeName: { 'zh-CN': '病假', en: 'Sick leave' },
      certificateRequired: true,
      version: 2,
      allowedActions: ['recordCertificate'],
    });
    const fetch = stubFetch({
      'GET /leave-requests/7': { body: sick },
      'POST /leave-requests/7/certificate': {
        body: { ...sick, version: 3, certificateReceivedAt: '2026-03-09T01:00:00.000Z', allowedActions: [] },
      },
    });
    renderAs(<LeaveDetailPage />, at(approver, 2));
    fireEvent.click(await screen.findByTestId('leave-certificate'));
    await waitFor(() => expect(fetch.sent('POST /leave-requests/7/certificate')).toHaveLength(1));
    expect(fetch.sent('POST /leave-requests/7/certificate')[0].body).toEqual({ version: 2 });
    await waitFor(() => expect(screen.queryByTestId('leave-certificate')).toBeNull());
    expect(screen.queryByText('待交医院证明')).toBeNull();
    expect(screen.getByText(/^2026-03-09 \d\d:\d\d$/)).toBeTruthy(); // when it was handed in
  }, 20_000);

  it('on a stale version (409) says so and reloads the leave', async () => {
    let reads = 0;
    stubFetch({
      'GET /leave-requests/7': () => ({
        body: leaveFixture(reads++ === 0 ? { allowedActions: ['decide'] } : { status: 'approved', version: 2, decidedByName: '孙丽' }),
      }),
      'POST /leave-requests/7/decision': {
        status: 409,
        body: { error: { code: 'version_conflict', message: 'The leave request was changed by someone else' } },
      },
    });
    renderAs(<LeaveDetailPage />, at(approver, 2));
    fireEvent.click(await screen.findByRole('button', { name: /^批\s?准$/ }));
    expect(await screen.findByText('这条请假已被他人处理，已重新加载，请查看最新状态后再操作。')).toBeTruthy();
    expect(await screen.findByText('孙丽')).toBeTruthy();
    expect(screen.queryByTestId('leave-decision')).toBeNull();
  }, 20_000);

  it('in English: the type, the explanation and the flags in English', async () => {
    await i18n.changeLanguage('en');
    try {
      stubFetch({ 'GET /leave-requests/7': { body: leaveFixture({ late: true, emergency: true }) } });
      renderAs(<LeaveDetailPage />, at(engineer, 11));
      expect(await screen.findByText('Leave #7')).toBeTruthy();
      expect(screen.getByText('Personal leave')).toBeTruthy();
      expect(screen.getByTestId('explanation').textContent).toContain('Personal leave 2026-03-05–2026-03-06, 2 working days');
      expect(screen.getByText('The lead was told at once; filed afterwards (RS-4)')).toBeTruthy();
      expect(screen.getAllByText('Filed late').length).toBeGreaterThan(0);
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });

  it('shows not found for a leave out of scope', async () => {
    stubFetch({});
    renderAs(<LeaveDetailPage />, at(engineer, 11));
    expect(await screen.findByText('请假申请不存在或无权查看。')).toBeTruthy();
  });
});
