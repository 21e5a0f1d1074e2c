import type { TConductMonthOut, TExplanation, TOperationsRecord, TPermission, TResidentSite } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { itHasMatchingBundles } from '../../i18n/bundleParity';
import { buildMenuItems, menuLeaves } from '../../layout/buildMenuItems';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { ConductPage } from './ConductPage';
import { en, zhCN } from './i18n';
import { RecordsPage } from './RecordsPage';
import { SitePage } from './SitePage';

afterEach(() => vi.unstubAllGlobals());

const explanation = (ruleId: string, zh: string, en: string): TExplanation => ({
  ruleId,
  policyVersion: null,
  inputs: {},
  result: null,
  text: { 'zh-CN': `${ruleId}：${zh}`, en: `${ruleId}: ${en}` },
});

const siteFixture = (over: Partial<TResidentSite> = {}): TResidentSite => ({
  siteId: 3,
  siteName: '住院部',
  contract: { siteId: 3, headcount: 3, startDate: '2026-01-01', endDate: '2028-12-31', note: null, version: 2 },
  staffing: {
    date: '2026-04-02',
    contracted: 3,
    active: 2,
    inPeriod: true,
    underStaffed: true,
    shortBy: 1,
    explanation: explanation('RS-11', '驻场合同约定 3 人，在岗 2 人：缺 1 人', 'The contract states 3; 2 active: 1 short'),
  },
  residents: [
    { id: 11, name: '张驻场' },
    { id: 12, name: '李驻场' },
  ],
  signers: [{ id: 21, name: '王科长' }],
  equipment: [{ id: 1, siteId: 3, name: '核心交换机', model: 'S7706', serialNo: null, location: null, note: null, version: 1 }],
  backups: [],
  configChanges: [
    {
      id: 1,
      siteId: 3,
      at: '2026-04-01T02:00:00.000Z',
      system: '防火墙',
      description: '开放 443 端口',
      authorisedBy: '王科长',
      authorisedAt: '2026-04-01T01:00:00.000Z',
      reference: null,
      recordedBy: { id: 11, name: '张驻场' },
    },
  ],
  ...over,
});

const recordFixture = (over: Partial<TOperationsRecord> = {}): TOperationsRecord => ({
  id: 7,
  siteId: 3,
  date: '2026-03-31',
  startTime: '14:00',
  endTime: '16:30',
  place: '信息中心机房',
  content: '更换核心交换机电源模块',
  result: '业务恢复',
  people: [{ name: '张工', inTime: '14:00', outTime: '16:30' }],
  headcount: 1,
  status: 'awaiting_approval',
  signedHow: 'app',
  signerName: null,
  approver: { id: 21, name: '王科长' },
  signedAt: null,
  signatureUrl: null,
  recordedBy: { id: 11, name: '张驻场' },
  version: 1,
  ...over,
});

const sites = { 'GET /residents/sites': { body: { items: [{ id: 3, name: '住院部' }] } } };

describe('residents texts and menu', () => {
  itHasMatchingBundles(zhCN, en);
  it('shows the three entries to residents.read only', () => {
    const t = i18n.t.bind(i18n);
    const keys = (perms: TPermission[]) => menuLeaves(buildMenuItems(perms, t)).map((i) => i.key);
    expect(keys(['residents.read'])).toEqual(expect.arrayContaining(['/residents', '/residents/records', '/residents/conduct']));
    expect(keys([])).not.toContain('/residents');
  });
});

