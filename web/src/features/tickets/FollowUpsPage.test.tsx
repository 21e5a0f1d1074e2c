import type { TFollowUp } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { FollowUpsPage } from './FollowUpsPage';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';

const followUp: TFollowUp = {
  id: 4,
  ticketId: 42,
  ticketNumber: 'SR-20260301-0003',
  ticketTitle: '存储阵列告警',
  customerId: 7,
  customerName: '上海市第一人民医院',
  dueOn: '2026-03-08',
  state: 'open',
  satisfaction: null,
  note: null,
  doneAt: null,
  doneByName: null,
  version: 2,
};

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

describe('follow-ups', () => {
  it('records the customer’s satisfaction and a note with the version read', async () => {
    const api = stubFetch({
      'GET /followups': { body: { items: [followUp], nextCursor: null } },
      'POST /followups/4/complete': (body) => ({ body: { ...followUp, ...(body as object), state: 'done', version: 3 } }),
    });
    renderAs(<FollowUpsPage />, { path: '/followups', url: '/followups', permissions: ['tickets.read', 'tickets.assign'] });
    expect(await screen.findByText('已逾期')).toBeTruthy();
    fireEvent.click(screen.getByTestId('followup-complete-4'));
    fireEvent.click(within(await screen.findByTestId('followup-satisfaction')).getByText('良'));
    fireEvent.change(screen.getByLabelText('备注'), { target: { value: '客户满意，希望加快响应' } });
    fireEvent.click(screen.getByTestId('followup-ok'));
    await waitFor(() => expect(api.sent('POST /followups/4/complete')).toHaveLength(1));
    expect(api.sent('POST /followups/4/complete')[0].body).toEqual({ version: 2, satisfaction: 'good', note: '客户满意，希望加快响应' });
  });
});
