import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { DEFAULT_WEEKLY_HOURS, type TCalendar } from '@techserve/core';
import { render, screen, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import './i18n';
import type { TMonthDay } from './calendarTypes';
import { isoWeekdayOf } from './monthGrid';
import { MonthView } from './MonthView';

const calendar: TCalendar = {
  id: 1,
  name: '公司总部 HQ',
  isDefault: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  definition: { timeZone: 'Asia/Shanghai', mode: 'business', weeklyHours: DEFAULT_WEEKLY_HOURS, holidays: [], makeupWorkdays: [] },
};

// February 2026 as the server answers it: Spring Festival 02-15..02-23, make-up days (调休) 02-14 and 02-28.
const february: TMonthDay[] = Array.from({ length: 28 }, (_, i) => {
  const date = `2026-02-${String(i + 1).padStart(2, '0')}`;
  const weekday = isoWeekdayOf(date);
  const day = i + 1;
  if (day === 14 || day === 28) return { date, weekday, kind: 'makeup', name: '春节 Spring Festival 调休上班', minutes: 480 };
  if (day >= 15 && day <= 23) return { date, weekday, kind: 'holiday', name: '春节 Spring Festival', minutes: 0 };
  return weekday >= 6 ? { date, weekday, kind: 'weekend', minutes: 0 } : { date, weekday, kind: 'workday', minutes: 480 };
});

afterEach(() => vi.unstubAllGlobals());

describe('MonthView', () => {
  it('marks 2026-02-14 as a make-up working day (调休) and 02-16 as a Spring Festival holiday', async () => {
    await i18n.changeLanguage('zh-CN');
    const fetchMock = vi.fn(async (_url: string) => new Response(JSON.stringify({ items: february }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <App>
          <MonthView calendar={calendar} initialMonth="2026-02" />
        </App>
      </QueryClientProvider>,
    );
    const makeup = await screen.findByTestId('cal-day-2026-02-14');
    expect(makeup.getAttribute('data-kind')).toBe('makeup');
    expect(within(makeup).getByText('班')).toBeTruthy();
    expect(makeup.textContent).toContain('调休');
    const holiday = screen.getByTestId('cal-day-2026-02-16');
    expect(holiday.getAttribute('data-kind')).toBe('holiday');
    expect(holiday.textContent).toContain('春节');
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/v1/calendars/1/month?month=2026-02');

    // Sunday 02-01 sits in the seventh column after six empty cells.
    const cells = screen.getAllByRole('gridcell');
    expect(cells[0].textContent).toBe('1');
    const grid = screen.getByRole('grid');
    const children = [...grid.children].slice(7);
    expect(children.slice(0, 6).every((c) => c.classList.contains('cal-cell--empty'))).toBe(true);
    expect(children[6].getAttribute('data-testid')).toBe('cal-day-2026-02-01');
  });
});
