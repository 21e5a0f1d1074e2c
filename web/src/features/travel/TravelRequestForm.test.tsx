import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { typeDate } from '../../test/typeDate';
import { TravelRequestForm } from './TravelRequestForm';

function renderForm(onSubmit = vi.fn()) {
  renderAs(<TravelRequestForm needingApproval={['plane', 'taxi', 'other']} onSubmit={onSubmit} />, {
    path: '/travel/trips/new',
    url: '/travel/trips/new',
    permissions: ['travel.request'],
  });
  return onSubmit;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const date = (label: string, value: string) => typeDate(screen.getByLabelText(label), value);

afterEach(() => vi.unstubAllGlobals());

/** The purpose and one leg Shanghai → Nanjing, its dates typed as given. */
function fillOneLeg(start: string, end: string) {
  type('出差事由', '医院设备安装');
  fireEvent.change(within(screen.getByTestId('segment-0')).getByLabelText('出发地'), { target: { value: '上海' } });
  fireEvent.change(within(screen.getByTestId('segment-0')).getByLabelText('目的地'), { target: { value: '南京' } });
  date('开始日期 1', start);
  date('结束日期 1', end);
}

describe('TravelRequestForm (TR-1/TR-2)', () => {
  it('marks the end date of a leg that ends before it starts (TR-1) and sends nothing', async () => {
    const onSubmit = renderForm();
    type('出差事由', '医院设备安装');
    date('开始日期 1', '2026-03-06');
    date('结束日期 1', '2026-03-05');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('结束日期不能早于开始日期（TR-1）', {}, { timeout: 5000 })).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('accepts a one-day leg and sends the shared schema’s body', async () => {
    const onSubmit = renderForm();
    fillOneLeg('2026-03-06', '2026-03-06');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({
      purpose: '医院设备安装',
      workType: 'technicalGuidance',
      boardProvided: false,
      segments: [
        { from: '上海', to: '南京', destinationLevel: 'outOfProvince', startDate: '2026-03-06', endDate: '2026-03-06', transport: 'train' },
      ],
    });
  });

  it('names the missing fields of a leg', async () => {
    const onSubmit = renderForm();
    type('出差事由', '医院设备安装');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() =>
      expect(screen.getByTestId('segment-0').querySelectorAll('.ant-form-item-explain-error').length).toBeGreaterThanOrEqual(4),
    ); // from, to, start, end
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('explains that a plane needs prior approval (TR-2) once a leg goes by plane', async () => {
    renderForm();
    expect(screen.queryByTestId('tr2-hint')).toBeNull();
    const transport = within(screen.getByTestId('segment-0')).getAllByRole('combobox')[1];
    fireEvent.mouseDown(transport);
    fireEvent.click(await screen.findByTitle('飞机'));
    expect((await screen.findByTestId('tr2-hint')).textContent).toContain('TR-2：飞机 需事先批准');
  });

  it('accepts a date typed as 2026/3/6 (the Chinese way) as well as 2026-03-06 (item 13)', async () => {
    const onSubmit = renderForm();
    fillOneLeg('2026/3/6', '20260307');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0].segments[0]).toMatchObject({ startDate: '2026-03-06', endDate: '2026-03-07' });
  });

  it('FS-3: links the trip to the letter picked by typing its number ZR-000002', async () => {
    const fetch = stubFetch({
      'GET /travel-links': { body: { items: [{ kind: 'letter', id: 2, number: 'ZR-000002', title: '医院 CT 安装' }] } },
    });
    const onSubmit = renderForm();
    fillOneLeg('2026-03-06', '2026-03-06');
    const picker = screen.getByLabelText('关联的责任书或服务请求');
    fireEvent.mouseDown(picker);
    fireEvent.change(picker, { target: { value: 'ZR-000002' } });
    fireEvent.click(await screen.findByText('ZR-000002 医院 CT 安装', {}, { timeout: 5000 }));
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ letterId: 2, ticketId: null });
    expect(fetch.all.some((call) => call.key === 'GET /travel-links')).toBe(true);
  });

  it('FS-3: says so when a typed number is no letter or request the traveller may link to, and sends nothing', async () => {
    stubFetch({
      'GET /travel-links': { body: { items: [] } },
      'GET /travel-links/ZR-000099': {
        status: 404,
        body: { error: { code: 'not_found', message: 'No …', reason: 'travel.linkUnknown', params: { number: 'ZR-000099' } } },
      },
    });
    const onSubmit = renderForm();
    type('出差事由', '医院设备安装');
    const picker = screen.getByLabelText('关联的责任书或服务请求');
    fireEvent.mouseDown(picker);
    fireEvent.change(picker, { target: { value: 'ZR-000099' } });
    fireEvent.blur(picker);
    expect(await screen.findByText(/找不到编号为 ZR-000099 的责任书或服务请求/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
