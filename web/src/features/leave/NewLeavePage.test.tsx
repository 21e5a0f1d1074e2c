import type { TPermission } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { type TRoutes, stubFetch } from '../../test/stubFetch';
import { renderAs } from '../../test/renderAs';
import { leaveFixture, policyFixture } from './fixtures';
import { NewLeavePage } from './NewLeavePage';
import { typeDate } from '../../test/typeDate';

afterEach(() => vi.unstubAllGlobals());

const colleagues = { items: [{ id: 12, name: '钱敏', employeeNo: null, sameTeam: true }] };
const base: TRoutes = { 'GET /policy/in-force': { body: policyFixture() }, 'GET /leave/stand-ins': { body: colleagues } };
const permissions: TPermission[] = ['leave.request', 'users.read', 'policy.read'];
const at = (url = '/leave/new') => ({ path: '/leave/new', url, permissions, userId: 11 });

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const date = (label: string, value: string) => typeDate(screen.getByLabelText(label), value);
const fieldOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item') as HTMLElement;
async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  fireEvent.click(await screen.findByTitle(option));
}

async function fillIn() {
  await pick('假别', '事假');
  date('开始日期', '2026-03-05');
  date('结束日期', '2026-03-06');
  type('请假事由', '家中有事');
  await pick('工作代理人', '钱敏');
  fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
}

const noticeRefused = {
  status: 422,
  body: {
    error: {
      code: 'rule_violation',
      ruleId: 'RS-4',
      message: 'RS-4: Personal leave of 2 working day(s) must be filed 1 day(s) ahead; the earliest first day is 2026-03-07',
      reason: 'leave.mustFileAhead',
      params: { type: { 'zh-CN': '事假', en: 'Personal leave' }, days: 2, noticeDays: 1, firstDay: '2026-03-07' },
      details: [
        {
          path: 'body.startDate',
          message: 'Personal leave of 2 working day(s) must be filed 1 day(s) ahead; the earliest first day is 2026-03-07',
          reason: 'leave.mustFileAhead',
          params: { type: { 'zh-CN': '事假', en: 'Personal leave' }, days: 2, noticeDays: 1, firstDay: '2026-03-07' },
        },
      ],
    },
  },
};

describe('NewLeavePage', () => {
  it('files the leave once (Idempotency-Key) and opens it', async () => {
    const fetch = stubFetch({ ...base, 'POST /leave-requests': { status: 201, body: leaveFixture({ userId: 11 }) } });
    renderAs(<NewLeavePage />, at());
    await fillIn();
    expect((await screen.findByTestId('elsewhere')).textContent).toBe('/leave/7');
    const [sent] = fetch.sent('POST /leave-requests');
    expect(sent.body).toEqual({
      typeId: 'personal',
      startDate: '2026-03-05',
      endDate: '2026-03-06',
      reason: '家中有事',
      standInId: 12,
      emergency: false,
    });
    expect(sent.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  }, 40_000);

  it('puts an RS-4 notice refusal (422) on the first day, in Chinese', async () => {
    stubFetch({ ...base, 'POST /leave-requests': noticeRefused });
    renderAs(<NewLeavePage />, at());
    await fillIn();
    const said = '事假 2 个工作日须提前 1 天申请，最早从 2026-03-07 开始';
    expect(await within(fieldOf('开始日期')).findByText(said)).toBeTruthy();
    expect(await screen.findByText(`${said}（规则 RS-4）`)).toBeTruthy();
    expect(screen.queryByText(/working day\(s\)/)).toBeNull();
  }, 40_000);

  it('keeps the server’s words at the field in English', async () => {
    await i18n.changeLanguage('en');
    try {
      stubFetch({
        ...base,
        'POST /leave-requests': {
          status: 422,
          body: {
            error: {
              code: 'invalid_value',
              ruleId: 'RS-4',
              message: 'body.standInId: no such active member of staff',
              details: [{ path: 'body.standInId', message: 'no such active member of staff' }],
            },
          },
        },
      });
      renderAs(<NewLeavePage />, at());
      await pick('Type', 'Personal leave');
      date('First day', '2026-03-05');
      date('Last day', '2026-03-06');
      type('Reason', 'family matters');
      await pick('Stand-in', '钱敏');
      fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
      expect(await within(fieldOf('Stand-in')).findByText('no such active member of staff')).toBeTruthy();
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  }, 40_000);

  it('marks an overlap with another leave (409) on the first day', async () => {
    stubFetch({
      ...base,
      'POST /leave-requests': {
        status: 409,
        body: {
          error: {
            code: 'conflict',
            message: 'You already asked for leave #3 (2026-03-04–2026-03-05) on some of these days',
            details: [{ path: 'body.startDate', message: 'overlaps leave #3' }],
          },
        },
      },
    });
    renderAs(<NewLeavePage />, at());
    await fillIn();
    expect(await within(fieldOf('开始日期')).findByText('与请假 #3 日期重叠')).toBeTruthy();
    expect(await screen.findByText('与您的请假 #3（2026-03-04～2026-03-05）日期重叠')).toBeTruthy();
  }, 40_000);

  it('extends an approved leave from the day after it ends (RS-4)', async () => {
    const fetch = stubFetch({
      ...base,
      'GET /leave-requests/7': { body: leaveFixture({ userId: 11, status: 'approved' }) },
      'POST /leave-requests': { status: 201, body: leaveFixture({ id: 8, userId: 11, extendsId: 7 }) },
    });
    renderAs(<NewLeavePage />, at('/leave/new?extends=7'));
    expect(
      await screen.findByText('续请假 #7（2026-03-05 ～ 2026-03-06），自 2026-03-07 起。续假同样须经批准，否则按旷工处理（RS-4）。'),
    ).toBeTruthy();
    const start = screen.getByLabelText('开始日期') as HTMLInputElement;
    expect(start.value).toBe('2026-03-07');
    expect(start.disabled).toBe(true);
    date('结束日期', '2026-03-09');
    type('请假事由', '未痊愈');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(fetch.sent('POST /leave-requests')).toHaveLength(1));
    expect(fetch.sent('POST /leave-requests')[0].body).toEqual({
      typeId: 'personal',
      startDate: '2026-03-07',
      endDate: '2026-03-09',
      reason: '未痊愈',
      standInId: 12,
      contactPhone: '13800000000',
      emergency: false,
      extendsId: 7,
    });
  }, 40_000);
});
