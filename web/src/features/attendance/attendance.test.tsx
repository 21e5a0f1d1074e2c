import type { TPermission } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { itHasMatchingBundles } from '../../i18n/bundleParity';
import { buildMenuItems, menuLeaves } from '../../layout/buildMenuItems';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { ClockInPage } from './ClockInPage';
import { CorrectionsPage } from './CorrectionsPage';
import { punchFixture, rollupFixture, todayFixture } from './fixtures';
import { en, zhCN } from './i18n';
import { ImportPage } from './ImportPage';
import { OvertimePage } from './OvertimePage';
import { RollupPage } from './RollupPage';
import { SpotCheckPage } from './SpotCheckPage';

afterEach(() => vi.unstubAllGlobals());

describe('attendance texts', () => {
  itHasMatchingBundles(zhCN, en);
  it('say every day status in both languages', async () => {
    const { DAY_STATUSES } = await import('@techserve/core');
    for (const s of DAY_STATUSES) {
      expect(zhCN).toHaveProperty(`status_${s}`);
      expect(en).toHaveProperty(`status_${s}`);
    }
  });
});

describe('ClockInPage at 390 px (RS-1)', () => {
  const punch: TPermission[] = ['attendance.punch'];
  it('shows the shift, the late mark with its explanation and the flagged punch; punching sends the device and refreshes', async () => {
    viewportWidth(390);
    const api = stubFetch({
      'GET /attendance/today': { body: todayFixture() },
      'POST /attendance/punches': { status: 201, body: punchFixture({ id: 2, at: '2026-03-03T04:00:00.000Z', outsideGeofence: false }) },
    });
    renderAs(<ClockInPage />, { path: '/attendance', url: '/attendance', permissions: punch });
    const card = await screen.findByTestId('clock-card');
    expect(within(card).getByText('现场：住院部')).toBeTruthy();
    expect(within(card).getByText('08:00–12:00')).toBeTruthy();
    expect(within(card).getByTestId('day-status-late').textContent).toBe('迟到');
    expect(within(card).getByTestId('today-explanation').textContent).toContain('晚 16 分钟');
    expect(screen.getByText('不在考勤范围内（7700 米）')).toBeTruthy();
    fireEvent.click(screen.getByTestId('punch'));
    await waitFor(() => expect(api.bodies('POST /attendance/punches')).toEqual([{ device: 'phone' }]));
    await waitFor(() => expect(api.sent('GET /attendance/today').length).toBeGreaterThan(1));
  });
});

describe('CorrectionsPage (item 3)', () => {
  it('lists the inbox and approves with the version read', async () => {
    viewportWidth(1280);
    const correction = {
      id: 4,
      userId: 11,
      userName: '张驻场',
      date: '2026-03-10',
      time: '18:00',
      at: '2026-03-10T10:00:00.000Z',
      reason: '忘记打卡',
      status: 'submitted',
      decidedByName: null,
      decidedAt: null,
      decisionComment: null,
      adjustmentId: null,
      clientStatus: null,
      createdAt: '2026-03-11T01:00:00.000Z',
      version: 1,
    };
    const api = stubFetch({
      'GET /attendance/corrections': { body: { items: [correction], nextCursor: null } },
      'POST /attendance/corrections/4/decision': { body: { ...correction, status: 'approved', version: 2 } },
    });
    renderAs(<CorrectionsPage />, { path: '/attendance/corrections', url: '/attendance/corrections', permissions: ['attendance.approve'] });
    expect(await screen.findByText('忘记打卡')).toBeTruthy();
    fireEvent.click(screen.getByTestId('approve-4'));
    await waitFor(() => expect(api.bodies('POST /attendance/corrections/4/decision')).toEqual([{ version: 1, approve: true }]));
  });
});

