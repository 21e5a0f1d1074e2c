import type { TSurveyForm } from '@techserve/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { PublicSurveyPage } from './PublicSurveyPage';

beforeEach(() => viewportWidth(390));
afterEach(() => vi.unstubAllGlobals());

const form = (patch: Partial<TSurveyForm> = {}): TSurveyForm => ({
  invitationId: 3,
  title: '2026-Q1 满意度调查',
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  customerName: '市一医院',
  contactName: '钱主任',
  questions: [
    { id: 'attitude', kind: 'rating', required: true, text: { 'zh-CN': '服务态度', en: 'Attitude' } },
    { id: 'suggestions', kind: 'text', required: false, text: { 'zh-CN': '建议', en: 'Suggestions' } },
  ],
  state: 'open',
  expiresAt: '2026-05-01T00:00:00.000Z',
  answeredAt: null,
  ...patch,
});

describe('PublicSurveyPage (SR-11b, no account)', () => {
  it('answers through the link on a phone: a grade for each rating, the free text, once', async () => {
    const fetch = stubFetch({
      'GET /public/surveys/abc.def.sig': { body: form() },
      'POST /public/surveys/abc.def.sig': { status: 201, body: { ok: true, answeredAt: '2026-04-02T01:00:00.000Z' } },
    });
    renderAs(<PublicSurveyPage />, { path: '/survey/:token', url: '/survey/abc.def.sig', permissions: [] });
    expect(await screen.findByText(/钱主任 您好/)).toBeTruthy();
    fireEvent.click(screen.getByText('良'));
    fireEvent.change(screen.getByTestId('survey-q-suggestions'), { target: { value: '提前电话' } });
    fireEvent.click(screen.getByTestId('survey-submit'));
    await waitFor(() => expect(fetch.sent('POST /public/surveys/abc.def.sig')).toHaveLength(1));
    expect(fetch.sent('POST /public/surveys/abc.def.sig')[0].body).toEqual({ answers: { attitude: 'good', suggestions: '提前电话' } });
  }, 20_000);

  it('says when the link is not valid, or was answered already', async () => {
    stubFetch({
      'GET /public/surveys/bad.token.x': {
        status: 404,
        body: { error: { code: 'not_found', message: 'x', reason: 'surveys.linkInvalid' } },
      },
    });
    renderAs(<PublicSurveyPage />, { path: '/survey/:token', url: '/survey/bad.token.x', permissions: [] });
    expect(await screen.findByText('问卷链接无效')).toBeTruthy();
    vi.unstubAllGlobals();
    stubFetch({ 'GET /public/surveys/abc.def.sig': { body: form({ state: 'answered', answeredAt: '2026-04-02T01:00:00.000Z' }) } });
    renderAs(<PublicSurveyPage />, { path: '/survey/:token', url: '/survey/abc.def.sig', permissions: [] });
    expect(await screen.findByTestId('survey-thanks')).toBeTruthy();
  });
});
