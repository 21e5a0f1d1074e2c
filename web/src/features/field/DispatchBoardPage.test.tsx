import type { TBoard, TPermission } from '@techserve/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { DispatchBoardPage } from './DispatchBoardPage';
import { letterFixture } from './fixtures';

const DISPATCHER: TPermission[] = ['field.read', 'field.work', 'field.dispatch', 'org.read'];
const days = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'];
const item = {
  letterId: 11,
  number: 'ZRS-2026-0011',
  status: 'approved' as const,
  customerName: '上海市第一人民医院',
  title: '安装',
  appointmentAt: '2026-03-10T02:00:00.000Z',
  endAt: '2026-03-10T06:00:00.000Z',
  estimatedMinutes: 240,
  version: 4,
};
const board: TBoard = {
  from: days[0],
  to: days[6],
  days,
  travelKnown: true,
  leaveKnown: false,
  engineers: [
    {
      userId: 5,
      name: '赵磊',
      teamId: 1,
      levelName: '2级工程师',
      days: days.map((date) => ({ date, items: date === '2026-03-10' ? [item] : [], conflicts: [] })),
    },
    {
      userId: 6,
      name: '刘洋',
      teamId: 1,
      levelName: null,
      days: days.map((date) => ({
        date,
        items: [],
        conflicts:
          date === '2026-03-12'
            ? [{ kind: 'travel' as const, from: '2026-03-12T00:00:00.000Z', to: '2026-03-13T10:00:00.000Z', refId: 3, note: '出差南京' }]
            : [],
      })),
    },
  ],
};

const dragTo = (userId: number, date: string) => {
  fireEvent.dragStart(screen.getByTestId('board-item'));
  const cell = document.querySelector(`[data-testid="board-cell"][data-user-id="${userId}"][data-date="${date}"]`)!;
  fireEvent.dragOver(cell);
  fireEvent.drop(cell);
};

beforeEach(async () => {
  await i18n.changeLanguage('en');
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-10T01:00:00.000Z') });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('dispatch board (FS-5)', { timeout: 20_000 }, () => {
  it('highlights travel clashes and re-books a dragged visit to another engineer and day with the call record', async () => {
    const api = stubFetch({
      'GET /field/board': { body: board },
      'GET /teams': { body: { items: [] } },
      'PATCH /field/letters/11/appointment': { body: letterFixture({ status: 'approved', version: 5 }) },
    });
    renderAs(<DispatchBoardPage />, { path: '/field/board', url: '/field/board', permissions: DISPATCHER });
    await screen.findByTestId('board-item');
    expect(document.querySelector('[data-user-id="6"][data-date="2026-03-12"]')!.getAttribute('data-conflict')).toBe('true');
    expect(document.querySelector('[data-user-id="6"][data-date="2026-03-11"]')!.getAttribute('data-conflict')).toBeNull();
    dragTo(6, '2026-03-12');
    fireEvent.change(await screen.findByTestId('reschedule-whom'), { target: { value: '钱主任' } });
    fireEvent.change(screen.getByTestId('reschedule-reason'), { target: { value: '客户要求改期' } });
    fireEvent.click(screen.getByTestId('reschedule-ok'));
    await waitFor(() => expect(api.sent('PATCH /field/letters/11/appointment')).toHaveLength(1));
    expect(api.sent('PATCH /field/letters/11/appointment')[0].body).toEqual({
      version: 4,
      appointmentAt: '2026-03-12T02:00:00.000Z',
      estimatedMinutes: 240,
      reassign: { fromUserId: 5, toUserId: 6 },
      calledAt: '2026-03-10T01:00:00.000Z',
      calledWhom: '钱主任',
      reason: '客户要求改期',
    });
  });

  it('asks for the call record before re-booking (FS-5)', async () => {
    const api = stubFetch({ 'GET /field/board': { body: board }, 'GET /teams': { body: { items: [] } } });
    renderAs(<DispatchBoardPage />, { path: '/field/board', url: '/field/board', permissions: DISPATCHER });
    await screen.findByTestId('board-item');
    dragTo(5, '2026-03-11');
    fireEvent.click(await screen.findByTestId('reschedule-ok'));
    expect((await screen.findAllByText('Required')).length).toBe(2);
    expect(api.sent('PATCH /field/letters/11/appointment')).toHaveLength(0);
  });

  it('on a stale version says someone else changed it and reloads the board', async () => {
    const api = stubFetch({
      'GET /field/board': { body: board },
      'GET /teams': { body: { items: [] } },
      'PATCH /field/letters/11/appointment': { status: 409, body: { error: { code: 'version_conflict', message: 'changed' } } },
    });
    renderAs(<DispatchBoardPage />, { path: '/field/board', url: '/field/board', permissions: DISPATCHER });
    await screen.findByTestId('board-item');
    dragTo(5, '2026-03-11');
    fireEvent.change(await screen.findByTestId('reschedule-whom'), { target: { value: '钱主任' } });
    fireEvent.change(screen.getByTestId('reschedule-reason'), { target: { value: '工程师另有安排' } });
    fireEvent.click(screen.getByTestId('reschedule-ok'));
    expect(await screen.findByText('Changed by someone else — reloaded. Check it and try again.')).toBeTruthy();
    await waitFor(() => expect(api.sent('GET /field/board').length).toBeGreaterThanOrEqual(2));
    expect(screen.queryByTestId('reschedule-ok')).toBeNull();
  });
});
