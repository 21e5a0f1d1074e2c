import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { CannedReplyPicker } from './CannedReplyPicker';

function Box() {
  const [text, setText] = useState('');
  return (
    <>
      <CannedReplyPicker ticketId={42} onInsert={setText} />
      <div data-testid="box">{text}</div>
    </>
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

describe('canned reply picker (SR-8)', () => {
  it('inserts the template filled by the server for this request and names what it lacks', async () => {
    const api = stubFetch({
      'GET /canned-replies': {
        body: {
          items: [
            { id: 3, teamId: 1, teamName: '一组', title: '已受理', body: '{{contact}}您好', updatedAt: '2026-03-02T01:00:00Z', version: 1 },
          ],
        },
      },
      'POST /canned-replies/3/render': { body: { text: '您好，请求 SR-1 已受理', missing: ['contact'] } },
    });
    renderAs(<Box />, { path: '/', url: '/', permissions: ['tickets.read', 'tickets.work'] });
    fireEvent.click(screen.getByTestId('canned-reply-picker'));
    fireEvent.click(await screen.findByText('已受理（一组）'));
    await waitFor(() => expect(screen.getByTestId('box').textContent).toBe('您好，请求 SR-1 已受理'));
    expect(api.bodies('POST /canned-replies/3/render')).toEqual([{ ticketId: 42 }]);
    expect(await screen.findByText('此请求缺少以下信息，请手动补充：联系人')).toBeTruthy();
  });
});
