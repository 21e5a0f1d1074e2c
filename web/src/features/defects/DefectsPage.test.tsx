import type { TDefectDiscussion, TDefectReport, TPermission } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { DefectsPage } from './DefectsPage';

// SR-15: the defect reports page — the reports with owner, target date and answer, and the team discussion of a
// complex fault behind a report (raise with participants, comment, record the conclusion), in both languages.

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage('zh-CN');
});

const report: TDefectReport = {
  id: 5,
  ticketId: 42,
  ticketNumber: 'SR-20260302-0001',
  target: 'rnd',
  description: '主板与电源模块间歇性掉电',
  ownerId: 9,
  ownerName: '研发王工',
  targetDate: '2026-03-10',
  status: 'open',
  answer: null,
  answeredByName: null,
  answeredAt: null,
  createdByName: '刘工',
  createdAt: '2026-03-02T01:00:00Z',
  version: 1,
};
const discussion: TDefectDiscussion = {
  id: 3,
  defectId: 5,
  topic: '掉电原因：电源模块还是主板？',
  status: 'open',
  participants: [
    { id: 1, name: '测试用户' },
    { id: 8, name: '陈工' },
  ],
  comments: [{ id: 1, authorId: 8, authorName: '陈工', body: '更换电源模块后仍掉电，倾向主板', createdAt: '2026-03-02T02:00:00Z' }],
  conclusion: null,
  concludedByName: null,
  concludedAt: null,
  createdById: 1,
  createdByName: '测试用户',
  createdAt: '2026-03-02T01:30:00Z',
  version: 2,
};
const concluded: TDefectDiscussion = {
  ...discussion,
  status: 'concluded',
  conclusion: '主板电容虚焊，召回同批次主板',
  concludedByName: '测试用户',
  concludedAt: '2026-03-02T03:00:00Z',
  version: 3,
};
const users = {
  items: [
    { id: 1, name: '测试用户', username: 'u', roleKey: 'engineer' },
    { id: 8, name: '陈工', username: 'eng.b', roleKey: 'engineer' },
    { id: 9, name: '研发王工', username: 'expert', roleKey: 'product_expert' },
  ],
  nextCursor: null,
};
const reporter: TPermission[] = ['defects.report', 'users.read'];
const at = (url = '/defects', permissions = reporter) => ({ path: '/defects', url, permissions, userId: 1 });

