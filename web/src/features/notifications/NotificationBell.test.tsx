import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { TNotification } from '@techserve/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { NotificationBell } from './NotificationBell';

const notification = (id: number, readAt: string | null): TNotification => ({
  id,
  kind: 'ticket.assigned',
  title: { zh: `工单 T-${id} 已分派给您`, en: `Ticket T-${id} was assigned to you` },
  body: { zh: '存储阵列告警', en: 'Storage array alarm' },
  link: `/tickets/${id}`,
  ticketId: id,
  readAt,
  createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
});

/** A fake API: two unread notifications; marking one read takes it out of the count. */
function fakeApi() {
  const items = [notification(12, null), notification(11, null), notification(10, '2026-01-01T00:00:00.000Z')];
  const calls: string[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if (url.pathname === '/api/v1/notifications/unread-count') return json({ count: items.filter((n) => !n.readAt).length });
    if (url.pathname === '/api/v1/notifications') return json({ items, nextCursor: null });
    const read = /^\/api\/v1\/notifications\/(\d+)\/read$/.exec(url.pathname);
    if (read && init?.method === 'POST') {
      const n = items.find((x) => x.id === Number(read[1]))!;
      n.readAt = new Date().toISOString();
      return json(n);
    }
    if (url.pathname === '/api/v1/notifications/read-all' && init?.method === 'POST') {
      const unread = items.filter((n) => !n.readAt);
      for (const n of unread) n.readAt = new Date().toISOString();
      return json({ updated: unread.length });
    }
    return new Response(JSON.stringify({ error: { code: 'not_found', message: 'no' } }), { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls };
}

function renderBell() {
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <App>
        <MemoryRouter initialEntries={['/']}>
          <NotificationBell />
          <Routes>
            <Route path="/" element={<p>home</p>} />
            <Route path="/tickets/:id" element={<p>ticket page</p>} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('notification bell', () => {
  it('shows the unread count, lists notifications in the UI language, and marks one read when opened', async () => {
    await i18n.changeLanguage('en');
    const { calls } = fakeApi();
    renderBell();

    const bell = await screen.findByRole('button', { name: 'Notifications (2 unread)' });
    fireEvent.click(bell);
    const item = await screen.findByText('Ticket T-12 was assigned to you');
    expect(screen.getByText('Ticket T-10 was assigned to you')).toBeTruthy();
    expect(screen.getAllByText('5 minutes ago')).toHaveLength(3);
    expect(item.closest('strong')).toBeTruthy(); // unread is bold
    expect(screen.getByText('Ticket T-10 was assigned to you').closest('strong')).toBeNull();

    fireEvent.click(item);
    expect(await screen.findByText('ticket page')).toBeTruthy();
    await waitFor(() => expect(calls).toContain('POST /api/v1/notifications/12/read'));
    expect(await screen.findByRole('button', { name: 'Notifications (1 unread)' })).toBeTruthy();
  });

  it('labels the bell in Chinese by default and without a count when all are read', async () => {
    await i18n.changeLanguage('zh-CN');
    const { calls } = fakeApi();
    renderBell();
    fireEvent.click(await screen.findByRole('button', { name: '通知（2 条未读）' }));
    expect(await screen.findByText('工单 T-12 已分派给您')).toBeTruthy();
    expect(screen.getAllByText('5 分钟前')).toHaveLength(3);
    await waitFor(() => expect(calls.filter((c) => c === 'GET /api/v1/notifications')).toHaveLength(1));
  });

  it('marks all read', async () => {
    await i18n.changeLanguage('en');
    const { calls } = fakeApi();
    renderBell();
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications (2 unread)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Mark all read' }));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeTruthy();
    expect(calls).toContain('POST /api/v1/notifications/read-all');
    await waitFor(() => expect(screen.getByText('Ticket T-12 was assigned to you').closest('strong')).toBeNull());
  });
});
