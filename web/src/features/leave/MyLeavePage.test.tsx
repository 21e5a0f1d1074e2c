import type { TPermission } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { leaveFixture } from './fixtures';
import { MyLeavePage } from './MyLeavePage';

beforeEach(() => viewportWidth(1280));
afterEach(() => vi.unstubAllGlobals());

const permissions: TPermission[] = ['leave.request'];
const at = { path: '/leave', url: '/leave', permissions, userId: 11 };

describe('MyLeavePage', () => {
  it('lists my leave with status, dates, days and flags, and loads more from the cursor', async () => {
    const pages = [
      { items: [leaveFixture({ userId: 11, late: true, emergency: true })], nextCursor: 'c1' },
      {
        items: [leaveFixture({ id: 3, userId: 11, status: 'rejected', startDate: '2026-02-02', endDate: '2026-02-02', days: 1 })],
        nextCursor: null,
      },
    ];
    let served = 0;
    stubFetch({ 'GET /leave-requests': () => ({ body: pages[served++] }) });
    renderAs(<MyLeavePage />, at);
    const table = await screen.findByTestId('my-leave');
    expect(await within(table).findByText('2026-03-05 ～ 2026-03-06')).toBeTruthy();
    expect(within(table).getByText('待审批')).toBeTruthy();
    expect(within(table).getByText('逾期申请')).toBeTruthy();
    expect(within(table).getByText('紧急·事后补办')).toBeTruthy();
    fireEvent.click(screen.getByTestId('my-leave-more'));
    expect(await within(table).findByText('已驳回')).toBeTruthy();
    expect(await screen.findByText('没有更多了')).toBeTruthy();
    const urls = (globalThis.fetch as Mock).mock.calls.map(([url]) => String(url));
    expect(urls).toEqual(['/api/v1/leave-requests?view=mine&limit=50', '/api/v1/leave-requests?view=mine&limit=50&cursor=c1']);
  });

  it('opens the form from "请假申请"', async () => {
    stubFetch({ 'GET /leave-requests': { body: { items: [], nextCursor: null } } });
    renderAs(<MyLeavePage />, at);
    expect(await screen.findByText('暂无请假记录')).toBeTruthy();
    fireEvent.click(screen.getByTestId('leave-new'));
    await waitFor(() => expect(screen.getByTestId('elsewhere').textContent).toBe('/leave/new'));
  });
});
