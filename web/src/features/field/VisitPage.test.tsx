import type { TPermission } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { letterFixture, visitFixture } from './fixtures';
import { VisitPage } from './VisitPage';

const ENGINEER: TPermission[] = ['field.read', 'field.work', 'customers.read'];
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

/** Stubs navigator.geolocation: answers with `coords`, or with a PERMISSION_DENIED error when null. */
function stubGeolocation(coords: { latitude: number; longitude: number; accuracy: number } | null) {
  const getCurrentPosition = vi.fn((ok: PositionCallback, fail: PositionErrorCallback) => {
    if (coords) ok({ coords, timestamp: 0 } as GeolocationPosition);
    else fail({ code: 1, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3, message: 'denied' } as GeolocationPositionError);
  });
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } });
  return getCurrentPosition;
}

const open = (
  visit = visitFixture(),
  extra: Record<string, { status?: number; body: unknown } | ((body: unknown) => { status?: number; body: unknown })> = {},
) => {
  const api = stubFetch({
    'GET /field/letters/11/visit': { body: visit },
    'GET /field/letters/11': { body: letterFixture({ status: visit.status, appointmentAt: '2026-03-10T01:30:00.000Z' }) },
    'GET /customers/7/file': { body: { installedProducts: [] } },
    ...extra,
  });
  renderAs(<VisitPage />, { path: '/field/jobs/:id', url: '/field/jobs/11', permissions: ENGINEER, userId: 5 });
  return api;
};

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('visit page: check-in (FS-5)', { timeout: 20_000 }, () => {
  it('checks in with the phone’s position and whom the service time was confirmed with', async () => {
    const geo = stubGeolocation({ latitude: 31.2456, longitude: 121.4812, accuracy: 25 });
    const api = open(visitFixture(), {
      'POST /field/letters/11/check-ins': {
        status: 201,
        body: visitFixture({
          status: 'on_site',
          onSiteNow: true,
          firstArrivalAt: '2026-03-10T01:35:00.000Z',
          checkIns: [
            {
              id: 1,
              userId: 5,
              userName: '赵工',
              kind: 'in',
              at: '2026-03-10T01:35:00.000Z',
              lat: 31.2456,
              lng: 121.4812,
              accuracy: 25,
              confirmedWith: '钱主任',
              note: null,
            },
          ],
          allowed: ['check_out', 'edit_record', 'add_extra_task', 'sign_off'],
        }),
      },
    });
    expect((await screen.findByTestId('visit-steps')).getAttribute('data-current')).toBe('1');
    // Not on site yet: no "unsigned" warning in the header.
    expect(screen.queryByTestId('visit-unsigned')).toBeNull();
    fireEvent.change(screen.getByTestId('check-in-confirmed-with'), { target: { value: '钱主任' } });
    fireEvent.click(screen.getByTestId('check-in'));
    await waitFor(() => expect(api.sent('POST /field/letters/11/check-ins')).toHaveLength(1));
    expect(geo).toHaveBeenCalledTimes(1);
    expect(api.sent('POST /field/letters/11/check-ins')[0].body).toEqual({
      kind: 'in',
      lat: 31.2456,
      lng: 121.4812,
      accuracy: 25,
      confirmedWith: '钱主任',
    });
    // The answer replaces the visit: now on site, check-out offered, the step moved on.
    expect(await screen.findByTestId('check-out')).toBeTruthy();
    expect(screen.queryByTestId('check-in')).toBeNull();
    expect(screen.getByTestId('visit-steps').getAttribute('data-current')).toBe('2');
    expect(within(screen.getByTestId('check-ins')).getByText(/confirmed with 钱主任/)).toBeTruthy();
    expect(screen.getByTestId('visit-unsigned')).toBeTruthy();
  });

  it('still checks in, without a position, when the engineer refuses location', async () => {
    stubGeolocation(null);
    const api = open(visitFixture(), {
      'POST /field/letters/11/check-ins': {
        status: 201,
        body: visitFixture({ status: 'on_site', onSiteNow: true, allowed: ['check_out'] }),
      },
    });
    fireEvent.change(await screen.findByTestId('check-in-confirmed-with'), { target: { value: '钱主任' } });
    fireEvent.click(screen.getByTestId('check-in'));
    await waitFor(() => expect(api.sent('POST /field/letters/11/check-ins')).toHaveLength(1));
    expect(api.sent('POST /field/letters/11/check-ins')[0].body).toEqual({ kind: 'in', confirmedWith: '钱主任' });
    expect(await screen.findByTestId('geo-missing')).toBeTruthy();
  });

  it('requires whom the service time was confirmed with before checking in (FS-5)', async () => {
    stubGeolocation(null);
    const api = open();
    fireEvent.click(await screen.findByTestId('check-in'));
    expect(await screen.findByText('Required')).toBeTruthy();
    expect(api.sent('POST /field/letters/11/check-ins')).toHaveLength(0);
  });

  it('shows the server’s rule message when the check-in is refused', async () => {
    stubGeolocation(null);
    open(visitFixture(), {
      'POST /field/letters/11/check-ins': {
        status: 422,
        body: { error: { code: 'rule_violation', message: 'The letter is not approved', ruleId: 'FS-3' } },
      },
    });
    fireEvent.change(await screen.findByTestId('check-in-confirmed-with'), { target: { value: '钱主任' } });
    fireEvent.click(screen.getByTestId('check-in'));
    expect(await screen.findByText('The letter is not approved (rule FS-3)')).toBeTruthy();
  });
});

