import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CustomersPage } from '../features/customers/CustomersPage';
import { LettersPage } from '../features/field/LettersPage';
import { LeaveApprovalsPage } from '../features/leave/LeaveApprovalsPage';
import { MyLeavePage } from '../features/leave/MyLeavePage';
import { ComplaintsPage } from '../features/incidents/ComplaintsPage';
import { IncidentsPage } from '../features/incidents/IncidentsPage';
import { ApprovalsPage } from '../features/travel/ApprovalsPage';
import { FinancePage } from '../features/travel/FinancePage';
import { MyTripsPage } from '../features/travel/MyTripsPage';
import { UsersPage } from '../features/users/UsersPage';
import { i18n } from '../i18n/initI18n';
import { renderAs } from '../test/renderAs';
import { stubFetch } from '../test/stubFetch';
import { exportHref } from './ExportButton';

// Issue 12 item 9: each list's "导出 Excel / Export to Excel" downloads the server's export of the filters on screen,
// in the UI's language.

const empty = { body: { items: [], nextCursor: null } };
const query = (href: string | null) => Object.fromEntries(new URL(href ?? '', 'http://x').searchParams);

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
  stubFetch({
    'GET /customers': empty,
    'GET /regions': empty,
    'GET /users': empty,
    'GET /roles': empty,
    'GET /teams': empty,
    'GET /leave-requests': empty,
    'GET /field/letters': empty,
    'GET /travel-requests': empty,
    'GET /travel-claims': empty,
    'GET /complaints': empty,
    'GET /incidents': empty,
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('export buttons', () => {
  it('builds the address from the filters, leaving out empty ones, with the language', () => {
    expect(exportHref('/exports/users.xlsx', { q: 'liu', status: undefined, roleId: 3 }, 'en-US')).toBe(
      '/api/v1/exports/users.xlsx?q=liu&roleId=3&lang=en',
    );
    expect(exportHref('/exports/users.xlsx', {}, 'zh-CN')).toBe('/api/v1/exports/users.xlsx?lang=zh-CN');
  });

  it('exports the customers of the search, labelled in Chinese or English', async () => {
    renderAs(<CustomersPage />, { path: '/customers', url: '/customers', permissions: ['customers.read'] });
    const button = await screen.findByTestId('customers-export');
    expect(button.textContent).toContain('导出 Excel');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '医院' } });
    fireEvent.keyDown(screen.getByRole('searchbox'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(query(screen.getByTestId('customers-export').getAttribute('href'))).toEqual({ q: '医院', lang: 'zh-CN' }));
    await i18n.changeLanguage('en');
    await waitFor(() => expect(screen.getByTestId('customers-export').textContent).toContain('Export to Excel'));
    expect(query(screen.getByTestId('customers-export').getAttribute('href')).lang).toBe('en');
  });

  it('exports the users list', async () => {
    renderAs(<UsersPage />, { path: '/users', url: '/users', permissions: ['users.read'] });
    expect((await screen.findByTestId('users-export')).getAttribute('href')).toBe('/api/v1/exports/users.xlsx?lang=zh-CN');
  });

  it('exports my leave', async () => {
    renderAs(<MyLeavePage />, { path: '/leave', url: '/leave', permissions: ['leave.request'] });
    expect(query((await screen.findByTestId('leave-export')).getAttribute('href'))).toEqual({ view: 'mine', lang: 'zh-CN' });
  });

  it('exports the approver’s leave of the chosen status', async () => {
    renderAs(<LeaveApprovalsPage />, { path: '/leave/approvals', url: '/leave/approvals?status=approved', permissions: ['leave.approve'] });
    expect(query((await screen.findByTestId('leave-export')).getAttribute('href'))).toEqual({
      view: 'approvals',
      status: 'approved',
      lang: 'zh-CN',
    });
  });

  it('exports the letters of the box and status shown', async () => {
    renderAs(<LettersPage />, { path: '/field/letters', url: '/field/letters?box=mine&status=draft', permissions: ['field.read'] });
    const href = (await screen.findByTestId('letters-export')).getAttribute('href');
    expect(href).toContain('/api/v1/exports/letters.xlsx?');
    expect(query(href)).toEqual({ box: 'mine', status: 'draft', lang: 'zh-CN' });
  });

  it('exports my trips, the approver’s trips of the chosen status and the finance month’s claims', async () => {
    const mine = renderAs(<MyTripsPage />, { path: '/travel', url: '/travel', permissions: ['travel.request'] });
    expect(query((await screen.findByTestId('trips-export')).getAttribute('href'))).toEqual({ view: 'mine', lang: 'zh-CN' });
    mine.unmount();
    const approvals = renderAs(<ApprovalsPage />, { path: '/travel/approvals', url: '/travel/approvals', permissions: ['travel.approve'] });
    expect(query((await screen.findByTestId('trips-export')).getAttribute('href'))).toEqual({
      view: 'approvals',
      status: 'submitted',
      lang: 'zh-CN',
    });
    approvals.unmount();
    renderAs(<FinancePage />, { path: '/travel/finance', url: '/travel/finance', permissions: ['travel.finance'] });
    const claims = query((await screen.findByTestId('claims-export')).getAttribute('href'));
    expect(claims).toMatchObject({ view: 'all', lang: 'zh-CN' });
    expect(claims.month).toMatch(/^\d{4}-\d{2}$/);
  });

  it('exports complaints and incidents', async () => {
    const complaints = renderAs(<ComplaintsPage />, { path: '/complaints', url: '/complaints', permissions: ['incidents.read'] });
    expect((await screen.findByTestId('complaints-export')).getAttribute('href')).toBe('/api/v1/exports/complaints.xlsx?lang=zh-CN');
    complaints.unmount();
    renderAs(<IncidentsPage />, { path: '/incidents', url: '/incidents', permissions: ['incidents.read', 'incidents.manage'] });
    expect(query((await screen.findByTestId('incidents-export')).getAttribute('href'))).toEqual({ view: 'all', lang: 'zh-CN' });
  });
});
