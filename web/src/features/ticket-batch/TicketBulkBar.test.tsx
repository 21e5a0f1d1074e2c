import type { TTicketSummary } from '@techserve/core';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { TicketBulkBar } from './TicketBulkBar';

const row = (id: number, number: string) => ({ id, number }) as TTicketSummary;

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

describe('bulk bar (issue 12 item 9)', () => {
  it('closes the selected requests and shows each one’s result', async () => {
    const api = stubFetch({
      'POST /ticket-batches': {
        body: {
          succeeded: 1,
          failed: 1,
          results: [
            { kind: 'ticket', id: 1, ok: true, status: 'closed', error: null },
            {
              kind: 'ticket',
              id: 2,
              ok: false,
              status: null,
              error: { code: 'illegal_transition', message: 'A new request does not allow "close"' },
            },
          ],
        },
      },
    });
    const onDone = vi.fn();
    renderAs(<TicketBulkBar selected={[1, 2]} rows={[row(1, 'SR-1'), row(2, 'SR-2')]} query={{ state: 'resolved' }} onDone={onDone} />, {
      path: '/',
      url: '/',
      permissions: ['tickets.read', 'tickets.work'],
    });
    expect(screen.queryByTestId('bulk-assign')).toBeNull(); // without tickets.assign
    expect(screen.queryByTestId('bulk-cancel')).toBeNull(); // without tickets.manage
    expect(screen.getByTestId('tickets-export').getAttribute('href')).toBe(
      '/api/v1/ticket-exports/requests.xlsx?state=resolved&lang=zh-CN',
    );
    fireEvent.click(screen.getByTestId('bulk-close'));
    fireEvent.click(await screen.findByTestId('bulk-apply'));
    expect(await screen.findByText('批量操作结果：成功 1 项，失败 1 项')).toBeTruthy();
    expect(screen.getByText('当前状态不允许此操作')).toBeTruthy();
    expect(api.bodies('POST /ticket-batches')).toEqual([{ ids: [1, 2], action: 'close' }]);
    expect(onDone).toHaveBeenCalled();
  });
});