describe('RollupPage (item 6)', () => {
  it('shows each person with late count and minutes and the explanation due', async () => {
    viewportWidth(1280);
    stubFetch({ 'GET /attendance/rollup': { body: { month: '2026-03', closed: false, items: [rollupFixture()] } } });
    renderAs(<RollupPage />, {
      path: '/attendance/rollup',
      url: '/attendance/rollup?month=2026-03',
      permissions: ['attendance.read'],
      scope: 'site',
    });
    const table = await screen.findByTestId('rollup-table');
    expect(await within(table).findByText('张驻场')).toBeTruthy();
    expect(within(table).getByTestId('due-11').textContent).toBe('需提交缺勤情况说明');
    expect(within(table).getByText('2 次 / 40 分钟')).toBeTruthy();
  });

  it('menu entries follow the permissions', () => {
    const keys = (p: TPermission[]) => menuLeaves(buildMenuItems(p, i18n.t.bind(i18n))).map((i) => i.key);
    expect(keys(['attendance.punch'])).toContain('/attendance');
    expect(keys(['attendance.read'])).toContain('/attendance/rollup');
    expect(keys(['attendance.read'])).not.toContain('/attendance');
    expect(keys(['attendance.approve'])).toContain('/attendance/corrections');
  });
});

describe('ImportPage (item 2)', () => {
  it('previews a file and lists the refused rows with their reasons in Chinese', async () => {
    viewportWidth(1280);
    const api = stubFetch({
      // The streamed answer's last line (one JSON line: {"result": …}).
      'POST /attendance/imports': {
        body: {
          result: {
            machineType: 'default',
            mapping: { employeeNo: '工号', dateTime: '打卡时间' },
            dryRun: true,
            rows: 3,
            imported: 2,
            duplicates: 0,
            refused: [
              { line: 3, reason: 'attendance.importUnknownEmployee', params: { line: 3, employeeNo: 'Z9' }, raw: 'Z9,2026-03-02 08:00' },
            ],
            preview: [],
          },
        },
      },
    });
    const { container } = renderAs(<ImportPage />, {
      path: '/attendance/import',
      url: '/attendance/import',
      permissions: ['attendance.manage'],
    });
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['工号,打卡时间\nA1,2026-03-02 08:00\n'], 'm.csv', { type: 'text/csv' })] } });
    fireEvent.click(await screen.findByTestId('import-preview'));
    const result = await screen.findByTestId('import-result');
    expect(within(result).getByText('共 3 行：可导入 2 行（预览不写入），重复 0 行，拒绝 1 行')).toBeTruthy();
    expect(within(result).getByText('第 3 行：没有工号为 Z9 的在职员工')).toBeTruthy();
    expect(api.bodies('POST /attendance/imports')).toEqual([{ machineType: 'default', contentBase64: expect.any(String), dryRun: true }]);
    expect(api.sent('POST /attendance/imports')[0].headers.accept).toBe('application/x-ndjson');
  });

  it('shows the refusal streamed at the end as an error, not a result', async () => {
    viewportWidth(1280);
    stubFetch({
      'POST /attendance/imports': {
        body: { status: 422, error: { code: 'rule_violation', message: 'columns', reason: 'attendance.importColumns', params: {} } },
      },
    });
    const { container } = renderAs(<ImportPage />, {
      path: '/attendance/import',
      url: '/attendance/import',
      permissions: ['attendance.manage'],
    });
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x,y\n'], 'm.xlsx')] } });
    fireEvent.click(await screen.findByTestId('import-run'));
    await waitFor(() => expect(screen.queryByTestId('import-progress')).toBeNull());
    expect(screen.queryByTestId('import-result')).toBeNull();
  });
});