describe('SitePage (RS-11)', () => {
  it('warns that the site is one short, with the explanation, and shows the authorised configuration change', async () => {
    viewportWidth(390);
    stubFetch({ ...sites, 'GET /residents/sites/3': { body: siteFixture() } });
    renderAs(<SitePage />, { path: '/residents', url: '/residents', permissions: ['residents.read'], scope: 'site' });
    const staffing = await screen.findByTestId('staffing', {}, { timeout: 8000 });
    expect(staffing.textContent).toContain('人员不足：缺 1 人');
    expect(staffing.textContent).toContain('在岗 2 人 / 约定 3 人');
    // Issue 12 item 7: the client's IT office (site scope) reads the explanation without internal rule ids.
    const explanation = within(staffing).getByTestId('staffing-explanation').textContent;
    expect(explanation).toContain('驻场合同约定 3 人，在岗 2 人：缺 1 人');
    expect(explanation).not.toContain('RS-11');
    expect(screen.getByTestId('config-changes').textContent).toContain('王科长 于 2026-04-01');
    // A client user cannot set the contract or add to the register.
    expect(screen.queryByText('保存合同')).toBeNull();
    expect(screen.queryByText('登记设备')).toBeNull();
  });

  it('says the contract is met when the head-count is exactly met', async () => {
    viewportWidth(1280);
    const staffing = { ...siteFixture().staffing!, active: 3, underStaffed: false, shortBy: 0 };
    stubFetch({ ...sites, 'GET /residents/sites/3': { body: siteFixture({ staffing }) } });
    renderAs(<SitePage />, { path: '/residents', url: '/residents', permissions: ['residents.read', 'residents.manage'] });
    expect((await screen.findByTestId('staffing', {}, { timeout: 8000 })).textContent).toContain('人员满足合同要求');
    expect(screen.getByText('保存合同')).toBeTruthy();
  });

  it('RS-11: edits an equipment entry at 390 px with the version read, every field sent', async () => {
    viewportWidth(390);
    const api = stubFetch({
      ...sites,
      'GET /residents/sites/3': { body: siteFixture() },
      'PATCH /residents/equipment/1': {
        body: { id: 1, siteId: 3, name: '核心交换机', model: 'S7706', serialNo: null, location: '一楼机房', note: null, version: 2 },
      },
    });
    renderAs(<SitePage />, { path: '/residents', url: '/residents', permissions: ['residents.read', 'residents.write'] });
    fireEvent.click(await screen.findByTestId('edit-equipment-1', {}, { timeout: 8000 }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('位置'), { target: { value: '一楼机房' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() =>
      expect(api.bodies('PATCH /residents/equipment/1')).toEqual([
        { name: '核心交换机', model: 'S7706', serialNo: null, location: '一楼机房', note: null, version: 1 },
      ]),
    );
  });

  it('shows no edit button without residents.write', async () => {
    stubFetch({ ...sites, 'GET /residents/sites/3': { body: siteFixture() } });
    renderAs(<SitePage />, { path: '/residents', url: '/residents', permissions: ['residents.read'], scope: 'site' });
    await screen.findByTestId('equipment-1', {}, { timeout: 8000 });
    expect(screen.queryByTestId('edit-equipment-1')).toBeNull();
  });
});

describe('RecordsPage at 390 px (RS-8)', () => {
  it('lets the named client user approve in the app with the version read', async () => {
    viewportWidth(390);
    const api = stubFetch({
      ...sites,
      'GET /residents/sites/3': { body: siteFixture() },
      'GET /residents/sites/3/records': { body: { month: '2026-03', items: [recordFixture()] } },
      'POST /residents/records/7/approve': { body: recordFixture({ status: 'signed', signerName: '王科长', version: 2 }) },
    });
    renderAs(<RecordsPage />, {
      path: '/residents/records',
      url: '/residents/records',
      permissions: ['residents.read', 'residents.sign'],
      userId: 21,
    });
    const card = await screen.findByTestId('record-7', {}, { timeout: 8000 });
    expect(card.textContent).toContain('待 王科长 确认');
    expect(card.textContent).toContain('1 人');
    fireEvent.click(within(card).getByTestId('approve'));
    await waitFor(() => expect(api.bodies('POST /residents/records/7/approve')).toEqual([{ version: 1 }]));
    expect(screen.queryByTestId('new-record')).toBeNull();
  });

  it('offers a resident the new record with the signature pad; another user sees no approve button', async () => {
    viewportWidth(390);
    stubFetch({
      ...sites,
      'GET /residents/sites/3': { body: siteFixture() },
      'GET /residents/sites/3/records': { body: { month: '2026-03', items: [recordFixture()] } },
    });
    renderAs(<RecordsPage />, {
      path: '/residents/records',
      url: '/residents/records',
      permissions: ['residents.read', 'residents.write'],
      userId: 11,
    });
    await screen.findByTestId('record-7', {}, { timeout: 8000 });
    expect(screen.queryByTestId('approve')).toBeNull();
    fireEvent.click(screen.getByTestId('new-record'));
    expect(await screen.findByText('甲方负责人现场签名')).toBeTruthy();
    expect(screen.getByText('签字人')).toBeTruthy();
  });
});

describe('ConductPage (RS-9)', () => {
  it('shows each person’s total combining attendance and recorded points, explained, and the evidence', async () => {
    viewportWidth(390);
    const month: TConductMonthOut = {
      month: '2026-03',
      closed: false,
      totals: [
        {
          userId: 11,
          userName: '张驻场',
          month: '2026-03',
          fromEvaluation: 5,
          recorded: 10,
          adjustments: 0,
          total: 15,
          explanations: [explanation('RS-9', '2026-03 扣分合计 15 分', '2026-03: 15 points in all')],
        },
      ],
      points: [
        {
          id: 4,
          userId: 11,
          userName: '张驻场',
          siteId: 3,
          date: '2026-03-31',
          itemId: 'smoking',
          itemName: { 'zh-CN': '在办公场所吸烟', en: 'Smoking in the office' },
          points: 10,
          source: 'policy',
          policyVersion: 1,
          evidence: '监控截图',
          attachment: {
            fileName: '截图.pdf',
            contentType: 'application/pdf',
            size: 10,
            url: '/api/v1/residents/conduct-points/4/attachment',
          },
          recordedBy: { id: 21, name: '王科长' },
          createdAt: '2026-04-02T02:00:00.000Z',
          status: 'active',
          withdrawReason: null,
          adjustmentId: null,
          explanation: explanation('RS-9', '2026-03-31「在办公场所吸烟」扣 10 分', '10 points'),
          version: 1,
        },
      ],
      items: [{ id: 'smoking', name: { 'zh-CN': '在办公场所吸烟', en: 'Smoking in the office' }, points: 10 }],
    };
    stubFetch({ ...sites, 'GET /residents/conduct': { body: month } });
    renderAs(<ConductPage />, {
      path: '/residents/conduct',
      url: '/residents/conduct',
      permissions: ['residents.read', 'residents.conduct'],
      scope: 'site',
    });
    const total = await screen.findByTestId('total-11', {}, { timeout: 8000 });
    expect(total.textContent).toContain('考勤扣分 5');
    expect(total.textContent).toContain('合计 15');
    expect(within(total).getByTestId('total-explanation').textContent).toContain('扣分合计 15 分');
    const point = screen.getByTestId('point-4');
    expect(point.textContent).toContain('截图.pdf');
    expect(screen.getByTestId('withdraw-4')).toBeTruthy();
    expect(screen.getByTestId('new-point')).toBeTruthy();
  });
});
