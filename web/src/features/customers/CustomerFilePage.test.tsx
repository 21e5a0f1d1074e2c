import { defaultPolicy, explain, type TContract, type TCustomerFile } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { CustomerFilePage } from './CustomerFilePage';
import { CustomersPage } from './CustomersPage';
import { renderAs } from '../../test/renderAs';
import { type TRoutes, stubFetch } from '../../test/stubFetch';

const stamps = { version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const customer = {
  id: 7,
  ...stamps,
  name: '杭州市中医院',
  shortName: '杭中医',
  code: 'HZ-TCM',
  industry: null,
  address: null,
  regionId: null,
  note: null,
};
const contract: TContract = {
  id: 5,
  ...stamps,
  customerId: 7,
  number: 'HT-2026-001',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  serviceContent: null,
  feeFen: 5_000_000,
  slaLevelId: 'standard',
  coverage: 'business',
  note: null,
  state: 'active',
};
const file: TCustomerFile = {
  customer,
  contacts: [{ id: 1, ...stamps, customerId: 7, name: '王建国', phone: '13800138000', email: null, position: '主任', isPrimary: true }],
  sites: [],
  installedProducts: [
    {
      id: 3,
      ...stamps,
      customerId: 7,
      siteId: null,
      productId: 1,
      productName: 'X9 存储',
      serialNumber: 'SN-1',
      installedOn: null,
      acceptedOn: '2023-03-03',
      warrantyEndOverride: null,
      note: null,
      partReplacements: [],
      warranty: {
        status: 'in_warranty',
        endDate: '2026-03-02',
        baseEndDate: '2026-03-02',
        extendedBy: null,
        parts: [],
        explanation: explain({
          ruleId: 'CU-2',
          policyVersion: 1,
          inputs: {},
          result: {},
          zh: '验收日起 36 个月',
          en: '36 months from acceptance',
        }),
      },
    },
  ],
  contracts: [contract],
  asOf: '2026-03-02',
};
const policy = defaultPolicy();
const baseRoutes: TRoutes = {
  'GET /customers/7/file': { body: file },
  'GET /customers': { body: { items: [customer], nextCursor: null } },
  'GET /policy/in-force': { body: { number: 3, effectiveFrom: '2026-01-01', document: policy } },
  'GET /regions': { body: { items: [] } },
  'GET /products': { body: { items: [] } },
  'GET /calendars': { body: { items: [] } },
};
const manager = ['customers.read', 'customers.manage', 'org.read', 'policy.read', 'calendars.read'] as const;

function renderFile(permissions: readonly (typeof manager)[number][] = manager) {
  return renderAs(<CustomerFilePage />, { path: '/customers/:id', url: '/customers/7', permissions: [...permissions] });
}

/** Opens the contracts tab and the edit form of contract 5. */
async function openContractEdit() {
  fireEvent.click(await screen.findByText('Service contracts (1)'));
  fireEvent.click(await screen.findByTestId('contract-5-edit'));
  const form = await screen.findByTestId('contract-form');
  await waitFor(() => expect((within(form).getByTestId('contract-number') as HTMLInputElement).value).toBe('HT-2026-001'));
  return form;
}

/** The form item (label, input, errors) whose label is `label`. */
const formItem = (form: HTMLElement, label: string) => within(form).getByText(label).closest('.ant-form-item') as HTMLElement;

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

describe('customer file page', { timeout: 15_000 }, () => {
  it('hides every edit control from a user without customers.manage', async () => {
    stubFetch(baseRoutes);
    renderFile(['customers.read', 'org.read', 'policy.read', 'calendars.read']);
    expect(await screen.findByText('Customer file · 杭州市中医院')).toBeTruthy();
    expect(screen.queryByTestId('customer-edit')).toBeNull();
    expect(screen.queryByTestId('customer-delete')).toBeNull();
    expect(screen.queryByTestId('contact-add')).toBeNull();
    expect(screen.queryByText('Actions')).toBeNull();
    fireEvent.click(screen.getByText('Service contracts (1)'));
    expect(await screen.findByText('HT-2026-001')).toBeTruthy();
    expect(screen.queryByTestId('contract-add')).toBeNull();
    expect(screen.queryByTestId('contract-5-edit')).toBeNull();
  });

  it('hides create, edit and delete on the customers list from a user without customers.manage', async () => {
    stubFetch(baseRoutes);
    renderAs(<CustomersPage />, { path: '/customers', url: '/customers', permissions: ['customers.read'] });
    expect(await screen.findByText('杭州市中医院')).toBeTruthy();
    expect(screen.queryByTestId('customer-create')).toBeNull();
    expect(screen.queryByTestId('customer-7-edit')).toBeNull();
  });

  it('shows the customer file with its contacts, a count on each tab and edit controls to a manager', async () => {
    stubFetch(baseRoutes);
    renderFile();
    expect(await screen.findByText('Customer file · 杭州市中医院')).toBeTruthy();
    expect(screen.getByText('Installed products (1)')).toBeTruthy();
    expect(screen.getByText('Contacts (1)')).toBeTruthy();
    expect(screen.getByText('王建国')).toBeTruthy();
    expect(screen.getByTestId('customer-edit')).toBeTruthy();
    expect(screen.getByTestId('contact-add')).toBeTruthy();
    expect(screen.getByTestId('contact-1-edit')).toBeTruthy();
  });

  it('shows the warranty state, end date and the explanation the API gives', async () => {
    stubFetch(baseRoutes);
    renderFile();
    fireEvent.click(await screen.findByText('Installed products (1)'));
    const summary = await screen.findByTestId('warranty-summary');
    expect(within(summary).getByText('In warranty')).toBeTruthy();
    expect(within(summary).getByText('until 2026-03-02')).toBeTruthy();
    expect(within(summary).getByText('CU-2: 36 months from acceptance')).toBeTruthy();
  });

  it('sends a contract fee typed in yuan as integer fen', async () => {
    const api = stubFetch({ ...baseRoutes, 'PATCH /contracts/5': (body) => ({ body: { ...contract, ...(body as object), version: 2 } }) });
    renderFile();
    const form = await openContractEdit();
    expect((within(formItem(form, 'Fee (yuan)')).getByRole('spinbutton') as HTMLInputElement).value).toBe('50000.00');
    fireEvent.change(within(formItem(form, 'Fee (yuan)')).getByRole('spinbutton'), { target: { value: '1234.56' } });
    fireEvent.click(screen.getByTestId('contract-form-submit'));
    await waitFor(() => expect(api.bodies('PATCH /contracts/5')).toEqual([{ feeFen: 123456, version: 1 }]));
  });

  it('creates a contract with the fee in fen, the policy default SLA level and the customer id', async () => {
    const api = stubFetch({
      ...baseRoutes,
      'POST /contracts': (body) => ({ status: 201, body: { ...contract, ...(body as object), id: 6 } }),
    });
    renderFile();
    fireEvent.click(await screen.findByText('Service contracts (1)'));
    fireEvent.click(await screen.findByTestId('contract-add'));
    const form = await screen.findByTestId('contract-form');
    fireEvent.change(within(form).getByTestId('contract-number'), { target: { value: 'HT-2026-002' } });
    for (const [label, date] of [
      ['Starts on', '2026-04-01'],
      ['Ends on', '2027-03-31'],
    ]) {
      const input = within(formItem(form, label)).getByRole('textbox');
      fireEvent.mouseDown(input);
      fireEvent.change(input, { target: { value: date } });
      fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
    }
    fireEvent.change(within(formItem(form, 'Fee (yuan)')).getByRole('spinbutton'), { target: { value: '80000' } });
    await waitFor(() =>
      expect(within(form).getByText(policy.sla.levels.find((l) => l.id === policy.sla.defaultLevelId)!.name.en)).toBeTruthy(),
    );
    fireEvent.click(screen.getByTestId('contract-form-submit'));
    await waitFor(() => expect(api.bodies('POST /contracts')).toHaveLength(1));
    expect(api.bodies('POST /contracts')[0]).toMatchObject({
      customerId: 7,
      number: 'HT-2026-002',
      startsOn: '2026-04-01',
      endsOn: '2027-03-31',
      feeFen: 8_000_000,
      slaLevelId: policy.sla.defaultLevelId,
    });
  });

  it('puts a 422 detail from the server on the field it names', async () => {
    stubFetch({
      ...baseRoutes,
      'PATCH /contracts/5': {
        status: 422,
        body: {
          error: {
            code: 'invalid_value',
            ruleId: 'SLA-1',
            message: 'body.slaLevelId: no SLA level "standard" in policy version 3',
            details: [{ path: 'body.slaLevelId', message: 'not a level of policy version 3' }],
          },
        },
      },
    });
    renderFile();
    const form = await openContractEdit();
    fireEvent.change(within(form).getByTestId('contract-number'), { target: { value: 'HT-2026-001A' } });
    fireEvent.click(screen.getByTestId('contract-form-submit'));
    const error = await within(form).findByText('not a level of policy version 3');
    expect(error.closest('.ant-form-item')).toBe(formItem(form, 'SLA level'));
  });

  it('on a stale version says so and reloads the record into the form', async () => {
    const api = stubFetch({
      ...baseRoutes,
      'PATCH /contracts/5': { status: 409, body: { error: { code: 'version_conflict', message: 'Contract was changed by someone else' } } },
      'GET /contracts/5': { body: { ...contract, number: 'HT-2026-001-R', version: 2 } },
    });
    renderFile();
    const form = await openContractEdit();
    fireEvent.change(within(form).getByTestId('contract-number'), { target: { value: 'HT-X' } });
    fireEvent.click(screen.getByTestId('contract-form-submit'));
    expect(await screen.findByText('Changed by someone else')).toBeTruthy();
    await waitFor(() => expect((within(form).getByTestId('contract-number') as HTMLInputElement).value).toBe('HT-2026-001-R'));
    fireEvent.change(within(form).getByTestId('contract-number'), { target: { value: 'HT-Y' } });
    fireEvent.click(screen.getByTestId('contract-form-submit'));
    await waitFor(() => expect(api.bodies('PATCH /contracts/5').at(-1)).toEqual({ number: 'HT-Y', version: 2 }));
  });

  it('puts a taken contract number (409, not a stale version) on the number field', async () => {
    stubFetch({
      ...baseRoutes,
      'PATCH /contracts/5': {
        status: 409,
        body: {
          error: {
            code: 'conflict',
            message: 'number: contract "HT-1" already exists',
            details: [{ path: 'body.number', message: 'taken' }],
          },
        },
      },
    });
    renderFile();
    const form = await openContractEdit();
    fireEvent.change(within(form).getByTestId('contract-number'), { target: { value: 'HT-1' } });
    fireEvent.click(screen.getByTestId('contract-form-submit'));
    const error = await within(form).findByText('number: contract "HT-1" already exists');
    expect(error.closest('.ant-form-item')).toBe(formItem(form, 'Contract no.'));
    expect(screen.queryByText('Changed by someone else')).toBeNull();
  });
});

describe('customer deletion', { timeout: 15_000 }, () => {
  it('refuses to delete a customer still referred to, with a plain reason, and stays on the file', async () => {
    const api = stubFetch({
      ...baseRoutes,
      'DELETE /customers/7': {
        status: 409,
        body: { error: { code: 'conflict', message: 'The customer is still referred to; remove what refers to it first' } },
      },
    });
    renderFile();
    fireEvent.click(await screen.findByTestId('customer-delete'));
    const confirm = await waitFor(() => document.querySelector('.ant-popconfirm .ant-btn-dangerous') as HTMLElement);
    fireEvent.click(confirm);
    expect(await screen.findByText('Cannot delete')).toBeTruthy();
    expect(screen.getByText(/Other records still refer to it/)).toBeTruthy();
    expect(api.bodies('DELETE /customers/7')).toHaveLength(1);
    expect(screen.queryByTestId('elsewhere')).toBeNull();
  });
});

describe('customer texts', () => {
  it('have the same keys in zh-CN and en', () => {
    const keys = (language: string) => Object.keys(i18n.getResourceBundle(language, 'translation').customers).sort();
    expect(keys('en')).toEqual(keys('zh-CN'));
  });
});