describe('OvertimePage at 390 px (AT-5, AT-5b)', () => {
  const line = {
    overtimeId: 7,
    userId: 11,
    userName: '张驻场',
    employeeNo: 'A1',
    kind: 'voluntary',
    date: '2026-02-14',
    start: '18:00',
    end: '20:00',
    dayKind: 'workday',
    approvedMinutes: 120,
    workedMinutes: 120,
    paidMinutes: 120,
    paidHours: 2,
    ratePercent: 150,
    compensation: 'pay',
    policyVersion: 1,
    bookedFrom: null,
    explanations: [
      {
        ruleId: 'AT-5b',
        policyVersion: 1,
        inputs: {},
        result: {},
        text: { 'zh-CN': 'AT-5b：2026-02-14 是工作日（调休上班日按工作日计）：加班工资按 150% 计', en: 'AT-5b: working day' },
      },
    ],
  };
  it('requests overtime from the phone form and shows the month with its explanation', async () => {
    viewportWidth(390);
    const api = stubFetch({
      'GET /attendance/overtime/month': {
        body: {
          userId: 11,
          userName: '张驻场',
          month: '2026-02',
          closed: false,
          lines: [line],
          totals: { byRate: [{ ratePercent: 150, paidMinutes: 120 }], timeOffMinutes: 0 },
        },
      },
      'GET /attendance/overtime': { body: { items: [], nextCursor: null } },
      'POST /attendance/overtime': { status: 201, body: {} },
    });
    renderAs(<OvertimePage />, { path: '/attendance/overtime', url: '/attendance/overtime', permissions: ['attendance.punch'] });
    fireEvent.change(await screen.findByTestId('overtime-date'), { target: { value: '2026-02-14' } });
    fireEvent.change(screen.getByTestId('overtime-reason'), { target: { value: '上线前赶进度' } });
    fireEvent.click(screen.getByTestId('overtime-submit'));
    await waitFor(() =>
      expect(api.bodies('POST /attendance/overtime')).toEqual([
        { kind: 'voluntary', date: '2026-02-14', start: '18:00', end: '20:00', reason: '上线前赶进度' },
      ]),
    );
    fireEvent.click(screen.getByText('我的加班'));
    const item = await screen.findByTestId('overtime-line-7');
    expect(within(item).getByText('2 小时 × 150%')).toBeTruthy();
    expect(within(item).getByTestId('overtime-explanation').textContent).toContain('调休上班日按工作日计');
  });

  it('gives the superior an inbox to approve with the version read', async () => {
    viewportWidth(390);
    const o = {
      id: 3,
      userId: 11,
      userName: '张驻场',
      kind: 'ordered',
      projectId: null,
      date: '2026-02-14',
      start: '18:00',
      end: '20:00',
      startAt: '',
      endAt: '',
      reason: '抢修',
      status: 'submitted',
      requestedByName: '李经理',
      decidedByName: null,
      decidedAt: null,
      decisionComment: null,
      createdAt: '',
      version: 1,
    };
    const api = stubFetch({
      'GET /attendance/overtime': { body: { items: [o], nextCursor: null } },
      'POST /attendance/overtime/3/decision': { body: { ...o, status: 'approved', version: 2 } },
    });
    renderAs(<OvertimePage />, {
      path: '/attendance/overtime',
      url: '/attendance/overtime',
      permissions: ['attendance.punch', 'attendance.approve'],
    });
    expect((await screen.findByTestId('overtime-3')).textContent).toContain('由 李经理 安排');
    fireEvent.click(screen.getByTestId('overtime-approve-3'));
    await waitFor(() => expect(api.bodies('POST /attendance/overtime/3/decision')).toEqual([{ version: 1, approve: true }]));
  });
});

describe('SpotCheckPage (item 8)', () => {
  it('lists the site’s residents at 390 px and sends a stand-in finding', async () => {
    viewportWidth(390);
    const api = stubFetch({
      'GET /attendance/rollup': { body: { month: '2026-03', closed: false, items: [rollupFixture()] } },
      'GET /attendance/spot-checks': { body: { items: [] } },
      'POST /attendance/spot-checks': {
        status: 201,
        body: { id: 1, siteId: 5, at: '2026-03-03T02:00:00.000Z', note: null, checkedByName: '信息科', people: [] },
      },
    });
    renderAs(<SpotCheckPage />, {
      path: '/attendance/spot-check',
      url: '/attendance/spot-check',
      permissions: ['attendance.spotcheck', 'attendance.read'],
      scope: 'site',
    });
    const card = await screen.findByTestId('spot-check-card');
    expect(within(card).getByText('张驻场')).toBeTruthy();
    fireEvent.click(within(card).getByText('他人代岗'));
    fireEvent.click(screen.getByTestId('spot-check-save'));
    await waitFor(() =>
      expect(api.bodies('POST /attendance/spot-checks')).toEqual([{ siteId: 5, people: [{ userId: 11, finding: 'standIn' }] }]),
    );
  });
});
