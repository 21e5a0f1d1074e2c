import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { typeDate } from '../test/typeDate';
import { DateInput } from './DateInput';

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
});
