import type { TAwardRound } from '@techserve/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { BestEmployeePage } from './BestEmployeePage';

beforeEach(() => viewportWidth(390));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const voting: TAwardRound = {
  month: '2026-03',
  state: 'voting',
  perMonth: 2,
  bonusFen: 20000,
  policyVersion: 1,
  voted: false,
  voters: 3,
  nominees: [
    { id: 7, name: '王工' },
    { id: 8, name: '李工' },
  ],
  candidates: [],
};
const review: TAwardRound = {
  ...voting,
  state: 'review',
  voted: true,
  nominees: [],
  candidates: [
    {
      id: 31,
      nomineeId: 7,
      nomineeName: '王工',
      votes: 3,
      rank: 1,
      state: 'in_review',
      nextStep: 'manager',
      steps: { manager: null, vp: null, gm: null },
      veto: null,
      flags: { complaints: 1, incidents: 0 },
      bonusFen: null,
      explanation: null,
      version: 2,
    },
  ],
};

describe('the best employee (AP-6)', () => {
  it('votes on a phone for a colleague, saying the vote is anonymous', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-20T02:00:00Z') });
    const api = stubFetch({ 'GET /awards': { body: voting }, 'POST /awards/vote': { status: 201, body: { ...voting, voted: true } } });
    renderAs(<BestEmployeePage />, { path: '/awards', url: '/awards', permissions: ['awards.vote'] });
    expect(await screen.findByText(/投票为匿名/)).toBeTruthy();
    expect(screen.getByText('每月评选 2 名，每名奖励 200 元')).toBeTruthy();
    fireEvent.mouseDown(screen.getByTestId('nominee').querySelector('.ant-select-selector') ?? screen.getByTestId('nominee'));
    fireEvent.click(await screen.findByText('李工'));
    fireEvent.click(screen.getByTestId('vote'));
    await waitFor(() => expect(api.bodies('POST /awards/vote')).toEqual([{ month: '2026-03', nomineeId: 8 }]));
  });

  it('shows the candidates with the month’s facts; the manager approves or vetoes', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-20T02:00:00Z') });
    const api = stubFetch({ 'GET /awards': { body: review }, 'POST /award-candidates/31/decision': { body: review } });
    renderAs(<BestEmployeePage />, { path: '/awards', url: '/awards', permissions: ['awards.vote', 'awards.review'] });
    expect(await screen.findByText('当月记录: 投诉 1，事故 0')).toBeTruthy();
    expect(screen.getByTestId('veto-7')).toBeTruthy();
    fireEvent.click(screen.getByTestId('approve-7'));
    await waitFor(() => expect(api.bodies('POST /award-candidates/31/decision')).toEqual([{ decision: 'approve', version: 2 }]));
  });
});
