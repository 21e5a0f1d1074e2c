import type { TPermission } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { ticketFixture } from '../tickets/fixtures';
import { myJobFixture } from './fixtures';
import { MyJobsPage } from './MyJobsPage';

const ENGINEER: TPermission[] = ['field.read', 'field.work'];

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

describe('my jobs (FS-5)', { timeout: 20_000 }, () => {
  it('lists today’s visits before upcoming ones with tap-to-call, appointment, plan and kit, and opens the visit', async () => {
    stubFetch({
      'GET /field/my-jobs': {
        body: {
          items: [
            myJobFixture(),
            myJobFixture({
              letterId: 12,
              letterNumber: 'ZRS-2026-0012',
              customerName: '华东医院',
              today: false,
              contactPhone: '021-62483180',
              appointmentAt: '2026-03-12T06:00:00.000Z',
            }),
          ],
        },
      },
      'GET /field/schedule/feed': { body: { active: false, createdAt: null } },
    });
    renderAs(<MyJobsPage />, { path: '/field/jobs', url: '/field/jobs', permissions: ENGINEER, userId: 5 });
    const cards = await screen.findAllByTestId('job-card');
    expect(cards.map((card) => card.getAttribute('data-letter-id'))).toEqual(['11', '12']);
    expect(within(cards[0]).getByTestId('job-call').getAttribute('href')).toBe('tel:13900001001');
    expect(within(cards[1]).getByTestId('job-call').getAttribute('href')).toBe('tel:021-62483180');
    expect(within(cards[0]).getByText('上海市第一人民医院')).toBeTruthy();
    expect(within(cards[0]).getByText(/武进路85号/)).toBeTruthy();
    expect(within(cards[0]).getByText('Kit (1/2 packed)')).toBeTruthy();
    // The schedule subscription card is on the same page.
    expect(await screen.findByTestId('schedule-feed-create')).toBeTruthy();
    fireEvent.click(within(cards[0]).getByTestId('job-open'));
    expect(screen.getByTestId('elsewhere').textContent).toBe('/field/jobs/11');
  });

  it('FS-4: the engineer ticks the kit while packing; the whole packed list goes with the letter’s version', async () => {
    const api = stubFetch({
      'GET /field/my-jobs': { body: { items: [myJobFixture()] } },
      'GET /field/schedule/feed': { body: { active: false, createdAt: null } },
      'PUT /field/letters/11/kit-packing': { body: { id: 11 } },
    });
    renderAs(<MyJobsPage />, { path: '/field/jobs', url: '/field/jobs', permissions: ENGINEER, userId: 5 });
    const card = (await screen.findAllByTestId('job-card'))[0];
    fireEvent.click(within(card).getByText('Kit (1/2 packed)'));
    const laptop = (await within(card).findAllByTestId('kit-pack')).find((c) => c.getAttribute('data-key') === 'laptop')!;
    fireEvent.click(laptop);
    await waitFor(() => expect(api.sent('PUT /field/letters/11/kit-packing')).toHaveLength(1));
    expect(api.sent('PUT /field/letters/11/kit-packing')[0].body).toEqual({ version: 4, packed: ['usb', 'laptop'] });
  });

  it('says so when there is nothing today', async () => {
    stubFetch({
      'GET /field/my-jobs': { body: { items: [] } },
      'GET /field/schedule/feed': { body: { active: true, createdAt: '2026-03-01T00:00:00.000Z' } },
    });
    renderAs(<MyJobsPage />, { path: '/field/jobs', url: '/field/jobs', permissions: ENGINEER });
    expect(await screen.findByText('No visits today')).toBeTruthy();
    expect(await screen.findByTestId('schedule-feed-rotate')).toBeTruthy();
  });

  it('shows the feed address once after it is made', async () => {
    const fetches = stubFetch({
      'GET /field/my-jobs': { body: { items: [] } },
      'GET /field/schedule/feed': { body: { active: false, createdAt: null } },
      'POST /field/schedule/feed': { body: { token: 'abc', path: '/api/v1/field/schedule/abc.ics' } },
    });
    renderAs(<MyJobsPage />, { path: '/field/jobs', url: '/field/jobs', permissions: ENGINEER });
    fireEvent.click(await screen.findByTestId('schedule-feed-create'));
    const url = (await screen.findByTestId('schedule-feed-url')) as HTMLInputElement;
    expect(url.value).toBe(`${window.location.origin}/api/v1/field/schedule/abc.ics`);
    expect(fetches.sent('POST /field/schedule/feed')).toHaveLength(1);
  });

  it('issue 12 item 5 (SLA-4): lists the open requests assigned to the engineer, the least time left first, with no visit today', async () => {
    vi.setSystemTime(new Date('2026-03-10T02:00:00.000Z'));
    const api = stubFetch({
      'GET /field/my-jobs': { body: { items: [] } },
      'GET /field/schedule/feed': { body: { active: false, createdAt: null } },
      'GET /tickets': {
        body: {
          items: [
            ticketFixture({
              id: 8,
              number: 'SR-20260310-0008',
              title: '备份任务失败',
              priority: 'P3',
              nextDueAt: '2026-03-10T09:00:00.000Z',
            }),
            ticketFixture({
              id: 9,
              number: 'SR-20260310-0009',
              title: '核心交换机宕机',
              priority: 'P1',
              nextDueAt: '2026-03-10T02:29:00.000Z',
            }),
          ],
          nextCursor: null,
        },
      },
    });
    renderAs(<MyJobsPage />, { path: '/field/jobs', url: '/field/jobs', permissions: [...ENGINEER, 'tickets.read'], userId: 5 });
    const rows = await screen.findAllByTestId('my-request');
    expect(rows.map((row) => within(row).getByText(/SR-/).textContent)).toEqual(['SR-20260310-0009', 'SR-20260310-0008']);
    expect(within(rows[0]).getByTestId('sla-due').getAttribute('data-sla')).toBe('near');
    expect(screen.getByText('Requests assigned to me (2)')).toBeTruthy();
    expect(await screen.findByText('No visits today')).toBeTruthy();
    const url = String(api.fetchMock.mock.calls.find(([u]) => String(u).includes('/tickets?'))![0]);
    expect(url).toContain('mine=true');
    expect(decodeURIComponent(url)).toContain('state=new,assigned,accepted,in_progress,waiting');
    fireEvent.click(rows[0]);
    expect(screen.getByTestId('elsewhere').textContent).toBe('/tickets/9');
    vi.useRealTimers();
  });
});
