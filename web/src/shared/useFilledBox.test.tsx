import type { TPermission } from '@techserve/core';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LettersPage } from '../features/field/LettersPage';
import { NoticesPage } from '../features/field/NoticesPage';
import { letterFixture } from '../features/field/fixtures';
import { i18n } from '../i18n/initI18n';
import { renderAs } from '../test/renderAs';

// Issue 12 item 16: the notice and letter lists open on the first box that has items when the URL names none.
const SUPERVISOR: TPermission[] = ['field.read', 'field.notice', 'field.sign', 'field.dispatch', 'field.approve'];

/** Answers a list with `filled` boxes holding one row, the others none; records the boxes asked for. */
function stubBoxes(path: string, filled: string[], row: unknown) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const u = new URL(String(url), 'http://localhost');
      if (u.pathname !== `/api/v1${path}`) return new Response(JSON.stringify({ items: [], nextCursor: null }));
      const box = u.searchParams.get('box') ?? '';
      asked.push(box);
      return new Response(JSON.stringify({ items: filled.includes(box) ? [row] : [], nextCursor: null }));
    }),
  );
  return asked;
}
const selected = (testId: string) => screen.getByTestId(testId).querySelector('.ant-segmented-item-selected')?.textContent;

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

describe('lists open on a box with items (issue 12 item 16)', () => {
  it('takes the supervisor past the empty "to sign" and "mine" boxes of notices to "all"', async () => {
    const notice = {
      id: 3,
      number: 'TZ-000003',
      title: '门诊楼巡检',
      customerName: '市一医院',
      status: 'signed',
      createdByName: '郑凯',
      createdAt: '2026-03-10T01:00:00.000Z',
    };
    const asked = stubBoxes('/field/notices', ['all'], notice);
    renderAs(<NoticesPage />, { path: '/field/notices', url: '/field/notices', permissions: SUPERVISOR });
    await waitFor(() => expect(asked).toEqual(['to_sign', 'mine', 'all']), { timeout: 5000 });
    expect(await screen.findByText('TZ-000003', {}, { timeout: 5000 })).toBeTruthy();
  });

  it('stays on the preferred box when it has letters, and on a box the URL names even when empty', async () => {
    const letter = letterFixture();
    const asked = stubBoxes('/field/letters', ['to_approve', 'all'], letter);
    const first = renderAs(<LettersPage />, { path: '/field/letters', url: '/field/letters', permissions: SUPERVISOR });
    expect(await screen.findByText(letter.number, {}, { timeout: 5000 })).toBeTruthy();
    expect(asked).toEqual(['to_approve']);
    first.unmount();
    asked.length = 0;
    renderAs(<LettersPage />, { path: '/field/letters', url: '/field/letters?box=mine', permissions: SUPERVISOR });
    await waitFor(() => expect(asked).toEqual(['mine']));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual(['mine']);
    expect(selected('letter-box')).toBeTruthy();
  });
});
