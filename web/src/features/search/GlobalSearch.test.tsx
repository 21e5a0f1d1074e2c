import type { TSearchResult } from '@techserve/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { GlobalSearch } from './GlobalSearch';

const result: TSearchResult = {
  q: '钱',
  groups: [
    { kind: 'tickets', items: [{ id: 42, label: 'SR-20260302-0001 打印机卡纸', detail: '甲医院' }] },
    { kind: 'customers', items: [{ id: 7, label: '钱氏医院', detail: null }] },
    { kind: 'users', items: [] },
  ],
};

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

describe('global search (issue 12 item 8)', () => {
  it('opens with Ctrl+K, shows the hits grouped, and opens the one chosen with the arrow keys and Enter', async () => {
    const api = stubFetch({ 'GET /search': { body: result } });
    renderAs(<GlobalSearch compact={false} />, { path: '/', url: '/', permissions: ['tickets.read', 'customers.read'] });
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const input = await screen.findByTestId('search-input');
    fireEvent.change(input, { target: { value: '钱' } });
    expect(await screen.findByText('SR-20260302-0001 打印机卡纸')).toBeTruthy();
    expect(screen.getByText('服务请求')).toBeTruthy();
    expect(screen.getByText('客户')).toBeTruthy();
    // An empty group shows no heading.
    expect(screen.queryByText('用户')).toBeNull();
    expect(api.sent('GET /search').length).toBeGreaterThan(0);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('elsewhere').textContent).toBe('/customers/7'));
  });

  it('says so when nothing is found, in English too', async () => {
    await i18n.changeLanguage('en');
    stubFetch({ 'GET /search': { body: { q: 'zz', groups: [{ kind: 'tickets', items: [] }] } } });
    renderAs(<GlobalSearch compact />, { path: '/', url: '/', permissions: ['tickets.read'] });
    fireEvent.click(screen.getByTestId('search-open'));
    fireEvent.change(await screen.findByTestId('search-input'), { target: { value: 'zz' } });
    expect(await screen.findByText('Nothing found')).toBeTruthy();
  });
});