describe('visit page: customer sign-off (FS-8)', { timeout: 20_000 }, () => {
  const onSite = () =>
    visitFixture({
      status: 'on_site',
      onSiteNow: true,
      firstArrivalAt: '2026-03-10T01:35:00.000Z',
      record: {
        diagnosis: '控制器故障',
        workDone: '更换控制器',
        solved: true,
        restoredOriginal: false,
        unsolvedOn: null,
        updatedAt: '2026-03-10T03:00:00.000Z',
        updatedByName: '赵工',
        version: 1,
      },
      allowed: ['check_out', 'edit_record', 'sign_off'],
    });

  it('sends the three grades, comment, signer and the drawn signature, then shows the signed record and its PDF', async () => {
    stubGeolocation(null);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(PNG);
    const signed = {
      ...onSite(),
      customerSigned: true,
      allowed: ['check_out' as const, 'request_return' as const],
      signOff: {
        customerSigned: true,
        attitude: 'excellent' as const,
        skill: 'good' as const,
        result: 'excellent' as const,
        comment: '很好',
        signerName: '钱主任',
        signatureUrl: '/api/v1/field/visit-files/9',
        signatureSha256: 'x',
        unsignedReason: null,
        recordedAt: '2026-03-10T03:10:00.000Z',
        recordedByName: '赵工',
        ratingRecordedOnRequest: true,
      },
    };
    const api = open(onSite(), { 'POST /field/letters/11/sign-off': { status: 201, body: signed } });
    const card = await screen.findByTestId('sign-off-card');
    expect(within(card).getByTestId('visit-unsigned-badge')).toBeTruthy();
    expect(within(card).getByTestId('visit-pdf').textContent).toContain('(unsigned)');
    fireEvent.click(within(screen.getByTestId('rating-attitude')).getByText('Excellent'));
    fireEvent.click(within(screen.getByTestId('rating-skill')).getByText('Good'));
    fireEvent.click(within(screen.getByTestId('rating-result')).getByText('Excellent'));
    fireEvent.change(within(card).getByRole('textbox', { name: 'Comment' }), { target: { value: '很好' } });
    fireEvent.change(screen.getByTestId('confirm-signed-by'), { target: { value: '钱主任' } });
    const pad = screen.getByTestId('signature-pad');
    fireEvent.pointerDown(pad, { clientX: 10, clientY: 10, pointerId: 1 });
    fireEvent.pointerMove(pad, { clientX: 60, clientY: 40, pointerId: 1 });
    fireEvent.pointerUp(pad, { pointerId: 1 });
    fireEvent.click(screen.getByTestId('sign-off-submit'));
    await waitFor(() => expect(api.sent('POST /field/letters/11/sign-off')).toHaveLength(1));
    expect(api.sent('POST /field/letters/11/sign-off')[0].body).toEqual({
      attitude: 'excellent',
      skill: 'good',
      result: 'excellent',
      comment: '很好',
      signerName: '钱主任',
      signature: PNG,
    });
    expect(await screen.findByTestId('sign-off-done')).toBeTruthy();
    expect(screen.queryByTestId('visit-unsigned')).toBeNull();
    expect(screen.getByTestId('visit-pdf').getAttribute('href')).toBe('/api/v1/field/letters/11/service-record.pdf');
    expect(screen.getByTestId('visit-pdf').textContent).toBe('Service record PDF');
  });

  it('will not send a sign-off without the signature', async () => {
    stubGeolocation(null);
    const api = open(onSite());
    await screen.findByTestId('sign-off-card');
    fireEvent.click(within(screen.getByTestId('rating-attitude')).getByText('Excellent'));
    fireEvent.click(within(screen.getByTestId('rating-skill')).getByText('Good'));
    fireEvent.click(within(screen.getByTestId('rating-result')).getByText('Fair'));
    fireEvent.change(screen.getByTestId('confirm-signed-by'), { target: { value: '钱主任' } });
    fireEvent.click(screen.getByTestId('sign-off-submit'));
    expect(await screen.findByText('The customer must sign in the box')).toBeTruthy();
    expect(api.sent('POST /field/letters/11/sign-off')).toHaveLength(0);
  });

  it('records why the customer would not sign, keeping the record marked unsigned', async () => {
    stubGeolocation(null);
    const api = open(onSite(), {
      'POST /field/letters/11/sign-off': {
        status: 201,
        body: {
          ...onSite(),
          allowed: [],
          signOff: {
            customerSigned: false,
            attitude: null,
            skill: null,
            result: null,
            comment: null,
            signerName: null,
            signatureUrl: null,
            signatureSha256: null,
            unsignedReason: '客户负责人不在',
            recordedAt: '2026-03-10T03:10:00.000Z',
            recordedByName: '赵工',
            ratingRecordedOnRequest: false,
          },
        },
      },
    });
    await screen.findByTestId('sign-off-card');
    fireEvent.click(within(screen.getByTestId('sign-off-mode')).getByText('Customer will not sign'));
    fireEvent.change(await screen.findByTestId('sign-off-unsigned-reason'), { target: { value: '客户负责人不在' } });
    fireEvent.click(screen.getByTestId('sign-off-submit'));
    await waitFor(() => expect(api.sent('POST /field/letters/11/sign-off')).toHaveLength(1));
    expect(api.sent('POST /field/letters/11/sign-off')[0].body).toEqual({ unsignedReason: '客户负责人不在' });
    expect(await screen.findByTestId('sign-off-done')).toBeTruthy();
    expect(screen.getByTestId('visit-unsigned')).toBeTruthy();
  });
});
