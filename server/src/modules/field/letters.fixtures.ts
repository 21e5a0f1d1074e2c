import { type Agent, type TestApp, createUser } from '../../test/harness';
import { putPolicyInForce } from '../policy/policy.fixtures';

// Test set-up for the field module (and the on-site helper's tests): a small organisation and an approved letter.

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses
const api = (p: string) => `/api/v1${p}`;

export async function expectStatus(res: { statusCode: number; body: string; json: () => unknown }, status: number): Promise<Json> {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json() as Json;
}

export type FieldWorld = {
  admin: Agent;
  supervisor: Agent;
  gm: Agent;
  engineer: Agent;
  engineer2: Agent;
  sales: Agent;
  salesAdmin: Agent;
  ids: {
    region: number;
    otherRegion: number;
    department: number;
    team: number;
    level: number;
    supervisor: number;
    gm: number;
    engineer: number;
    engineer2: number;
    sales: number;
    salesAdmin: number;
    customer: number;
    site: number;
  };
};

/**
 * Users (supervisor, GM, two engineers in a team, sales, sales admin), a customer with a site in the engineers'
 * region. `prefix` keeps usernames unique when a test file builds several worlds in one app.
 */
export async function fieldWorld(t: TestApp, prefix = 'fx'): Promise<FieldWorld> {
  const admin = await t.login('admin');
  const region = (await expectStatus(await admin.post(api('/regions'), { name: `${prefix}-华东` }), 201)).id;
  const otherRegion = (await expectStatus(await admin.post(api('/regions'), { name: `${prefix}-华北` }), 201)).id;
  const department = (await expectStatus(await admin.post(api('/departments'), { name: `${prefix}-技术服务部` }), 201)).id;
  const team = (await expectStatus(await admin.post(api('/teams'), { name: `${prefix}-一组`, departmentId: department }), 201)).id;
  const levels = (await admin.get(api('/engineer-levels'))).json() as { items?: Json[] } | Json[];
  const list = Array.isArray(levels) ? levels : (levels.items ?? []);
  const level =
    list[0]?.id ?? (await expectStatus(await admin.post(api('/engineer-levels'), { level: 3, name: '3级', basePayFen: 300000 }), 201)).id;
  const user = (name: string, roleKey: string, extra: Json = {}) =>
    createUser(admin, { username: `${prefix}.${name}`, roleKey, departmentId: department, ...extra });
  const ids = {
    region,
    otherRegion,
    department,
    team,
    level,
    supervisor: await user('sup', 'supervisor'),
    gm: await user('gm', 'gm'),
    engineer: await user('eng', 'engineer', { teamId: team, levelId: level, regionIds: [region] }),
    engineer2: await user('eng2', 'engineer', { teamId: team, regionIds: [otherRegion] }),
    sales: await user('sales', 'sales', { regionIds: [region] }),
    salesAdmin: await user('ledger', 'sales_admin'),
    customer: 0,
    site: 0,
  };
  const login = (name: string) => t.login(`${prefix}.${name}`, 'password-123');
  const world = {
    admin,
    supervisor: await login('sup'),
    gm: await login('gm'),
    engineer: await login('eng'),
    engineer2: await login('eng2'),
    sales: await login('sales'),
    salesAdmin: await login('ledger'),
    ids,
  };
  ids.customer = (
    await expectStatus(await world.supervisor.post(api('/customers'), { name: `${prefix}-市第一医院`, regionId: region }), 201)
  ).id;
  ids.site = (
    await expectStatus(
      await world.supervisor.post(api('/sites'), { customerId: ids.customer, name: '住院部', address: '人民路 1 号', regionId: region }),
      201,
    )
  ).id;
  return world;
}

export const noticeBody = (w: FieldWorld, extra: Json = {}) => ({
  customerId: w.ids.customer,
  siteId: w.ids.site,
  contactName: '钱主任',
  contactPhone: '13800000001',
  type: 'installation',
  title: '新设备安装调试',
  requirements: '安装 2 台设备并培训',
  siteSituation: '机房已完工，电源就绪',
  ...extra,
});

/** A signed notice (FS-1) and its draft letter; returns the letter JSON. */
export async function draftLetterFixture(w: FieldWorld): Promise<{ noticeId: number; ticketId: number; letter: Json }> {
  const notice = await expectStatus(await w.sales.post(api('/field/notices'), noticeBody(w)), 201);
  const signed = await expectStatus(await w.gm.post(api(`/field/notices/${notice.id}/sign`), { version: notice.version }), 200);
  const letter = await expectStatus(await w.supervisor.post(api('/field/letters'), { noticeId: notice.id }), 201);
  return { noticeId: notice.id, ticketId: signed.ticketId, letter };
}

const localDay = (instant: string) => new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 10);

/** A complete fill of a letter (FS-2) for the given appointment. */
export const completeFill = (version: number, appointmentAt: string, estimatedMinutes = 240) => ({
  version,
  siteConfirmation: { contactName: '钱主任', confirmedAt: '2026-03-01T02:00:00Z', content: '机房就绪，与通知单一致', matchesNotice: true },
  plannedSolution: '上架、接电、调试、培训',
  appointmentAt,
  estimatedMinutes,
  // The appointment's company-local day (Asia/Shanghai, UTC+8): FS-2 wants the appointment within the travel plan.
  travelPlan: { departDate: localDay(appointmentAt), returnDate: localDay(appointmentAt), transport: '高铁' },
});

/**
 * An approved letter (FS-2 → FS-10) with `w.engineer` as lead (and optionally engineer2), appointment at
 * `appointmentAt`. For the on-site helper's tests: `const w = await fieldWorld(t); const { letter } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');`
 */
export async function approvedLetterFixture(w: FieldWorld, appointmentAt: string, opts: { withSecondEngineer?: boolean } = {}) {
  const { noticeId, ticketId, letter: draft } = await draftLetterFixture(w);
  const engineerIds = opts.withSecondEngineer ? [w.ids.engineer, w.ids.engineer2] : [w.ids.engineer];
  let l = await expectStatus(
    await w.supervisor.put(api(`/field/letters/${draft.id}/engineers`), { version: draft.version, engineerIds, leadId: w.ids.engineer }),
    200,
  );
  l = await expectStatus(await w.engineer.patch(api(`/field/letters/${l.id}`), completeFill(l.version, appointmentAt)), 200);
  l = await expectStatus(await w.engineer.post(api(`/field/letters/${l.id}/submit`), { version: l.version }), 200);
  l = await expectStatus(await w.supervisor.post(api(`/field/letters/${l.id}/approve`), { version: l.version }), 200);
  return { noticeId, ticketId, letter: l };
}

/**
 * Publishes a policy whose field-service part is changed by `change`, effective `effectiveFrom` (a future
 * company-local date), and moves the test clock into that day (10:00 Shanghai).
 */
export async function publishFieldPolicy(t: TestApp, admin: Agent, effectiveFrom: string, change: (fs: Json) => void) {
  const draft = await expectStatus(await admin.post(api('/policy/versions'), { note: 'field test' }), 201);
  const document = structuredClone(draft.document);
  change(document.fieldService);
  const saved = await expectStatus(await admin.patch(api(`/policy/versions/${draft.number}`), { version: draft.version, document }), 200);
  await expectStatus(await putPolicyInForce(t, admin, draft.number, saved.version, effectiveFrom), 200); // GOV-1
  t.clock.set(`${effectiveFrom}T02:00:00.000Z`);
}
