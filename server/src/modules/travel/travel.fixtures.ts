import type { Agent, TestApp } from '../../test/harness';
import { createUser } from '../../test/harness';
import { type FieldWorld, type Json, expectStatus, fieldWorld } from '../field/letters.fixtures';
import { putPolicyInForce } from '../policy/policy.fixtures';

// Test set-up for the travel module: the field module's small organisation plus a finance clerk.

export const api = (p: string) => `/api/v1${p}`;
export { expectStatus, type Json };

export type TravelWorld = FieldWorld & { finance: Agent; ids: FieldWorld['ids'] & { finance: number } };

export async function travelWorld(t: TestApp, prefix: string): Promise<TravelWorld> {
  const w = await fieldWorld(t, prefix);
  const finance = await createUser(w.admin, { username: `${prefix}.fin`, roleKey: 'finance' });
  return { ...w, finance: await t.login(`${prefix}.fin`, 'password-123'), ids: { ...w.ids, finance } };
}

export const segment = (extra: Json = {}) => ({
  from: '上海',
  to: '乌鲁木齐',
  destinationLevel: 'outOfProvince',
  startDate: '2026-03-02',
  endDate: '2026-03-06',
  transport: 'train',
  ...extra,
});

export const tripBody = (extra: Json = {}) => ({
  purpose: '新设备安装调试',
  workType: 'technicalGuidance',
  segments: [segment()],
  ...extra,
});

/** A submitted trip of `as`. */
export async function submitTrip(as: Agent, extra: Json = {}): Promise<Json> {
  return expectStatus(await as.post(api('/travel-requests'), tripBody(extra)), 201);
}

/** A trip of `as` approved by `by`. */
export async function approvedTrip(as: Agent, by: Agent, extra: Json = {}, decision: Json = {}): Promise<Json> {
  const trip = await submitTrip(as, extra);
  return expectStatus(
    await by.post(api(`/travel-requests/${trip.id}/decision`), {
      version: trip.version,
      approve: true,
      approvedTransport: trip.transportNeedingApproval,
      ...decision,
    }),
    200,
  );
}

/**
 * Publishes a policy changed by `change` (the whole document), effective `effectiveFrom` (a future company-local
 * date), and moves the clock into that day (10:00 Shanghai).
 */
export async function publishPolicy(t: TestApp, admin: Agent, effectiveFrom: string, change: (doc: Json) => void) {
  const draft = await expectStatus(await admin.post(api('/policy/versions'), { note: 'travel test' }), 201);
  const document = structuredClone(draft.document);
  change(document);
  const saved = await expectStatus(await admin.patch(api(`/policy/versions/${draft.number}`), { version: draft.version, document }), 200);
  await expectStatus(await putPolicyInForce(t, admin, draft.number, saved.version, effectiveFrom), 200); // GOV-1
  t.clock.set(`${effectiveFrom}T02:00:00.000Z`);
}
