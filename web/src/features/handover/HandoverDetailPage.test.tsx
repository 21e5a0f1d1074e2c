import type { THandover } from '@techserve/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { HandoverDetailPage } from './HandoverDetailPage';

beforeEach(() => viewportWidth(390));
afterEach(() => vi.unstubAllGlobals());

const handover = (patch: Partial<THandover> = {}): THandover => ({
  id: 7,
  kind: 'leaving',
  status: 'open',
  user: { id: 11, name: '刘洋' },
  successor: { id: 12, name: '赵磊' },
  manager: { id: 3, name: '测试用户' },
  note: null,
  startedByName: '测试用户',
  startedAt: '2026-03-02T02:00:00.000Z',
  completedAt: null,
  items: [
    {
      kind: 'ticket',
      refId: 5,
      label: 'SR-20260302-0001 存储告警',
      detail: 'accepted',
      status: 'open',
      outcome: null,
      toUserId: null,
      toUserName: null,
      doneAt: null,
    },
    {
      kind: 'property',
      refId: 2,
      label: '笔记本电脑（ZC-0042）',
      detail: null,
      status: 'done',
      outcome: 'reassigned',
      toUserId: 12,
      toUserName: '赵磊',
      doneAt: '2026-03-02T03:00:00.000Z',
    },
  ],
  open: 1,
  signatures: [],
  explanation: {
    ruleId: 'HO-1',
    policyVersion: null,
    inputs: {},
    result: null,
    text: { 'zh-CN': 'HO-1：尚有 1 项未移交：服务请求 1 项', en: 'HO-1: 1 items still held' },
  },
  confidentiality: {
    userId: 11,
    signedOn: '2025-03-01',
    agreementVersion: 'BM-2025-01',
    note: null,
    recordedByName: 'HR',
    recordedAt: '2025-03-01T00:00:00Z',
    version: 1,
  },
  version: 1,
  ...patch,
});

describe('the handover checklist (HO-1) on a phone', () => {
  it('shows open and done items, the SEC-3 agreement, and a module’s refusal in Chinese after a bulk transfer', async () => {
    const api = stubFetch({
      'GET /handovers/7': { body: handover() },
      'GET /users': { body: { items: [], nextCursor: null } },
      'POST /handovers/7/transfer': {
        body: {
          handover: handover(),
          failures: [
            {
              kind: 'ticket',
              refId: 5,
              reason: 'handover.notHeld',
              params: { kind: { 'zh-CN': '服务请求', en: 'service requests' }, refId: 5 },
              message: 'x',
            },
          ],
        },
      },
    });
    renderAs(<HandoverDetailPage />, {
      path: '/handovers/:id',
      url: '/handovers/7',
      permissions: ['users.read', 'handover.manage'],
      userId: 3,
    });
    expect(await screen.findByText('SR-20260302-0001 存储告警')).toBeTruthy();
    expect(screen.getByText('已移交给 赵磊')).toBeTruthy();
    expect(screen.getByText('BM-2025-01')).toBeTruthy();
    // The manager signs only once nothing is open.
    expect((screen.getByTestId('handover-sign-manager') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('handover-transfer-all'));
    await waitFor(() => expect(api.bodies('POST /handovers/7/transfer')).toEqual([{ items: [{ kind: 'ticket', refId: 5 }] }]));
    expect(await screen.findByText(/该事项（服务请求 #5）不在交接人名下/)).toBeTruthy();
  });
});