describe('the defect reports page (SR-15)', () => {
  it('lists the reports with owner, target date and state; a reporter cannot answer, an answerer can', async () => {
    stubFetch({ 'GET /defects': { body: { items: [report] } } });
    const { unmount } = renderAs(<DefectsPage />, at());
    expect(await screen.findByText('主板与电源模块间歇性掉电')).toBeTruthy();
    expect(screen.getByText('研发王工')).toBeTruthy();
    expect(screen.getByText('2026-03-10')).toBeTruthy();
    expect(screen.getByText('待答复')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'SR-20260302-0001' }).getAttribute('href')).toBe('/tickets/42');
    expect(screen.queryByTestId('defect-answer-5')).toBeNull();
    unmount();
    renderAs(<DefectsPage />, at('/defects', [...reporter, 'defects.answer']));
    expect(await screen.findByTestId('defect-answer-5')).toBeTruthy();
  });

  it('raises a complex fault for team discussion with its participants', async () => {
    const api = stubFetch({
      'GET /defects': { body: { items: [report] } },
      'GET /users': { body: users },
      'GET /defects/5/discussion': { body: { discussion: null } },
      'POST /defects/5/discussion': { status: 201, body: { discussion } },
    });
    renderAs(<DefectsPage />, at());
    fireEvent.click(await screen.findByTestId('defect-discussion-5'));
    const drawer = await screen.findByTestId('discussion-raise-form');
    expect(screen.getByText(/复杂故障由团队讨论后确定解决方案（SR-15）/)).toBeTruthy();
    fireEvent.change(within(drawer).getByTestId('discussion-topic'), { target: { value: '掉电原因：电源模块还是主板？' } });
    fireEvent.mouseDown(screen.getByLabelText('参与人'));
    fireEvent.click(await screen.findByTitle('陈工'));
    // The one raising it takes part anyway, so they are not offered.
    expect(screen.queryByTitle('测试用户')).toBeNull();
    fireEvent.click(screen.getByTestId('discussion-raise'));
    await waitFor(() =>
      expect(api.bodies('POST /defects/5/discussion')).toEqual([{ topic: '掉电原因：电源模块还是主板？', participantIds: [8] }]),
    );
  });

  it('opens the discussion named in the address (a notification’s link); a participant comments and the raiser records the conclusion at the version read', async () => {
    const api = stubFetch({
      'GET /defects': { body: { items: [report] } },
      'GET /users': { body: users },
      'GET /defects/5/discussion': { body: { discussion } },
      'POST /defects/5/discussion/comments': { body: { discussion } },
      'POST /defects/5/discussion/conclude': { body: { discussion: concluded } },
    });
    renderAs(<DefectsPage />, at('/defects?discussion=5'));
    expect(await screen.findByText('更换电源模块后仍掉电，倾向主板')).toBeTruthy();
    expect(screen.getByTestId('discussion-participant-names').textContent).toBe('测试用户、陈工');
    expect(screen.getByTestId('discussion-status').textContent).toBe('讨论中');
    fireEvent.change(screen.getByTestId('discussion-comment'), { target: { value: '同批次主板电容虚焊' } });
    fireEvent.click(screen.getByTestId('discussion-comment-send'));
    await waitFor(() => expect(api.bodies('POST /defects/5/discussion/comments')).toEqual([{ body: '同批次主板电容虚焊' }]));
    fireEvent.change(screen.getByTestId('discussion-conclusion-input'), { target: { value: '主板电容虚焊，召回同批次主板' } });
    fireEvent.click(screen.getByTestId('discussion-conclude'));
    await waitFor(() =>
      expect(api.bodies('POST /defects/5/discussion/conclude')).toEqual([{ version: 2, conclusion: '主板电容虚焊，召回同批次主板' }]),
    );
  });

  it('shows a concluded discussion in English with its conclusion and no further comments or conclusion', async () => {
    await i18n.changeLanguage('en');
    stubFetch({
      'GET /defects': { body: { items: [report] } },
      'GET /users': { body: users },
      'GET /defects/5/discussion': { body: { discussion: concluded } },
    });
    renderAs(<DefectsPage />, at('/defects?discussion=5'));
    expect(await screen.findByTestId('discussion-conclusion')).toBeTruthy();
    expect(screen.getByTestId('discussion-conclusion').textContent).toBe('主板电容虚焊，召回同批次主板');
    expect(screen.getByTestId('discussion-status').textContent).toBe('Concluded');
    expect(screen.getByText(/Complex faults are discussed by the team/)).toBeTruthy();
    expect(screen.queryByTestId('discussion-comment')).toBeNull();
    expect(screen.queryByTestId('discussion-conclusion-input')).toBeNull();
  });

  it('shows the server’s refusal when a participant cannot take part', async () => {
    stubFetch({
      'GET /defects': { body: { items: [report] } },
      'GET /users': { body: users },
      'GET /defects/5/discussion': { body: { discussion: null } },
      'POST /defects/5/discussion': {
        status: 422,
        body: {
          error: {
            code: 'invalid_value',
            message: 'SR-15: A chosen participant cannot take part',
            reason: 'defects.participantCannotJoin',
            ruleId: 'SR-15',
          },
        },
      },
    });
    renderAs(<DefectsPage />, at('/defects?discussion=5'));
    const drawer = await screen.findByTestId('discussion-raise-form');
    fireEvent.change(within(drawer).getByTestId('discussion-topic'), { target: { value: '掉电原因' } });
    fireEvent.mouseDown(screen.getByLabelText('参与人'));
    fireEvent.click(await screen.findByTitle('研发王工'));
    fireEvent.click(screen.getByTestId('discussion-raise'));
    expect(await screen.findByText(/所选参与人无权查看缺陷报告/)).toBeTruthy();
  });
});
