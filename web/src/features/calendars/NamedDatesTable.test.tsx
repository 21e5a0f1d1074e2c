import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { typeDate } from '../../test/typeDate';
import { NamedDatesTable } from './NamedDatesTable';
import './i18n';

describe('NamedDatesTable (issue 12 item 13: calendar pickers accept typing)', () => {
  it('takes a holiday date typed as 2026/10/1', async () => {
    const onChange = vi.fn();
    render(
      <NamedDatesTable
        field="holidays"
        list={[{ date: '2026-05-01', name: '劳动节' }]}
        onChange={onChange}
        year={null}
        errors={new Map()}
        editable
        title="节假日"
      />,
    );
    const input = screen.getByTestId('holidays.0.date').querySelector('input') ?? screen.getByDisplayValue('2026-05-01');
    expect((input as HTMLInputElement).readOnly).toBe(false);
    typeDate(input as HTMLElement, '2026/10/1');
    await waitFor(() => expect(onChange).toHaveBeenCalledWith([{ date: '2026-10-01', name: '劳动节' }]), { timeout: 10_000 });
  });
});
