import { explain, type TCustomerFile, type TPermission } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { ticketFixture } from './fixtures';
import { renderAs } from '../../test/renderAs';
import { stubFetch, type TRoutes } from '../../test/stubFetch';
import { TicketIntakePage } from './TicketIntakePage';

const stamps = { version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const customer = {
  id: 7,
  ...stamps,
  name: '上海市第一人民医院',
  shortName: '市一医院',
  code: 'C-SH-001',
  industry: null,
  address: null,
  regionId: null,
  note: null,
};
const file: TCustomerFile = {
  customer,
  contacts: [
    { id: 2, ...stamps, customerId: 7, name: '孙工', phone: '13900001002', email: null, position: '网络管理员', isPrimary: false },
    { id: 1, ...stamps, customerId: 7, name: '钱主任', phone: '13900001001', email: null, position: '信息科主任', isPrimary: true },
  ],
  sites: [{ id: 3, ...stamps, customerId: 7, name: '门诊楼机房', address: '武进路85号', regionId: null, calendarId: null, contactId: 1 }],
  installedProducts: [
    {
      id: 9,
      ...stamps,
      customerId: 7,
      siteId: 3,
      productId: 2,
      productName: 'DS300 存储',
      serialNumber: 'DS300-24-0518',
      installedOn: null,
      acceptedOn: '2024-05-10',
      warrantyEndOverride: null,
      note: null,
      partReplacements: [],
      warranty: {
        status: 'in_warranty',
        endDate: '2027-05-09',
        baseEndDate: '2027-05-09',
        extendedBy: null,
        explanation: explain({
          ruleId: 'CU-2',
          policyVersion: 3,
          inputs: {},
          result: {},
          zh: '验收日起 36 个月',
          en: '36 months from acceptance',
        }),
      },
    },
  ],
  contracts: [],
  asOf: '2026-03-10',
};

const AGENT: TPermission[] = ['customers.read', 'tickets.read', 'tickets.create', 'tickets.assign', 'tickets.manage'];
const AGENT_MANAGING: TPermission[] = [...AGENT, 'customers.manage'];
const routes: TRoutes = {
  'GET /customers': { body: { items: [customer], nextCursor: null } },
  'GET /customers/7/file': { body: file },
  'POST /tickets': { status: 201, body: ticketFixture() },
};

async function chooseCustomer() {
  const input = within(await screen.findByTestId('intake-customer')).getByRole('combobox');
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: '医院' } });
  fireEvent.click(await screen.findByText('上海市第一人民医院 · 市一医院 · C-SH-001', {}, { timeout: 5000 }));
  await screen.findByTestId('intake-customer-file', {}, { timeout: 5000 });
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

