import type { Agent, Json, TestApp } from '../../test/harness';
import { api, createUser, expectStatus as ok } from '../../test/harness';
import { putPolicyInForce } from '../policy/policy.fixtures';

// Test set-up shared by the service-request API tests (SR-1..13, SLA-1..4, ORG-3/4, CU-2..4): a department with an
// agent, a supervisor, a GM, experts and engineers by region and skill, two customers with portal contacts.

export type TicketsWorld = { admin: Agent; agent: Agent; supervisor: Agent; gm: Agent; portalA: Agent; portalB: Agent };

/** Builds the organisation and customers into `ids` and `engineers` (shared objects the tests read). */
export async function ticketsWorld(t: TestApp, ids: Record<string, number>, engineers: Record<string, Agent>): Promise<TicketsWorld> {
  const admin = await t.login('admin');
  ids.east = (await ok(await admin.post(api('/regions'), { name: '华东' }))).id;
  ids.north = (await ok(await admin.post(api('/regions'), { name: '华北' }))).id;
  const dept = (await ok(await admin.post(api('/departments'), { name: '技术服务部' }))).id;
  const line = (await ok(await admin.post(api('/product-lines'), { name: '存储' }))).id;
  ids.product = (await ok(await admin.post(api('/products'), { name: 'X9 存储', productLineId: line }))).id;
  ids.other = (await ok(await admin.post(api('/products'), { name: 'Z1 网关', productLineId: line, model: 'Z1' }))).id;
  const user = (username: string, roleKey: string, extra: Json = {}) =>
    createUser(admin, { username, roleKey, departmentId: dept, ...extra });
  ids.agent = await user('agent1', 'agent');
  ids.sup = await user('sup1', 'supervisor');
  ids.gm = await user('gm1', 'gm');
  // ORG-3/4: an expert outside the region, an engineer with the skill in the region, an idle engineer in the region.
  ids.expertNorth = await user('expert.north', 'product_expert', { regionIds: [ids.north] });
  ids.expertEast = await user('expert.east', 'product_expert', { regionIds: [ids.east] });
  ids.skilled = await user('eng.skilled', 'engineer', { regionIds: [ids.east], skills: ['Z1'] });
  ids.idle = await user('eng.idle', 'engineer', { regionIds: [ids.east] });
  ids.l2 = await user('eng.l2', 'engineer', { tier: 2 });
  await ok(await admin.put(api(`/products/${ids.product}/experts`), { userIds: [ids.expertEast, ids.expertNorth] }), 200);
  const agent = await t.login('agent1', 'password-123');
  const supervisor = await t.login('sup1', 'password-123');
  const gm = await t.login('gm1', 'password-123');
  for (const u of ['expert.north', 'expert.east', 'eng.skilled', 'eng.idle', 'eng.l2']) engineers[u] = await t.login(u, 'password-123');

  // Customer A: site in the east, equipment under warranty (accepted 2025-06-01) and out of warranty (2020).
  ids.custA = (await ok(await agent.post(api('/customers'), { name: '甲医院', regionId: ids.east }))).id;
  ids.contactA = (await ok(await agent.post(api('/contacts'), { customerId: ids.custA, name: '钱主任', phone: '13800000001' }))).id;
  ids.siteA = (await ok(await agent.post(api('/sites'), { customerId: ids.custA, name: '门诊楼', regionId: ids.east }))).id;
  ids.ipNew = (
    await ok(
      await agent.post(api('/installed-products'), {
        customerId: ids.custA,
        siteId: ids.siteA,
        productId: ids.product,
        serialNumber: 'SN-1',
        acceptedOn: '2025-06-01',
      }),
    )
  ).id;
  ids.ipOld = (
    await ok(
      await agent.post(api('/installed-products'), {
        customerId: ids.custA,
        siteId: ids.siteA,
        productId: ids.other,
        serialNumber: 'SN-2',
        acceptedOn: '2020-01-10',
      }),
    )
  ).id;
  ids.custB = (await ok(await agent.post(api('/customers'), { name: '乙工厂', regionId: ids.north }))).id;
  ids.contactB = (await ok(await agent.post(api('/contacts'), { customerId: ids.custB, name: '孙工' }))).id;
  await createUser(admin, { username: 'portal.a', roleKey: 'customer_contact', customerId: ids.custA });
  await createUser(admin, { username: 'portal.b', roleKey: 'customer_contact', customerId: ids.custB });
  const portalA = await t.login('portal.a', 'password-123');
  const portalB = await t.login('portal.b', 'password-123');
  return { admin, agent, supervisor, gm, portalA, portalB };
}

