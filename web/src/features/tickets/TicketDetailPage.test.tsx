import type { TPermission, TTicketEntry } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { ticketFixture } from './fixtures';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { TicketDetailPage } from './TicketDetailPage';

const ENGINEER: TPermission[] = ['customers.read', 'tickets.read', 'tickets.create', 'tickets.work', 'tickets.confirm'];
const PORTAL: TPermission[] = ['tickets.read', 'tickets.create', 'tickets.confirm'];

const entry = (
  id: number,
  kind: TTicketEntry['kind'],
  visibility: TTicketEntry['visibility'],
  body: string | null,
  data: TTicketEntry['data'] = null,
): TTicketEntry => ({
  id,
  kind,
  visibility,
  authorId: 5,
  authorName: '刘洋',
  body,
  data,
  attachments: [],
  createdAt: '2026-03-10T02:00:00.000Z',
});

const actionButtons = () =>
  within(screen.getByTestId('ticket-actions'))
    .getAllByRole('button')
    .map((button) => button.getAttribute('data-testid'));

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

describe('request detail', () => {
  it('shows the assignee the actions the server allows them, with escalation and the internal tools', async () => {
    const ticket = ticketFixture({
      state: 'accepted',
      legalActions: ['assign', 'start', 'wait', 'resolve', 'cancel'],
      allowedActions: ['start', 'wait', 'resolve', 'escalate'],
    });
    stubFetch({
      'GET /tickets/42': { body: ticket },
      'GET /tickets/42/timeline': {
        body: [entry(1, 'created', 'public', '控制器 A 告警灯常亮'), entry(2, 'note', 'internal', '怀疑电源模块')],
      },
    });
    renderAs(<TicketDetailPage />, { path: '/tickets/:id', url: '/tickets/42', permissions: ENGINEER, userId: 5 });
    await screen.findByTestId('ticket-actions');
    // assign needs tickets.assign, cancel tickets.manage: the server leaves both out, and so does the page.
    expect(actionButtons()).toEqual(['action-start', 'action-wait', 'action-resolve', 'action-escalate']);
    expect(screen.getByTestId('reply-visibility')).toBeTruthy();
    expect(screen.getByTestId('records')).toBeTruthy();
    expect((await screen.findByTestId('entry-note')).getAttribute('data-visibility')).toBe('internal');
    expect(screen.getByTestId('call-contact').getAttribute('href')).toBe('tel:13900001001');
    // SLA cards with state and, on demand, the explanation.
    expect(screen.getByTestId('sla-firstResponse').getAttribute('data-state')).toBe('near_breach');
    expect(within(screen.getByTestId('sla-firstResponse')).getByText('25 min left (working time)')).toBeTruthy();
    fireEvent.click(screen.getByTestId('sla-why-firstResponse'));
    expect(within(screen.getByTestId('sla-firstResponse')).getByText(/Standard P2 first response target 120 working minutes/)).toBeTruthy();
    // CU-3: the customer is told why it is chargeable.
    expect(within(screen.getByTestId('chargeable-notice')).getByText(/out of warranty and no service contract/)).toBeTruthy();
  });

  it('offers another engineer (not the assignee) nothing of the assignee’s work', async () => {
    stubFetch({
      'GET /tickets/42': {
        body: ticketFixture({
          state: 'accepted',
          legalActions: ['assign', 'start', 'wait', 'resolve', 'cancel'],
          allowedActions: ['escalate'],
        }),
      },
      'GET /tickets/42/timeline': { body: [] },
    });
    renderAs(<TicketDetailPage />, { path: '/tickets/:id', url: '/tickets/42', permissions: ENGINEER, userId: 6 });
    await screen.findByTestId('ticket-header');
    expect(actionButtons()).toEqual(['action-escalate']);
  });

  it('gives a customer contact confirm and reject on a resolved request, and no internal controls', async () => {
    stubFetch({
      'GET /tickets/42': { body: ticketFixture({ state: 'resolved', legalActions: ['confirm', 'reject'], solution: '更换电源模块' }) },
      'GET /tickets/42/timeline': { body: [entry(1, 'created', 'public', '控制器 A 告警灯常亮')] },
    });
    renderAs(<TicketDetailPage />, { path: '/tickets/:id', url: '/tickets/42', permissions: PORTAL, scope: 'company', userId: 77 });
    await screen.findByTestId('ticket-actions');
    expect(actionButtons()).toEqual(['action-confirm', 'action-reject']);
    expect(screen.queryByTestId('reply-visibility')).toBeNull();
    expect(screen.queryByTestId('records')).toBeNull();
    expect(screen.queryByTestId('escalations')).toBeNull();
    expect(screen.getByTestId('reply-box')).toBeTruthy();
    // In the portal the customer rates without the on-device signature.
    fireEvent.click(screen.getByTestId('action-confirm'));
    expect(await screen.findByTestId('rating-attitude')).toBeTruthy();
    expect(screen.queryByTestId('signature-pad')).toBeNull();
  });

  it('lets a customer contact cancel only a request it filed', async () => {
    const open = { state: 'assigned' as const, legalActions: ['assign' as const, 'accept' as const, 'cancel' as const] };
    stubFetch({
      'GET /tickets/42': { body: ticketFixture({ ...open, createdBy: 77, allowedActions: ['cancel'] }) },
      'GET /tickets/42/timeline': { body: [] },
    });
    const first = renderAs(<TicketDetailPage />, {
      path: '/tickets/:id',
      url: '/tickets/42',
      permissions: PORTAL,
      scope: 'company',
      userId: 77,
    });
    await screen.findByTestId('ticket-actions');
    expect(actionButtons()).toEqual(['action-cancel']);
    first.unmount();

    stubFetch({
      'GET /tickets/42': { body: ticketFixture({ ...open, createdBy: 1, allowedActions: [] }) },
      'GET /tickets/42/timeline': { body: [] },
    });
    renderAs(<TicketDetailPage />, { path: '/tickets/:id', url: '/tickets/42', permissions: PORTAL, scope: 'company', userId: 77 });
    await screen.findByTestId('ticket-header');
    expect(screen.queryByTestId('ticket-actions')).toBeNull();
  });

  it('asks staff confirming on the engineer’s device for the signer and a signature', async () => {
    stubFetch({
      'GET /tickets/42': { body: ticketFixture({ state: 'resolved', legalActions: ['confirm', 'reject'] }) },
      'GET /tickets/42/timeline': { body: [] },
    });
    renderAs(<TicketDetailPage />, { path: '/tickets/:id', url: '/tickets/42', permissions: ENGINEER, userId: 5 });
    fireEvent.click(await screen.findByTestId('action-confirm'));
    expect(await screen.findByTestId('signature-pad')).toBeTruthy();
    expect(screen.getByTestId('confirm-signed-by')).toBeTruthy();
  });

  it('on a 409 from a transition says the request was reloaded and reloads it', async () => {
    const api = stubFetch({
      'GET /tickets/42': { body: ticketFixture({ state: 'accepted', legalActions: ['start', 'wait', 'resolve'] }) },
      'GET /tickets/42/timeline': { body: [] },
      'POST /tickets/42/transitions': {
        status: 409,
        body: { error: { code: 'version_conflict', message: 'The service request was changed by someone else' } },
      },
    });
    renderAs(<TicketDetailPage />, { path: '/tickets/:id', url: '/tickets/42', permissions: ENGINEER, userId: 5 });
    fireEvent.click(await screen.findByTestId('action-start'));
    expect(
      await screen.findByText('Someone else updated this request; the latest version has been loaded. Check it and try again.'),
    ).toBeTruthy();
    expect(api.sent('POST /tickets/42/transitions')[0].body).toEqual({ action: 'start', version: 3 });
    await waitFor(() => expect(api.sent('GET /tickets/42').length).toBeGreaterThanOrEqual(2));
  });

  it('sends a resolve with cause and solution steps', async () => {
    const api = stubFetch({
      'GET /tickets/42': { body: ticketFixture({ state: 'in_progress', legalActions: ['wait', 'resolve'] }) },
      'GET /tickets/42/timeline': { body: [] },
      'POST /tickets/42/transitions': { body: ticketFixture({ state: 'resolved', legalActions: ['confirm', 'reject'], version: 4 }) },
    });
    renderAs(<TicketDetailPage />, { path: '/tickets/:id', url: '/tickets/42', permissions: ENGINEER, userId: 5 });
    fireEvent.click(await screen.findByTestId('action-resolve'));
    fireEvent.change(await screen.findByTestId('resolve-cause'), { target: { value: '电源模块故障' } });
    fireEvent.change(screen.getByTestId('resolve-solution'), { target: { value: '1. 更换电源模块\n2. 复测' } });
    fireEvent.click(screen.getByTestId('action-ok'));
    await waitFor(() => expect(api.sent('POST /tickets/42/transitions')).toHaveLength(1));
    expect(api.sent('POST /tickets/42/transitions')[0].body).toEqual({
      action: 'resolve',
      version: 3,
      cause: '电源模块故障',
      solution: '1. 更换电源模块\n2. 复测',
    });
    await waitFor(() => expect(screen.getByTestId('ticket-header').textContent).toContain('Resolved'));
  });

  it('lets the engineer on site record the arrival while the on-site clock runs (SLA-2)', async () => {
    const base = ticketFixture();
    const api = stubFetch({
      'GET /tickets/42': {
        body: ticketFixture({
          state: 'in_progress',
          legalActions: ['wait', 'resolve'],
          allowedActions: ['wait', 'resolve', 'escalate', 'recordArrival'],
          needsVisit: true,
          sla: { ...base.sla, onsite: { ...base.sla.resolution, target: 'onsite' } },
        }),
      },
      'GET /tickets/42/timeline': { body: [] },
      'POST /tickets/42/records': { status: 201, body: entry(9, 'arrival', 'public', null, { arrivedAt: '2026-03-10T03:00:00.000Z' }) },
    });
    renderAs(<TicketDetailPage />, { path: '/tickets/:id', url: '/tickets/42', permissions: ENGINEER, userId: 5 });
    await screen.findByTestId('sla-onsite');
    expect(actionButtons()).toEqual(['action-arrive', 'action-wait', 'action-resolve', 'action-escalate']);
    fireEvent.click(screen.getByTestId('action-arrive'));
    await waitFor(() => expect(api.sent('POST /tickets/42/records')).toHaveLength(1));
    expect(api.sent('POST /tickets/42/records')[0].body).toEqual({ kind: 'arrival' });
  });
});
