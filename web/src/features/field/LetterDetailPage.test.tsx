import type { TPermission } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { typeDate } from '../../test/typeDate';
import { letterFixture } from './fixtures';
import { LetterDetailPage } from './LetterDetailPage';

const ENGINEER: TPermission[] = ['field.read', 'field.work'];
const SUPERVISOR: TPermission[] = ['field.read', 'field.work', 'field.dispatch', 'field.approve'];

const incomplete = {
  status: 422,
  body: {
    error: {
      code: 'rule_violation',
      message: 'The letter is incomplete: siteConfirmation, appointmentAt, estimatedMinutes, travelPlan',
      ruleId: 'FS-2',
      details: [
        { path: 'siteConfirmation', message: 'confirm the site situation with the customer’s contact' },
        { path: 'appointmentAt', message: 'required' },
        { path: 'estimatedMinutes', message: 'required' },
        { path: 'travelPlan', message: 'required' },
      ],
    },
  },
};

const fieldErrors = () => [...screen.getByTestId('letter-form').querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent);

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => vi.unstubAllGlobals());

describe('responsibility letter (FS-2)', { timeout: 20_000 }, () => {
  it('saves the changed plan first, then submits with the new version and lists what the server says is missing (422 FS-2)', async () => {
    const api = stubFetch({
      'GET /field/letters/11': { body: letterFixture() },
      'PATCH /field/letters/11': (body) => ({
        body: letterFixture({ version: 3, plannedSolution: (body as { plannedSolution: string }).plannedSolution }),
      }),
      'POST /field/letters/11/submit': incomplete,
    });
    renderAs(<LetterDetailPage />, { path: '/field/letters/:id', url: '/field/letters/11', permissions: ENGINEER, userId: 5 });
    fireEvent.change(await screen.findByTestId('letter-solution'), { target: { value: '更换控制器 A' } });
    fireEvent.click(screen.getByTestId('letter-submit'));
    await waitFor(() => expect(api.sent('POST /field/letters/11/submit')).toHaveLength(1));
    expect(api.sent('PATCH /field/letters/11')[0].body).toEqual({ version: 2, plannedSolution: '更换控制器 A', kit: letterFixture().kit });
    expect(api.sent('POST /field/letters/11/submit')[0].body).toEqual({ version: 3 });
    const missing = await screen.findByTestId('letter-missing');
    expect(
      within(missing)
        .getAllByTestId('letter-missing-field')
        .map((li) => li.textContent),
    ).toEqual(['Site situation confirmed', 'Appointment', 'Estimated duration (minutes)', 'Travel plan']);
    // The alert (and the marked fields) say it; no toast repeats the server's sentence.
    expect(screen.queryByText(/The letter is incomplete: /)).toBeNull();
  });

  it('FS-2: in Chinese the refusal is all Chinese — the missing parts listed, the fields marked 必填, no English', async () => {
    await i18n.changeLanguage('zh-CN');
    stubFetch({ 'GET /field/letters/11': { body: letterFixture() }, 'POST /field/letters/11/submit': incomplete });
    renderAs(<LetterDetailPage />, { path: '/field/letters/:id', url: '/field/letters/11', permissions: ENGINEER, userId: 5 });
    fireEvent.click(await screen.findByTestId('letter-submit'));
    const missing = await screen.findByTestId('letter-missing');
    expect(
      within(missing)
        .getAllByTestId('letter-missing-field')
        .map((li) => li.textContent),
    ).toEqual(['现场情况确认', '预约时间', '预计工时（分钟）', '出差计划']);
    await waitFor(() => expect(fieldErrors()).toEqual(['必填', '必填'])); // appointment, estimate
    expect(screen.queryByText(/required|incomplete|confirm the site/)).toBeNull();
  });

  it('submits an unchanged letter straight away', async () => {
    const api = stubFetch({ 'GET /field/letters/11': { body: letterFixture() }, 'POST /field/letters/11/submit': incomplete });
    renderAs(<LetterDetailPage />, { path: '/field/letters/:id', url: '/field/letters/11', permissions: ENGINEER, userId: 5 });
    fireEvent.click(await screen.findByTestId('letter-submit'));
    await waitFor(() => expect(api.sent('POST /field/letters/11/submit')).toHaveLength(1));
    expect(api.sent('PATCH /field/letters/11')).toHaveLength(0);
    expect(api.sent('POST /field/letters/11/submit')[0].body).toEqual({ version: 2 });
    expect(await screen.findByTestId('letter-missing')).toBeTruthy();
  });

  it('names the missing part of a half-filled site confirmation without calling the server', async () => {
    const api = stubFetch({ 'GET /field/letters/11': { body: letterFixture() } });
    renderAs(<LetterDetailPage />, { path: '/field/letters/:id', url: '/field/letters/11', permissions: ENGINEER, userId: 5 });
    fireEvent.change(await screen.findByTestId('letter-site-contact'), { target: { value: '钱主任' } });
    fireEvent.click(screen.getByTestId('letter-save'));
    await waitFor(() =>
      expect(screen.getByTestId('letter-form').querySelectorAll('.ant-form-item-explain-error').length).toBeGreaterThan(0),
    );
    expect(api.sent('PATCH /field/letters/11')).toHaveLength(0);
  });

  it('offers the supervisor approve and reject on a submitted letter, and nothing to fill', async () => {
    const api = stubFetch({
      'GET /field/letters/11': { body: letterFixture({ status: 'submitted', allowed: ['approve', 'reject', 'assign'] }) },
      'POST /field/letters/11/approve': { body: letterFixture({ status: 'approved', version: 3, allowed: ['reschedule'] }) },
    });
    renderAs(<LetterDetailPage />, { path: '/field/letters/:id', url: '/field/letters/11', permissions: SUPERVISOR, userId: 2 });
    const actions = await screen.findByTestId('letter-actions');
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.getAttribute('data-testid')),
    ).toEqual(['letter-approve', 'letter-reject']);
    expect((screen.getByTestId('letter-solution') as HTMLTextAreaElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('letter-approve'));
    await waitFor(() => expect(api.sent('POST /field/letters/11/approve')).toHaveLength(1));
    expect(api.sent('POST /field/letters/11/approve')[0].body).toEqual({ version: 2 });
    await waitFor(() => expect(screen.getByTestId('letter-status').getAttribute('data-status')).toBe('approved'));
  });

  it('on a 409 says someone else changed the letter and reloads it', async () => {
    const api = stubFetch({
      'GET /field/letters/11': { body: letterFixture({ status: 'submitted', allowed: ['approve', 'reject'] }) },
      'POST /field/letters/11/approve': { status: 409, body: { error: { code: 'version_conflict', message: 'changed' } } },
    });
    renderAs(<LetterDetailPage />, { path: '/field/letters/:id', url: '/field/letters/11', permissions: SUPERVISOR, userId: 2 });
    fireEvent.click(await screen.findByTestId('letter-approve'));
    expect(await screen.findByText('Changed by someone else — reloaded. Check it and try again.', {}, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(api.sent('GET /field/letters/11').length).toBeGreaterThanOrEqual(2));
  });

  it('takes an appointment typed as 2026/3/12 9:30 (issue 12 item 13: letter pickers accept typing)', async () => {
    stubFetch({ 'GET /field/letters/11': { body: letterFixture() } });
    renderAs(<LetterDetailPage />, { path: '/field/letters/:id', url: '/field/letters/11', permissions: ENGINEER, userId: 5 });
    const holder = await screen.findByTestId('letter-appointment');
    const input = (holder.tagName === 'INPUT' ? holder : holder.querySelector('input')) as HTMLInputElement;
    expect(input.readOnly).toBe(false);
    typeDate(input, '2026/3/12 9:30');
    await waitFor(() => expect(input.value).toBe('2026-03-12 09:30'), { timeout: 5000 });
  });
});