describe('request intake', () => {
  it('loads the customer file: contacts with a call link, the device with its warranty, no contract', async () => {
    stubFetch(routes);
    renderAs(<TicketIntakePage />, { path: '/tickets/new', url: '/tickets/new', permissions: AGENT });
    await chooseCustomer();
    // The primary contact is chosen, with a tap-to-call link.
    expect((await screen.findByTestId('intake-contact-call')).getAttribute('href')).toBe('tel:13900001001');
    expect(screen.getByText('In warranty · until 2027-05-09')).toBeTruthy();
    expect(within(screen.getByTestId('intake-contracts')).getByText('No active service contract')).toBeTruthy();
  });

  it('submits the request once with an Idempotency-Key, then opens it', async () => {
    const api = stubFetch(routes);
    renderAs(<TicketIntakePage />, { path: '/tickets/new', url: '/tickets/new', permissions: AGENT });
    await chooseCustomer();
    await screen.findByTestId('intake-contact-call');
    fireEvent.change(screen.getByTestId('intake-title'), { target: { value: ' 存储阵列告警 ' } });
    fireEvent.change(screen.getByTestId('intake-description'), { target: { value: '控制器 A 告警灯常亮' } });
    fireEvent.click(within(screen.getByTestId('intake-urgency')).getByText('High'));
    fireEvent.click(within(screen.getByTestId('intake-impact')).getByText('Department'));
    // A double click creates one request.
    fireEvent.click(screen.getByTestId('intake-submit'));
    fireEvent.click(screen.getByTestId('intake-submit'));

    expect((await screen.findByTestId('elsewhere', {}, { timeout: 5000 })).textContent).toBe('/tickets/42');
    const posts = api.sent('POST /tickets');
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toEqual({
      customerId: 7,
      contactId: 1,
      siteId: 3,
      installedProductId: 9,
      type: 'fault',
      channel: 'phone',
      title: '存储阵列告警',
      description: '控制器 A 告警灯常亮',
      urgency: 'high',
      impact: 'department',
      needsVisit: false,
      autoAssign: true,
    });
    expect(posts[0].headers['Idempotency-Key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('shows the rule id of a 422 and keeps the form', async () => {
    stubFetch({
      ...routes,
      'POST /tickets': {
        status: 422,
        body: {
          error: {
            code: 'invalid_value',
            ruleId: 'SR-2',
            message: 'body.contactId: does not belong to this customer',
            details: [{ path: 'body.contactId', message: 'does not belong to this customer' }],
          },
        },
      },
    });
    renderAs(<TicketIntakePage />, { path: '/tickets/new', url: '/tickets/new', permissions: AGENT });
    await chooseCustomer();
    await screen.findByTestId('intake-contact-call');
    fireEvent.change(screen.getByTestId('intake-title'), { target: { value: '告警' } });
    fireEvent.change(screen.getByTestId('intake-description'), { target: { value: '告警灯常亮' } });
    fireEvent.click(screen.getByTestId('intake-submit'));
    expect(await screen.findByText('body.contactId: does not belong to this customer (rule SR-2)', {}, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByText('does not belong to this customer')).toBeTruthy();
    expect(screen.queryByTestId('elsewhere')).toBeNull();
  });

  it('lets a customer contact file for its own company without customer, channel or assignment fields', async () => {
    const api = stubFetch({
      ...routes,
      'GET /tickets': { body: { items: [{ ...ticketFixture(), customerId: 7 }], nextCursor: null } },
    });
    renderAs(<TicketIntakePage />, {
      path: '/tickets/new',
      url: '/tickets/new',
      permissions: ['tickets.read', 'tickets.create', 'tickets.confirm'],
      scope: 'company',
    });
    fireEvent.change(await screen.findByTestId('intake-title'), { target: { value: '打印机无法打印' } });
    expect(screen.queryByTestId('intake-customer')).toBeNull();
    expect(screen.queryByTestId('intake-channel')).toBeNull();
    expect(screen.queryByTestId('intake-assign-mode')).toBeNull();
    fireEvent.change(screen.getByTestId('intake-description'), { target: { value: '门诊楼二层打印机卡纸' } });
    fireEvent.click(screen.getByTestId('intake-submit'));
    await waitFor(() => expect(api.sent('POST /tickets')).toHaveLength(1));
    expect(api.sent('POST /tickets')[0].body).toMatchObject({ customerId: 7, title: '打印机无法打印', autoAssign: true });
    expect(api.sent('POST /tickets')[0].body).not.toHaveProperty('channel');
  });

  it('creates an unknown caller’s customer and primary contact without leaving the form, then continues with them (item 11)', async () => {
    const created = { ...customer, id: 21, name: '嘉定区中心医院', shortName: null, code: null };
    const contact = { id: 31, ...stamps, customerId: 21, name: '周工', phone: '13900002001', email: null, position: null, isPrimary: true };
    const fetch = stubFetch({
      ...routes,
      'POST /customers': { status: 201, body: created },
      'POST /contacts': { status: 201, body: contact },
      'GET /customers/21/file': { body: { ...file, customer: created, contacts: [contact], sites: [], installedProducts: [] } },
    });
    renderAs(<TicketIntakePage />, { path: '/tickets/new', url: '/tickets/new', permissions: AGENT_MANAGING });
    fireEvent.click(await screen.findByTestId('intake-new-caller'));
    fireEvent.change(await screen.findByTestId('new-caller-customer'), { target: { value: '嘉定区中心医院' } });
    fireEvent.change(screen.getByTestId('new-caller-contact'), { target: { value: '周工' } });
    fireEvent.change(screen.getByTestId('new-caller-phone'), { target: { value: '13900002001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    await waitFor(() => expect(fetch.sent('POST /contacts')).toHaveLength(1), { timeout: 5000 });
    expect(fetch.sent('POST /customers')[0].body).toMatchObject({ name: '嘉定区中心医院' });
    expect(fetch.sent('POST /contacts')[0].body).toMatchObject({ customerId: 21, name: '周工', phone: '13900002001', isPrimary: true });
    // Back on the intake form with the new customer chosen and its file loaded.
    expect(await screen.findByTestId('intake-customer-file', {}, { timeout: 5000 })).toBeTruthy();
    expect(within(screen.getByTestId('intake-customer')).getByText('嘉定区中心医院')).toBeTruthy();
    expect(screen.getByTestId('intake-form')).toBeTruthy();
  });

  it('offers no new-customer button without customers.manage', async () => {
    stubFetch(routes);
    renderAs(<TicketIntakePage />, { path: '/tickets/new', url: '/tickets/new', permissions: AGENT });
    await screen.findByTestId('intake-customer');
    expect(screen.queryByTestId('intake-new-caller')).toBeNull();
  });

  it('lets a customer pick its site and device and attach a file when filing (item 12)', async () => {
    const api = stubFetch({
      ...routes,
      'GET /portal/equipment': {
        body: {
          sites: [
            { id: 3, name: '门诊楼机房', address: '武进路85号' },
            { id: 4, name: '住院部机房', address: null },
          ],
          devices: [
            { id: 9, siteId: 3, productName: 'DS300 存储', serialNumber: 'DS300-24-0518' },
            { id: 10, siteId: 4, productName: 'X9 服务器', serialNumber: 'X9-001' },
          ],
        },
      },
      'POST /tickets/42/attachments': {
        status: 201,
        body: { id: 5, fileName: 'alarm.png', contentType: 'image/png', size: 3, url: '/api/v1/attachments/5' },
      },
    });
    renderAs(<TicketIntakePage />, {
      path: '/tickets/new',
      url: '/tickets/new',
      permissions: ['tickets.read', 'tickets.create', 'tickets.confirm'],
      scope: 'company',
    });
    fireEvent.change(await screen.findByTestId('intake-title'), { target: { value: '存储告警' } });
    fireEvent.change(screen.getByTestId('intake-description'), { target: { value: '控制器告警灯常亮' } });
    const device = within(screen.getByTestId('portal-device')).getByRole('combobox');
    fireEvent.mouseDown(device);
    fireEvent.click(await screen.findByText('DS300 存储 · Serial no. DS300-24-0518', {}, { timeout: 5000 }));
    const input = screen.getByTestId('portal-files').querySelector('input[type="file"]') ?? document.querySelector('input[type="file"]');
    fireEvent.change(input as HTMLInputElement, { target: { files: [new File(['png'], 'alarm.png', { type: 'image/png' })] } });
    expect(await screen.findByText('alarm.png', {}, { timeout: 5000 })).toBeTruthy();
    fireEvent.click(screen.getByTestId('intake-submit'));
    await waitFor(() => expect(api.sent('POST /tickets/42/attachments')).toHaveLength(1), { timeout: 5000 });
    // Picking the device picked its site; the file went to the new request as a public attachment.
    expect(api.sent('POST /tickets')[0].body).toMatchObject({ customerId: 7, siteId: 3, installedProductId: 9 });
    const sent = api.sent('POST /tickets/42/attachments')[0].body as FormData;
    expect(sent.get('visibility')).toBe('public');
    expect((sent.get('file') as File).name).toBe('alarm.png');
    expect((await screen.findByTestId('elsewhere', {}, { timeout: 5000 })).textContent).toBe('/tickets/42');
  });
});
