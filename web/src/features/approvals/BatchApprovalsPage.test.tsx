import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { BatchApprovalsPage } from './BatchApprovalsPage';

const leave = { id: 5, version: 2, userName: '刘工', reason: '办理证件', startDate: '2026-03-05', endDate: '2026-03-05' };
const letter = { id: 9, version: 4, number: 'ZR-000009', title: '新设备安装', customerName: '甲医院' };

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

describe('batch approvals (issue 12 item 10)', () => {
  it('gathers what waits from each module I may decide, and approves the chosen ones with one comment', async () => {
    const api = stubFetch({
      'GET /leave-requests': { body: { items: [leave], nextCursor: null } },
      'GET /field/letters': { body: { items: [letter], nextCursor: null } },
      'POST /approvals/batch': {
        body: {
          succeeded: 1,
          failed: 1,
          results: [
            { kind: 'leave', id: 5, ok: true, status: 'approved', error: null },
            { kind: 'letter', id: 9, ok: false, status: null, error: { code: 'version_conflict', message: 'changed' } },
          ],
        },
      },
    });
    renderAs(<BatchApprovalsPage />, { path: '/approvals', url: '/approvals', permissions: ['leave.approve', 'field.approve'] });
    expect(await screen.findByText('办理证件')).toBeTruthy();
    // Letters to approve and returns to approve are both read (the same list, two statuses); no trips without travel.approve.
    expect(api.sent('GET /field/letters')).toHaveLength(2);
    expect(api.sent('GET /travel-requests')).toHaveLength(0);
    const table = screen.getByTestId('approvals-table');
    for (const box of within(table).getAllByRole('checkbox').slice(1)) fireEvent.click(box);
    fireEvent.click(screen.getByTestId('approvals-reject'));
    expect(await screen.findByText('驳回须填写意见')).toBeTruthy();
    expect(api.sent('POST /approvals/batch')).toHaveLength(0);
    fireEvent.change(screen.getByTestId('approvals-comment'), { target: { value: '同意' } });
    fireEvent.click(screen.getByTestId('approvals-approve'));
    expect(await screen.findByText('审批结果：成功 1 项，失败 1 项')).toBeTruthy();
    const body = api.bodies('POST /approvals/batch')[0] as { approve: boolean; comment: string; items: unknown[] };
    expect(body.approve).toBe(true);
    expect(body.comment).toBe('同意');
    expect(body.items).toEqual(
      expect.arrayContaining([
        { kind: 'leave', id: 5, version: 2 },
        { kind: 'letter', id: 9, version: 4 },
      ]),
    );
  });
});
