import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { ChangePasswordForm } from './ChangePasswordForm';

// ACC-1 (issue 18 item 3): the strength shows while typing, in both languages, with the reasons of a refusal.
describe('password strength meter', () => {
  it.each([
    ['zh-CN', '很弱', '密码太容易被猜到', '很强'],
    ['en', 'very weak', 'too easy to guess', 'very strong'],
  ] as const)('shows the strength as the user types in %s', async (lng, weakLevel, weakReason, strongLevel) => {
    await i18n.changeLanguage(lng);
    const { container } = renderAs(<ChangePasswordForm />, { path: '/account', url: '/account', permissions: [] });
    const input = container.querySelector('#newPassword')!;
    fireEvent.change(input, { target: { value: 'woaini1314' } });
    const meter = await screen.findByTestId('password-strength', {}, { timeout: 10_000 });
    await waitFor(() => expect(meter.getAttribute('data-score')).toBe('0'));
    expect(meter.textContent).toContain(weakLevel);
    expect(meter.textContent).toContain(weakReason);
    fireEvent.change(input, { target: { value: 'Velvet-Orchid-93' } });
    await waitFor(() => expect(screen.getByTestId('password-strength').getAttribute('data-score')).toBe('4'), { timeout: 10_000 });
    expect(screen.getByTestId('password-strength').textContent).toContain(strongLevel);
  });
});
