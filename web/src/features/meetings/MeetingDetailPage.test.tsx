import type { TMeeting, TMeetingAction } from '@techserve/core';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { MeetingDetailPage } from './MeetingDetailPage';

afterEach(() => vi.unstubAllGlobals());

const action = (patch: Partial<TMeetingAction>): TMeetingAction => ({
  id: 1,
  meetingId: 3,
  meetingTitle: '四月第一周部门例会',
  title: '提交 Q1 服务总结',
  ownerId: 11,
  ownerName: '刘洋',
  dueOn: '2026-04-09',
  status: 'open',
  state: 'overdue',
  explanation: {
    ruleId: 'MTG-1',
    policyVersion: null,
    inputs: {},
    result: 'overdue',
    text: { 'zh-CN': '已逾期 4 天', en: 'overdue by 4 days' },
  },
  note: null,
  doneAt: null,
  version: 1,
  ...patch,
});

const meeting: TMeeting = {
  id: 7,
  kind: 'department',
  title: '四月第二周部门例会',
  heldAt: '2026-04-13T01:00:00.000Z',
  location: '会议室',
  chairId: 2,
  chairName: '张伟',
  attendees: [{ id: 11, name: '刘洋' }],
  minutes: '跟进上周待办',
  standupDate: null,
  actions: [],
  openActions: 0,
  overdueActions: 0,
  carriedOver: [action({}), action({ id: 2, title: '更新备件清单', dueOn: null, state: 'open' })],
  createdByName: '张伟',
  version: 1,
};

const render = () =>
  renderAs(<MeetingDetailPage />, { path: '/meetings/:id', url: '/meetings/7', permissions: ['meetings.read'], userId: 2 });

describe('MeetingDetailPage (MTG-1)', { timeout: 60_000 }, () => {
  it('shows the earlier meetings’ open action items for review, in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    viewportWidth(390);
    stubFetch({ 'GET /meetings/7': { body: meeting } });
    const view = render();
    const card = await screen.findByTestId('meeting-carried-over');
    expect(card.textContent).toContain('以往会议未完成的待办（2 项，本次会议跟进）');
    expect(card.textContent).toContain('提交 Q1 服务总结');
    expect(card.textContent).toContain('更新备件清单');
    expect([...card.querySelectorAll('[data-testid=action-state]')].map((e) => e.getAttribute('data-state'))).toEqual(['overdue', 'open']);
    view.unmount();
  });

  it('in English, and without the card when nothing is carried over', async () => {
    await i18n.changeLanguage('en');
    viewportWidth(1280);
    stubFetch({ 'GET /meetings/7': { body: meeting } });
    const view = render();
    expect((await screen.findByTestId('meeting-carried-over')).textContent).toContain(
      'Open action items of earlier meetings (2, reviewed here)',
    );
    view.unmount();
    stubFetch({ 'GET /meetings/7': { body: { ...meeting, carriedOver: [] } } });
    render();
    expect(await screen.findByText('四月第二周部门例会')).toBeTruthy();
    expect(screen.queryByTestId('meeting-carried-over')).toBeNull();
  });
});
