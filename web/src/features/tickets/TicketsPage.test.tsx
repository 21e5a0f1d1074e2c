import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { ticketFixture } from './fixtures';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { TicketsPage } from './TicketsPage';

const STAFF = ['tickets.read', 'tickets.create', 'tickets.assign', 'customers.read'] as const;
const overdue = ticketFixture({
  id: 1,
  number: 'SR-20260310-0001',
  title: '核心交换机宕机',
  nextDueAt: new Date(Date.now() - 3600_000).toISOString(),
  slaBreached: true,
});
const soon = ticketFixture({
  id: 2,
  number: 'SR-20260310-0002',
  title: '打印机卡纸',
  nextDueAt: new Date(Date.now() + 10 * 60_000).toISOString(),
});

/** A desktop viewport for the table's tests, the default one restored after each test. */
const phoneMatchMedia = window.matchMedia;
const desktop = () => viewportWidth(1280);
afterEach(() => Object.defineProperty(window, 'matchMedia', { writable: true, configurable: true, value: phoneMatchMedia }));

/** The table's header cell of a column (the filter bar may use the same words). */
const columnHeader = (text: string) => {
  const cell = screen
    .getAllByText(text)
    .find((node) => node.closest('th'))
    ?.closest('th');
  if (!cell) throw new Error(`no column ${text}`);
  return cell;
};

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

describe('request list', () => {
  it('colours the SLA red when breached and orange when near breach', async () => {
    stubFetch({ 'GET /tickets': { body: { items: [overdue, soon], nextCursor: null } }, 'GET /ticket-views': { body: { items: [] } } });
    renderAs(<TicketsPage />, { path: '/tickets', url: '/tickets', permissions: [...STAFF] });
    const slas = await screen.findAllByTestId('sla-due');
    expect(slas.map((node) => node.getAttribute('data-sla'))).toEqual(['breached', 'near']);
    expect(screen.getByText('核心交换机宕机')).toBeTruthy();
  });

  it('filters by a queue shortcut and loads more with the cursor', async () => {
    let page = 0;
    const api = stubFetch({
      // Each call answers a next page of its own (ids differ).
      'GET /tickets': () => ({ body: { items: [{ ...overdue, id: ++page }], nextCursor: 'c1' } }),
      'GET /ticket-views': { body: { items: [] } },
    });
    const fetchMock = vi.mocked(fetch);
    renderAs(<TicketsPage />, { path: '/tickets', url: '/tickets', permissions: [...STAFF] });
    await screen.findByText('核心交换机宕机');
    fireEvent.click(within(screen.getByTestId('ticket-queues')).getByText('已超时'));
    await waitFor(() => expect(fetchMock.mock.calls.some(([url]) => String(url).includes('sla=breached'))).toBe(true));
    fireEvent.click(await screen.findByTestId('tickets-more'));
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([url]) => String(url).includes('cursor=c1') && String(url).includes('sla=breached'))).toBe(true),
    );
    expect(api.sent('GET /tickets').length).toBeGreaterThanOrEqual(3);
  });

  it('orders the list on the server by the clicked column, kept in the query, the queue switch and the export', async () => {
    stubFetch({ 'GET /tickets': { body: { items: [overdue, soon], nextCursor: null } }, 'GET /ticket-views': { body: { items: [] } } });
    const fetchMock = vi.mocked(fetch);
    const urls = () => fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('/tickets?'));
    desktop();
    renderAs(<TicketsPage />, { path: '/tickets', url: '/tickets', permissions: [...STAFF, 'tickets.work'] });
    await screen.findByText('核心交换机宕机');
    const header = () => columnHeader('优先级');
    fireEvent.click(header());
    await waitFor(() => expect(urls().some((url) => url.includes('sort=priority') && url.includes('order=asc'))).toBe(true));
    fireEvent.click(header());
    await waitFor(() => expect(urls().some((url) => url.includes('sort=priority') && url.includes('order=desc'))).toBe(true));
    expect(screen.getByTestId('tickets-export').getAttribute('href')).toContain('sort=priority&order=desc');
    fireEvent.click(within(screen.getByTestId('ticket-queues')).getByText('已超时'));
    await waitFor(() => expect(urls().some((url) => url.includes('sla=breached') && url.includes('sort=priority'))).toBe(true));
  });

  it('turns the newest-first created column to oldest first on its first click', async () => {
    stubFetch({ 'GET /tickets': { body: { items: [overdue], nextCursor: null } }, 'GET /ticket-views': { body: { items: [] } } });
    const fetchMock = vi.mocked(fetch);
    const urls = () => fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('/tickets?'));
    desktop();
    renderAs(<TicketsPage />, { path: '/tickets', url: '/tickets', permissions: [...STAFF] });
    await screen.findByText('核心交换机宕机');
    expect(urls()[0]).not.toContain('sort=');
    fireEvent.click(columnHeader('创建时间'));
    await waitFor(() => expect(urls().some((url) => url.includes('sort=createdAt') && url.includes('order=asc'))).toBe(true));
  });

  it('saves the current filters as a named view', async () => {
    const api = stubFetch({
      'GET /tickets': { body: { items: [], nextCursor: null } },
      'GET /ticket-views': { body: { items: [] } },
      'POST /ticket-views': (body) => ({ status: 201, body: { id: 1, createdAt: '2026-03-10T00:00:00.000Z', ...(body as object) } }),
    });
    renderAs(<TicketsPage />, { path: '/tickets', url: '/tickets?sla=near_breach&priority=P1,P2', permissions: [...STAFF] });
    fireEvent.click(await screen.findByTestId('view-save'));
    fireEvent.change(await screen.findByTestId('view-name'), { target: { value: '紧急即将超时' } });
    fireEvent.click(screen.getByTestId('view-save-ok'));
    await waitFor(() => expect(api.sent('POST /ticket-views')).toHaveLength(1));
    expect(api.sent('POST /ticket-views')[0].body).toEqual({ name: '紧急即将超时', query: { priority: 'P1,P2', sla: 'near_breach' } });
  });

  it('shows a customer contact its requests without queues or internal filters', async () => {
    stubFetch({ 'GET /tickets': { body: { items: [soon], nextCursor: null } }, 'GET /ticket-views': { body: { items: [] } } });
    renderAs(<TicketsPage />, {
      path: '/tickets',
      url: '/tickets',
      permissions: ['tickets.read', 'tickets.create', 'tickets.confirm'],
      scope: 'company',
    });
    expect(await screen.findByText('我的服务请求')).toBeTruthy();
    expect(screen.getByTestId('ticket-create').textContent).toContain('提交请求');
    expect(screen.queryByTestId('ticket-queues')).toBeNull();
    expect(screen.queryByTestId('filter-sla')).toBeNull();
    expect(screen.queryByTestId('filter-mine')).toBeNull();
  });
});
