import { defaultPolicy } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { LeaveRequestForm } from './LeaveRequestForm';
import { typeDate } from '../../test/typeDate';

afterEach(() => vi.unstubAllGlobals());

const colleagues = { items: [{ id: 12, name: '钱敏', employeeNo: 'E012', sameTeam: true }] };

function renderForm(onSubmit = vi.fn(), policy = defaultPolicy().leave) {
  stubFetch({ 'GET /leave/stand-ins': { body: colleagues } });
  renderAs(<LeaveRequestForm policy={policy} onSubmit={onSubmit} />, {
    path: '/leave/new',
    url: '/leave/new',
    permissions: ['leave.request', 'users.read'],
    userId: 11,
  });
  return onSubmit;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const date = (label: string, value: string) => typeDate(screen.getByLabelText(label), value);
async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  fireEvent.click(await screen.findByTitle(option));
}

describe('LeaveRequestForm (RS-4/AT-4)', () => {
  it('sends the shared schema’s body: type, dates, reason, stand-in, phone and the emergency box', async () => {
    const onSubmit = renderForm();
    await pick('假别', '病假');
    date('开始日期', '2026-03-05');
    date('结束日期', '2026-03-06');
    type('请假事由', '发烧');
    await pick('工作代理人', '钱敏（E012）');
    type('请假期间联系电话', ' 13800000000 ');
    fireEvent.click(screen.getByRole('checkbox', { name: '紧急情况，已先告知负责人，事后补办 (RS-4)' }));
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({
      typeId: 'sick',
      startDate: '2026-03-05',
      endDate: '2026-03-06',
      reason: '发烧',
      standInId: 12,
      contactPhone: '13800000000',
      emergency: true,
    });
  }, 20_000);

  it('marks a last day before the first (AT-4) and sends nothing', async () => {
    const onSubmit = renderForm();
    await pick('假别', '事假');
    date('开始日期', '2026-03-06');
    date('结束日期', '2026-03-05');
    type('请假事由', '家中有事');
    await pick('工作代理人', '钱敏（E012）');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('结束日期不能早于开始日期（AT-4）')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  }, 20_000);

  it('asks for a stand-in when the policy requires one (RS-4)', async () => {
    const onSubmit = renderForm();
    await pick('假别', '事假');
    date('开始日期', '2026-03-05');
    date('结束日期', '2026-03-05');
    type('请假事由', '家中有事');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    const standIn = screen.getByLabelText('工作代理人').closest('.ant-form-item') as HTMLElement;
    expect(await within(standIn).findByText('必填')).toBeTruthy();
    expect(screen.getAllByText('必填')).toHaveLength(1);
    expect(onSubmit).not.toHaveBeenCalled();
  }, 20_000);

  it('sends no stand-in when the policy does not require one', async () => {
    const onSubmit = renderForm(vi.fn(), { ...defaultPolicy().leave, standInRequired: false });
    await pick('假别', '事假');
    date('开始日期', '2026-03-05');
    date('结束日期', '2026-03-05');
    type('请假事由', '家中有事');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({
      typeId: 'personal',
      startDate: '2026-03-05',
      endDate: '2026-03-05',
      reason: '家中有事',
      emergency: false,
    });
  }, 20_000);

  it('shows the RS-4 notice rules of the policy', () => {
    renderForm();
    expect(screen.getByTestId('leave-notice-rules').textContent).toBe('提前申请：1–2 天须提前 1 天；3 天及以上须提前 2 天');
  });
});
