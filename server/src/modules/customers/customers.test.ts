import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';

let t: TestApp;
let admin: Agent;
let agent: Agent;
let engineer: Agent;
let contact: Agent;
let regionId: number;
let productId: number;
let calendarId: number;

const api = (p: string) => `/api/v1${p}`;

async function created(res: { statusCode: number; body: string; json: () => unknown }) {
  if (res.statusCode !== 201) throw new Error(`expected 201, got ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; version: number } & Record<string, unknown>;
}
const count = async (
  table: 'customers' | 'customer_contacts' | 'customer_sites' | 'installed_products' | 'service_contracts' | 'part_replacements',
) => (await t.database.db.selectFrom(table).select('id').execute()).length;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  await createUser(admin, { username: 'agent1', roleKey: 'agent' });
  await createUser(admin, { username: 'eng1', roleKey: 'engineer' });
  await createUser(admin, { username: 'contact1', roleKey: 'customer_contact' });
  agent = await t.login('agent1', 'password-123');
  engineer = await t.login('eng1', 'password-123');
  contact = await t.login('contact1', 'password-123');
  regionId = (await created(await admin.post(api('/regions'), { name: '华东' }))).id;
  const lineId = (await created(await admin.post(api('/product-lines'), { name: '服务器' }))).id;
  productId = (await created(await admin.post(api('/products'), { name: 'X9 存储', productLineId: lineId }))).id;
  calendarId = (await admin.get(api('/calendars'))).json().items[0].id;
});
afterAll(async () => t.close());

describe('permissions', () => {
  it('lets an engineer read customers but not create one', async () => {
    expect((await engineer.get(api('/customers'))).statusCode).toBe(200);
    const res = await engineer.post(api('/customers'), { name: '某医院' });
    expect(res.statusCode).toBe(403);
    expect(await count('customers')).toBe(0);
  });

  it('answers 403 to a customer contact, who has no customers permission', async () => {
    expect((await contact.get(api('/customers'))).statusCode).toBe(403);
    expect((await contact.post(api('/customers'), { name: '某医院' })).statusCode).toBe(403);
  });

  it('shows a company-scoped role only its own company', async () => {
    const mine = await created(await agent.post(api('/customers'), { name: '甲公司' }));
    const other = await created(await agent.post(api('/customers'), { name: '乙公司' }));
    const role = await created(
      await admin.post(api('/roles'), { key: 'portal_reader', name: '门户', scope: 'company', permissions: ['customers.read'] }),
    );
    await createUser(admin, { username: 'portal1', roleKey: 'portal_reader', customerId: mine.id });
    const portal = await t.login('portal1', 'password-123');
    const list = (await portal.get(api('/customers'))).json();
    expect(list.items.map((c: { id: number }) => c.id)).toEqual([mine.id]);
    expect((await portal.get(api(`/customers/${other.id}/file`))).statusCode).toBe(404);
    expect((await portal.get(api(`/customers/${mine.id}/file`))).statusCode).toBe(200);
    expect(role.id).toBeGreaterThan(0);
    for (const c of [mine, other]) expect((await agent.delete(api(`/customers/${c.id}`))).statusCode).toBe(200);
  });
});

describe('customers', () => {
  it('creates, reads, updates and deletes a customer, auditing each change', async () => {
    const c = await created(
      await agent.post(api('/customers'), { name: '上海市第一人民医院', shortName: '市一', code: 'SH-001', regionId, industry: '医疗' }),
    );
    expect(c).toMatchObject({ name: '上海市第一人民医院', shortName: '市一', code: 'SH-001', regionId, version: 1 });
    expect((await agent.get(api(`/customers/${c.id}`))).json().name).toBe('上海市第一人民医院');
    const upd = await agent.patch(api(`/customers/${c.id}`), { version: 1, address: '武进路 85 号' });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ address: '武进路 85 号', version: 2 });
    expect((await agent.delete(api(`/customers/${c.id}`))).statusCode).toBe(200);
    expect((await agent.get(api(`/customers/${c.id}`))).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'customer')
      .where('entity_id', '=', String(c.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('answers 409 to a stale version and keeps the newer change', async () => {
    const c = await created(await agent.post(api('/customers'), { name: '版本测试公司' }));
    expect((await agent.patch(api(`/customers/${c.id}`), { version: 1, note: 'first' })).statusCode).toBe(200);
    const stale = await agent.patch(api(`/customers/${c.id}`), { version: 1, note: 'second' });
    expect(stale.statusCode).toBe(409);
    expect((await agent.get(api(`/customers/${c.id}`))).json().note).toBe('first');
  });

  it('answers 422 naming regionId for an unknown region, saving nothing', async () => {
    const before = await count('customers');
    const res = await agent.post(api('/customers'), { name: '无区域公司', regionId: 99999 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([{ path: 'body.regionId', message: expect.stringContaining('99999') }]);
    expect(await count('customers')).toBe(before);
  });

  it('answers 409 to a duplicate code', async () => {
    await created(await agent.post(api('/customers'), { name: '代码一', code: 'DUP-1' }));
    expect((await agent.post(api('/customers'), { name: '代码二', code: 'DUP-1' })).statusCode).toBe(409);
  });
});

describe('search', () => {
  let hospital: number;
  beforeAll(async () => {
    hospital = (await created(await agent.post(api('/customers'), { name: '杭州市中医院', shortName: '杭中医', code: 'HZ-TCM' }))).id;
    await created(
      await agent.post(api('/contacts'), {
        customerId: hospital,
        name: '王建国',
        phone: '13800138000',
        position: '信息科主任',
        isPrimary: true,
      }),
    );
    await created(await agent.post(api('/customers'), { name: '苏州工业园区管委会' }));
  });
  const names = async (q: string) =>
    (await agent.get(api(`/customers?q=${encodeURIComponent(q)}`))).json().items.map((c: { name: string }) => c.name);

  it('finds a customer by a fragment of its Chinese name', async () => {
    expect(await names('中医')).toEqual(['杭州市中医院']);
  });
  it("finds a customer by part of a contact's phone", async () => {
    expect(await names('0013800')).toEqual(['杭州市中医院']);
  });
  it('finds a customer by contact name and by code, case-insensitively', async () => {
    expect(await names('王建')).toEqual(['杭州市中医院']);
    expect(await names('hz-tcm')).toEqual(['杭州市中医院']);
  });
  it('pages with a cursor without repeating or skipping', async () => {
    const all = (await agent.get(api('/customers?limit=200'))).json().items.map((c: { id: number }) => c.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { items: { id: number }[]; nextCursor: string | null } = (
        await agent.get(api(`/customers?limit=2${cursor ? `&cursor=${cursor}` : ''}`))
      ).json();
      seen.push(...res.items.map((c: { id: number }) => c.id));
      cursor = res.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThan(2);
  });
  it('answers 400 to a forged cursor', async () => {
    expect((await agent.get(api('/customers?cursor=nonsense'))).statusCode).toBe(400);
  });
});

describe('contacts and sites', () => {
  it('keeps one primary contact per customer', async () => {
    const c = await created(await agent.post(api('/customers'), { name: '主联系人测试' }));
    const a = await created(await agent.post(api('/contacts'), { customerId: c.id, name: '甲', isPrimary: true }));
    await created(await agent.post(api('/contacts'), { customerId: c.id, name: '乙', isPrimary: true }));
    expect((await agent.get(api(`/contacts/${a.id}`))).json().isPrimary).toBe(false);
  });

  it('answers 422 for a contact of an unknown customer', async () => {
    const res = await agent.post(api('/contacts'), { customerId: 99999, name: '无主' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('body.customerId');
  });

  it('creates a site with its calendar and refuses an unknown calendar or a contact of another company', async () => {
    const c = await created(await agent.post(api('/customers'), { name: '站点公司' }));
    const other = await created(await agent.post(api('/customers'), { name: '别家公司' }));
    const foreign = await created(await agent.post(api('/contacts'), { customerId: other.id, name: '外人' }));
    const site = await created(await agent.post(api('/sites'), { customerId: c.id, name: '总部机房', regionId, calendarId }));
    expect(site).toMatchObject({ calendarId, regionId, contactId: null });
    const before = await count('customer_sites');
    const badCal = await agent.post(api('/sites'), { customerId: c.id, name: 'x', calendarId: 99999 });
    expect(badCal.statusCode).toBe(422);
    expect(badCal.json().error.details[0].path).toBe('body.calendarId');
    const badContact = await agent.patch(api(`/sites/${site.id}`), { version: site.version, contactId: foreign.id });
    expect(badContact.statusCode).toBe(422);
    expect(badContact.json().error.message).toContain('another company');
    expect(await count('customer_sites')).toBe(before);
    expect((await agent.get(api(`/sites/${site.id}`))).json().version).toBe(1);
  });
});

describe('installed products and warranty (CU-2)', () => {
  let customerId: number;
  let siteId: number;
  beforeAll(async () => {
    customerId = (await created(await agent.post(api('/customers'), { name: '质保医院' }))).id;
    siteId = (await created(await agent.post(api('/sites'), { customerId, name: '门诊楼' }))).id;
  });
  // The test clock stands at 2026-03-02 (Asia/Shanghai).

  it('computes 36 months from acceptance: the last day is still in warranty', async () => {
    const p = await created(
      await agent.post(api('/installed-products'), { customerId, siteId, productId, serialNumber: 'SN-LAST', acceptedOn: '2023-03-03' }),
    );
    expect(p.warranty).toMatchObject({ status: 'in_warranty', endDate: '2026-03-02' });
    expect((p.warranty as { explanation: unknown }).explanation).toMatchObject({ ruleId: 'CU-2', policyVersion: 1 });
    expect(p.productName).toBe('X9 存储');
  });

  it('has expired the day after the last day', async () => {
    const p = await created(
      await agent.post(api('/installed-products'), { customerId, productId, serialNumber: 'SN-OVER', acceptedOn: '2023-03-02' }),
    );
    expect(p.warranty).toMatchObject({ status: 'expired', endDate: '2026-03-01' });
  });

  it('CU-2: a part replacement has its own warranty and does not renew the device’s, audited', async () => {
    const p = await created(
      await agent.post(api('/installed-products'), { customerId, productId, serialNumber: 'SN-PART', acceptedOn: '2023-01-10' }),
    );
    expect(p.warranty).toMatchObject({ status: 'expired' });
    const res = await agent.post(api(`/installed-products/${p.id}/part-replacements`), { part: '电源模块', replacedOn: '2025-06-01' });
    expect(res.statusCode).toBe(201);
    expect(res.json().warranty).toMatchObject({
      status: 'expired',
      baseEndDate: '2026-01-09',
      endDate: '2026-01-09',
      extendedBy: { part: '电源模块' },
      parts: [{ part: '电源模块', replacedOn: '2025-06-01', endDate: '2028-05-31', status: 'in_warranty' }],
    });
    expect(res.json().partReplacements).toHaveLength(1);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'installed_product')
      .where('entity_id', '=', String(p.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'replace_part']);
    expect((await agent.delete(api(`/installed-products/${p.id}`))).statusCode).toBe(409);
  });

  it('answers 422 for a site of another customer, saving nothing', async () => {
    const other = await created(await agent.post(api('/customers'), { name: '他人医院' }));
    const otherSite = await created(await agent.post(api('/sites'), { customerId: other.id, name: '他人机房' }));
    const before = await count('installed_products');
    const res = await agent.post(api('/installed-products'), { customerId, siteId: otherSite.id, productId, serialNumber: 'SN-X' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([{ path: 'body.siteId', message: expect.stringContaining('another customer') }]);
    expect(await count('installed_products')).toBe(before);
  });

  it('answers 422 for an unknown product', async () => {
    const res = await agent.post(api('/installed-products'), { customerId, productId: 99999, serialNumber: 'SN-Y' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('body.productId');
  });

  it('answers 404 to a part replacement on an unknown installed product', async () => {
    const before = await count('part_replacements');
    expect(
      (await agent.post(api('/installed-products/99999/part-replacements'), { part: 'fan', replacedOn: '2026-01-01' })).statusCode,
    ).toBe(404);
    expect(await count('part_replacements')).toBe(before);
  });
});

describe('contracts (CU-4)', () => {
  let customerId: number;
  beforeAll(async () => {
    customerId = (await created(await agent.post(api('/customers'), { name: '合同客户' }))).id;
  });
  const contract = (over: Record<string, unknown> = {}) => ({
    customerId,
    number: `HT-${Math.random().toString(36).slice(2, 8)}`,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    serviceContent: '7×24 远程支持，每季度巡检',
    feeFen: 12_000_000,
    slaLevelId: 'premium',
    coverage: '24x7',
    ...over,
  });

  it('creates an active contract and an expired one', async () => {
    expect(await created(await agent.post(api('/contracts'), contract()))).toMatchObject({
      state: 'active',
      feeFen: 12_000_000,
      slaLevelId: 'premium',
    });
    expect(await created(await agent.post(api('/contracts'), contract({ startsOn: '2024-01-01', endsOn: '2025-12-31' })))).toMatchObject({
      state: 'expired',
    });
  });

  it('answers 422 with SLA-1 for an SLA level not in the policy, saving nothing', async () => {
    const before = await count('service_contracts');
    const res = await agent.post(api('/contracts'), contract({ slaLevelId: 'platinum' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ ruleId: 'SLA-1', details: [{ path: 'body.slaLevelId' }] });
    expect(await count('service_contracts')).toBe(before);
  });

  it('answers 422 to a period that ends before it starts', async () => {
    expect((await agent.post(api('/contracts'), contract({ startsOn: '2026-05-01', endsOn: '2026-04-30' }))).statusCode).toBe(422);
    const c = await created(await agent.post(api('/contracts'), contract()));
    expect((await agent.patch(api(`/contracts/${c.id}`), { version: c.version, endsOn: '2025-12-31' })).statusCode).toBe(422);
  });

  it('shows everything in the customer file', async () => {
    const file = (await agent.get(api(`/customers/${customerId}/file`))).json();
    expect(file.customer.name).toBe('合同客户');
    expect(file.contracts.length).toBeGreaterThanOrEqual(3);
    expect(file).toMatchObject({ contacts: [], sites: [], installedProducts: [], asOf: '2026-03-02' });
  });
});
