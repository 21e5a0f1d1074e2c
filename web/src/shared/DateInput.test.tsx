import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { typeDate } from '../test/typeDate';
import type { Dayjs } from 'dayjs';
import { i18n } from '../i18n/initI18n';
import { DateInput, TypedDatePicker } from './DateInput';

describe('DateInput (issue 12 item 13: one picker that takes typed dates)', () => {
  it.each([['2026-03-06'], ['2026/3/6'], ['20260306'], ['2026年3月6日']])('reads %s typed in Chinese as 2026-03-06', async (typed) => {
    const onChange = vi.fn();
    render(<DateInput aria-label="日期" onChange={onChange} />);
    typeDate(screen.getByLabelText('日期'), typed);
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('2026-03-06'));
  });

  it('shows the value as YYYY-MM-DD and is not read-only', () => {
    render(<DateInput aria-label="日期" value="2026-03-06" />);
    const input = screen.getByLabelText('日期') as HTMLInputElement;
    expect(input.value).toBe('2026-03-06');
    expect(input.readOnly).toBe(false);
  });

  it('takes a date and time typed with the time (letters, appointments)', async () => {
    const onChange = vi.fn();
    render(<TypedDatePicker withTime aria-label="预约时间" onChange={onChange} />);
    typeDate(screen.getByLabelText('预约时间'), '2026/3/6 9:30');
    await waitFor(() => expect(onChange).toHaveBeenCalled());
    expect((onChange.mock.calls.at(-1)?.[0] as Dayjs).format('YYYY-MM-DD HH:mm')).toBe('2026-03-06 09:30');
  });

  it('reads 3/6/2026 typed in English as 6 March', async () => {
    await i18n.changeLanguage('en');
    try {
      const onChange = vi.fn();
      render(<DateInput aria-label="Date" onChange={onChange} />);
      typeDate(screen.getByLabelText('Date'), '3/6/2026');
      await waitFor(() => expect(onChange).toHaveBeenCalledWith('2026-03-06'));
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });
});
