import type { TPayContractOut, TPermission } from '@techserve/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { typeDate } from '../../test/typeDate';
import { PayContractsPage } from './PayContractsPage';

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage('zh-CN');
});

const contract = (over: Partial<TPayContractOut>): TPayContractOut => ({
  id: 7,
  userId: 4,
  userName: '李焊工',
  projectId: 3,
  projectName: '燃气管线',
  startOn: '2026-03-21',
  endOn: null,
  note: '承包安装',
  version: 2,
  ...over,
});
const routes = {
  'GET /pay/contracts': {
    body: { items: [contract({}), contract({ id: 8, userName: '王学徒', endOn: '2026-02-28', startOn: '2026-02-01' })] },
  },
  'GET /pay/profiles': { body: { items: [] } },
  'GET /pay/contracts/projects': { body: { items: [{ id: 3, name: '燃气管线' }] } },
};
const open = (permissions: TPermission[]) => renderAs(<PayContractsPage />, { path: '/pay/contracts', url: '/pay/contracts', permissions });

describe('contracted projects (PAY-3c)', () => {
  it('lists contracts, an open one marked, without the form for a reader', async () => {
    stubFetch(routes);
    open(['pay.read']);
    expect(await screen.findByText('李焊工')).toBeTruthy();
    expect(screen.getByText('进行中')).toBeTruthy();
    expect(screen.getByText('2026-02-28')).toBeTruthy();
    expect(screen.queryByTestId('contract-form')).toBeNull();
    expect(screen.queryByTestId('contract-end-save-7')).toBeNull();
  });

  it('ends a contract with its settlement date and the row’s version', async () => {
    const api = stubFetch({ ...routes, 'PUT /pay/contracts/7': { body: contract({ endOn: '2026-03-31', version: 3 }) } });
    open(['pay.read', 'pay.manage']);
    await screen.findByTestId('contract-form');
    const field = await screen.findByTestId('contract-end-7');
    typeDate(field.tagName === 'INPUT' ? field : (field.querySelector('input') as HTMLElement), '2026-03-31');
    await waitFor(() => expect((screen.getByTestId('contract-end-save-7') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('contract-end-save-7'));
    await waitFor(() => expect(api.bodies('PUT /pay/contracts/7').length).toBe(1));
    expect(api.bodies('PUT /pay/contracts/7')[0]).toEqual({ endOn: '2026-03-31', version: 2 });
  });

  it('asks for the person, the project and the start date, in Chinese, and sends nothing without them', async () => {
    const api = stubFetch(routes);
    open(['pay.read', 'pay.manage']);
    expect(await screen.findByText('新建承包合同')).toBeTruthy();
    fireEvent.click(screen.getByTestId('contract-submit'));
    await waitFor(() => expect(screen.getAllByText('必填').length).toBe(3));
    expect(api.bodies('POST /pay/contracts')).toEqual([]);
  });

  it('speaks English', async () => {
    await i18n.changeLanguage('en');
    stubFetch(routes);
    open(['pay.read', 'pay.manage']);
    expect(await screen.findByText('Contracted projects')).toBeTruthy();
    expect(await screen.findByText('Open')).toBeTruthy();
    expect(screen.getByText('Record contract')).toBeTruthy();
  });
});