/** A fault on customer A's equipment under warranty. */
export const faultOf =
  (ids: Record<string, number>) =>
  (extra: Json = {}) => ({
    customerId: ids.custA,
    contactId: ids.contactA,
    installedProductId: ids.ipNew,
    title: '存储阵列告警',
    description: '控制器 A 告警灯常亮',
    urgency: 'high',
    impact: 'wide',
    ...extra,
  });

export const act = (who: Agent, id: number, body: Json) => who.post(api(`/tickets/${id}/transitions`), body);

export type CountedTable = 'tickets' | 'ticket_entries' | 'ticket_followups' | 'notifications' | 'part_replacements';
export const countRows = async (t: TestApp, table: CountedTable) =>
  (
    await t.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

/**
 * Publishes a policy version effective `effectiveFrom` with `change` applied to its document (approved by the GM,
 * GOV-1), and moves the test clock to that day (10:00 Shanghai).
 */
export async function publishTicketsPolicy(t: TestApp, admin: Agent, effectiveFrom: string, change: (doc: Json) => void) {
  const draft = await ok(await admin.post(api('/policy/versions'), { note: 'tickets test' }), 201);
  const document = structuredClone(draft.document);
  change(document);
  const saved = await ok(await admin.patch(api(`/policy/versions/${draft.number}`), { version: draft.version, document }), 200);
  await ok(await putPolicyInForce(t, admin, draft.number, saved.version, effectiveFrom), 200);
  t.clock.set(`${effectiveFrom}T02:00:00.000Z`);
}

/** A small desk for the reply and clock tests (SLA-2, SLA-5, SR-8): an agent, an engineer and one customer's portal contact. */
export type ReplyDesk = { admin: Agent; agent: Agent; engineer: Agent; portal: Agent; customerId: number };

export async function replyDesk(t: TestApp): Promise<ReplyDesk> {
  const admin = await t.login('admin');
  const region = (await ok(await admin.post(api('/regions'), { name: '华东' }))).id;
  const dept = (await ok(await admin.post(api('/departments'), { name: '技术服务部' }))).id;
  const customerId = (await ok(await admin.post(api('/customers'), { name: '甲医院', regionId: region }))).id;
  await createUser(admin, { username: 'agent1', roleKey: 'agent', departmentId: dept });
  await createUser(admin, { username: 'eng1', roleKey: 'engineer', departmentId: dept, regionIds: [region] });
  await createUser(admin, { username: 'portal1', roleKey: 'customer_contact', customerId });
  const agent = await t.login('agent1', 'password-123');
  const engineer = await t.login('eng1', 'password-123');
  const portal = await t.login('portal1', 'password-123');
  return { admin, agent, engineer, portal, customerId };
}

/** Tuesday 2026-03-10 10:00 Shanghai: a medium × single-user request on the desk's customer (standard level). */
export async function printerRequest(t: TestApp, desk: ReplyDesk) {
  t.clock.set('2026-03-10T02:00:00Z');
  const body = {
    customerId: desk.customerId,
    title: '打印机卡纸',
    description: '二楼打印机频繁卡纸',
    urgency: 'medium',
    impact: 'singleUser',
  };
  return ok(await desk.agent.post(api('/tickets'), body));
}
