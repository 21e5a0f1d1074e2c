import type { TPermission, TServiceNotice } from '@techserve/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { NoticeDetailPage } from './NoticeDetailPage';

const HEAD: TPermission[] = ['field.read', 'field.notice', 'field.sign', 'field.dispatch', 'customers.read'];

const notice = (overrides: Partial<TServiceNotice> = {}): TServiceNotice => ({
  id: 3,
  number: 'SN-000003',
  status: 'pending',
  customerId: 7,
  customerName: '上海市第一人民医院',
  siteId: null,
  siteAddress: null,
  contactName: '钱主任',
  contactPhone: '13900001001',
  type: 'installation',
  title: '扩容柜安装',
  requirements: '新增 1 台扩容柜',
  siteSituation: '机房 B1',
  createdBy: 9,
  createdByName: '郑凯',
  signedBy: null,
  signedByName: null,
  signedAs: null,
  signedAt: null,
  gmAbsentReason: null,
  rejectedBy: null,
  rejectedByName: null,
  rejectedAt: null,
  rejectReason: null,
  ticketId: null,
  ticketNumber: null,
  letterId: null,
  canSign: true,
  signNeedsGmAbsentReason: true,
  createdAt: '2026-03-09T01:00:00.000Z',
  updatedAt: '2026-03-09T01:00:00.000Z',
  version: 1,
  ...overrides,
});

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

describe('service notice (FS-1)', { timeout: 20_000 }, () => {
  it('has the department head give the GM-absent reason when signing, then links the request and offers the letter', async () => {
    const api = stubFetch({
      'GET /field/notices/3': { body: notice() },
      'POST /field/notices/3/sign': {
        body: notice({
          status: 'signed',
          version: 2,
          signedBy: 2,
          signedByName: '张伟',
          signedAs: 'department_head',
          signedAt: '2026-03-09T02:00:00.000Z',
          gmAbsentReason: '总经理出差',
          ticketId: 42,
          ticketNumber: 'SR-20260309-0001',
          canSign: false,
        }),
      },
    });
    renderAs(<NoticeDetailPage />, { path: '/field/notices/:id', url: '/field/notices/3', permissions: HEAD, userId: 2 });
    fireEvent.click(await screen.findByTestId('notice-sign'));
    fireEvent.click(await screen.findByTestId('notice-dialog-ok'));
    expect(await screen.findByText('A department head signing for the GM must say why the GM is absent (FS-1)')).toBeTruthy();
    expect(api.sent('POST /field/notices/3/sign')).toHaveLength(0);
    fireEvent.change(screen.getByTestId('notice-gm-absent'), { target: { value: '总经理出差' } });
    fireEvent.click(screen.getByTestId('notice-dialog-ok'));
    await waitFor(() => expect(api.sent('POST /field/notices/3/sign')).toHaveLength(1));
    expect(api.sent('POST /field/notices/3/sign')[0].body).toEqual({ version: 1, gmAbsentReason: '总经理出差' });
    expect((await screen.findByTestId('notice-ticket')).getAttribute('href')).toBe('/tickets/42');
    expect(screen.getByTestId('notice-create-letter')).toBeTruthy();
    expect(screen.getByText('GM absent: 总经理出差')).toBeTruthy();
  });

  it('rejects with a reason', async () => {
    const api = stubFetch({
      'GET /field/notices/3': { body: notice({ signNeedsGmAbsentReason: false }) },
      'POST /field/notices/3/reject': {
        body: notice({ status: 'rejected', version: 2, rejectReason: '信息不全', rejectedByName: '王总', canSign: false }),
      },
    });
    renderAs(<NoticeDetailPage />, { path: '/field/notices/:id', url: '/field/notices/3', permissions: HEAD, userId: 1 });
    fireEvent.click(await screen.findByTestId('notice-reject'));
    fireEvent.change(await screen.findByTestId('notice-reject-reason'), { target: { value: '信息不全' } });
    fireEvent.click(screen.getByTestId('notice-dialog-ok'));
    await waitFor(() => expect(api.sent('POST /field/notices/3/reject')).toHaveLength(1));
    expect(api.sent('POST /field/notices/3/reject')[0].body).toEqual({ version: 1, reason: '信息不全' });
    expect(await screen.findByText('Rejected by 王总: 信息不全')).toBeTruthy();
  });
});
