import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, type Mock, vi } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { ApprovalsPage } from './ApprovalsPage';

afterEach(() => vi.unstubAllGlobals());

const letter = {
  id: 11,
  number: 'ZRS-2026-0011',
  status: 'return_requested',
  customerName: '上海市第一人民医院',
  title: '门诊楼存储阵列安装',
  appointmentAt: '2026-03-10T01:00:00.000Z',
  engineers: [{ userId: 5, name: '赵工', isLead: true }],
};

// Issue 12 item 2: each inbox asks for the letters the supervisor acts on, by status, and shows them.
describe('field ApprovalsPage', () => {
  it('asks each inbox by its status alone, so returns waiting for approval appear', async () => {
    const fetch = stubFetch({
      'GET /field/letters': { body: { items: [letter], nextCursor: null } },
      'GET /field/difficulty-reports/missing': { body: { items: [] } },
    });
    renderAs(<ApprovalsPage />, { path: '/field/approvals', url: '/field/approvals', permissions: ['field.approve'], userId: 2 });
    const returns = await screen.findByTestId('inbox-return_requested');
    expect(await within(returns).findByText('ZRS-2026-0011 · 上海市第一人民医院')).toBeTruthy();
    const urls = (fetch.fetchMock as Mock).mock.calls.map(([url]) => String(url)).filter((u) => u.startsWith('/api/v1/field/letters?'));
    for (const status of ['submitted', 'return_requested', 'returned'])
      expect(
        urls.some((u) => u.includes(`status=${status}`)),
        status,
      ).toBe(true);
    expect(urls.every((u) => !u.includes('box='))).toBe(true);
  });
});
