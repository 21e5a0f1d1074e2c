import type { TPersonnelChange } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { itHasMatchingBundles } from '../../i18n/bundleParity';
import { buildMenuItems, menuLeaves } from '../../layout/buildMenuItems';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { leaveFixture } from '../leave/fixtures';
import { ChangeDetailPage } from './ChangeDetailPage';
import { ClientInboxPage } from './ClientInboxPage';
import { en, zhCN } from './i18n';

afterEach(() => vi.unstubAllGlobals());

const changeFixture = (extra: Partial<TPersonnelChange> = {}): TPersonnelChange => ({
  id: 3,
  kind: 'change',
  status: 'handover',
  siteId: 5,
  siteName: '住院部',
  outgoingUserId: 11,
  outgoingName: '张驻场',
  incomingUserId: 12,
  incomingName: '李新',
  qualifications: '网络工程师中级',
  cv: { fileName: '简历.pdf', contentType: 'application/pdf', size: 100 },
  reason: '个人原因',
  reasonKind: null,
  noticeOn: '2026-02-10',
  changeDate: '2026-03-20',
  requestDeadline: '2026-03-04',
  requestedOn: '2026-03-04T09:00:00.000Z',
  dueDate: null,
  overdue: false,
  companyDecision: { byName: '王主管', at: '2026-03-04T10:00:00.000Z', comment: null },
  clientDecision: { byName: '信息科', at: '2026-03-04T11:00:00.000Z', comment: null },
  handoverStart: '2026-03-05',
  handoverEnd: '2026-03-18',
  checklist: [
    { item: 'operations_documents', done: true, byName: '王主管', at: '2026-03-06T02:00:00.000Z', note: null },
    { item: 'status_report', done: true, byName: '王主管', at: '2026-03-06T02:00:00.000Z', note: null },
    { item: 'onsite_training', done: true, byName: '王主管', at: '2026-03-06T02:00:00.000Z', note: null },
  ],
  test: null,
  signatures: [{ role: 'outgoing', byName: '张驻场', at: '2026-03-18T09:00:00.000Z', method: 'device', signatureId: 1 }],
  hasPdf: false,
  cancellation: null,
  explanations: [],
  timeline: [{ at: '2026-02-10T02:00:00.000Z', event: 'notice', byName: '王主管' }],
  createdAt: '2026-02-10T02:00:00.000Z',
  version: 9,
  ...extra,
});

describe('personnel texts and menu', () => {
  itHasMatchingBundles(zhCN, en);
  it('shows 人员变更 with personnel.read and 甲方审批 with personnel.client', () => {
    const keys = (permissions: string[]) => menuLeaves(buildMenuItems(permissions as never, i18n.t.bind(i18n))).map((m) => m.key);
    expect(keys(['personnel.read'])).toContain('/personnel/changes');
    expect(keys(['personnel.client'])).toContain('/personnel/client-inbox');
    expect(keys(['personnel.sign'])).not.toContain('/personnel/changes');
  });
});

describe('ChangeDetailPage at 390 px (RS-6)', () => {
  it('shows the checklist and timeline and signs the confirmation form as the newcomer, approved in the app', async () => {
    viewportWidth(390);
    const api = stubFetch({
      'GET /personnel-changes/3': { body: changeFixture() },
      'POST /personnel-changes/3/signatures': { body: changeFixture({ version: 10 }) },
    });
    renderAs(<ChangeDetailPage />, { path: '/personnel/changes/:id', url: '/personnel/changes/3', permissions: ['personnel.sign'] });
    expect(await screen.findByText('交接中')).toBeTruthy();
    expect(screen.getByText('现场培训')).toBeTruthy();
    expect(screen.getByText('原驻场人员：张驻场 · 手写签名')).toBeTruthy();
    fireEvent.click(within(screen.getByTestId('sign-card')).getByText('接任人员'));
    fireEvent.click(screen.getByTestId('sign-form'));
    await waitFor(() => expect(api.bodies('POST /personnel-changes/3/signatures')).toEqual([{ version: 9, role: 'incoming' }]));
  });
});

describe('ClientInboxPage (RS-4b, item 3)', () => {
  it('RS-4b: signs and archives an emergency leave form in the app with the version read', async () => {
    viewportWidth(390);
    const waiting = leaveFixture({ id: 12, emergency: true, userName: '张驻场', version: 3 });
    const api = stubFetch({
      'GET /client-approvals': { body: { items: [] } },
      'GET /client-emergency-leave': { body: { items: [waiting] } },
      'POST /leave-requests/12/form-archive': {
        body: leaveFixture({ id: 12, emergency: true, formArchive: { byName: '李信息科', at: '2026-03-26T02:00:00.000Z' } }),
      },
    });
    renderAs(<ClientInboxPage />, {
      path: '/personnel/client-inbox',
      url: '/personnel/client-inbox',
      permissions: ['personnel.client'],
      scope: 'site',
    });
    const item = await screen.findByTestId('emergency-form-12');
    fireEvent.click(within(item).getByTestId('sign-form-12'));
    fireEvent.click(await within(item).findByTestId('archive-form-12'));
    await waitFor(() => expect(api.bodies('POST /leave-requests/12/form-archive')).toEqual([{ version: 3 }]));
  });

  it('lists what waits for the client and approves an extension with the version read', async () => {
    viewportWidth(390);
    const api = stubFetch({
      'GET /client-approvals': {
        body: {
          items: [
            {
              kind: 'leave_extension',
              id: 8,
              userName: '张驻场',
              summary: '2026-03-17 – 2026-03-17: 家中有事',
              companyDecidedByName: '王总',
              companyDecidedAt: null,
              version: 2,
            },
          ],
        },
      },
      'POST /client-approvals/leave_extension/8': { body: { ok: true } },
      'GET /client-emergency-leave': { body: { items: [] } },
    });
    renderAs(<ClientInboxPage />, {
      path: '/personnel/client-inbox',
      url: '/personnel/client-inbox',
      permissions: ['personnel.client'],
      scope: 'site',
    });
    const item = await screen.findByTestId('inbox-leave_extension-8');
    expect(within(item).getByText('续假')).toBeTruthy();
    expect(within(item).getByText('公司审批：王总')).toBeTruthy();
    fireEvent.click(within(item).getByTestId('approve-leave_extension-8'));
    await waitFor(() => expect(api.bodies('POST /client-approvals/leave_extension/8')).toEqual([{ version: 2, approve: true }]));
  });
});
