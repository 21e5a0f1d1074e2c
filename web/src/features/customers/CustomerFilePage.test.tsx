import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { explain } from '@techserve/core';
import { render, screen } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { CustomerFilePage } from './CustomerFilePage';

const stamps = { version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const file = {
  customer: { id: 7, ...stamps, name: '杭州市中医院', shortName: '杭中医', code: 'HZ-TCM', industry: null, address: null, regionId: null, note: null },
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
        explanation: explain({ ruleId: 'CU-2', policyVersion: 1, inputs: {}, result: {}, zh: '在保', en: 'in warranty' }),
      },
    },
  ],
  contracts: [],
  asOf: '2026-03-02',
};

afterEach(() => vi.unstubAllGlobals());

describe('customer file page', () => {
  it('shows the customer file with its contacts and a count on each tab', async () => {
    await i18n.changeLanguage('en');
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(file), { status: 200 })));
    render(
      <QueryClientProvider client={new QueryClient()}>
        <App>
          <MemoryRouter initialEntries={['/customers/7']}>
            <Routes>
              <Route path="/customers/:id" element={<CustomerFilePage />} />
            </Routes>
          </MemoryRouter>
        </App>
      </QueryClientProvider>,
    );
    expect(await screen.findByText('Customer file · 杭州市中医院')).toBeTruthy();
    expect(screen.getByText('Installed products (1)')).toBeTruthy();
    expect(screen.getByText('Contacts (1)')).toBeTruthy();
    expect(screen.getByText('王建国')).toBeTruthy();
  });
});
