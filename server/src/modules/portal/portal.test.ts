import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';
import { type FieldWorld, type Json, expectStatus, fieldWorld } from '../field/letters.fixtures';

const api = (p: string) => `/api/v1${p}`;

let t: TestApp;
let w: FieldWorld;
let contact: Agent;
let mine: { siteB: number; deviceA: number; deviceB: number };
let theirs: { site: number; device: number };

beforeAll(async () => {
  t = await createTestApp();
  w = await fieldWorld(t, 'pt');
  const line = (await expectStatus(await w.admin.post(api('/product-lines'), { name: 'pt-存储' }), 201)).id;
  const product = (await expectStatus(await w.admin.post(api('/products'), { name: 'DS300 存储', productLineId: line }), 201)).id;
  const device = async (customerId: number, siteId: number, serialNumber: string) =>
    (await expectStatus(await w.supervisor.post(api('/installed-products'), { customerId, siteId, productId: product, serialNumber }), 201))
      .id;
  const siteB = (await expectStatus(await w.supervisor.post(api('/sites'), { customerId: w.ids.customer, name: '门诊楼机房' }), 201)).id;
  mine = { siteB, deviceA: await device(w.ids.customer, w.ids.site, 'SN-A-1'), deviceB: await device(w.ids.customer, siteB, 'SN-B-1') };
  const other = (await expectStatus(await w.supervisor.post(api('/customers'), { name: 'pt-别家医院' }), 201)).id;
  const otherSite = (await expectStatus(await w.supervisor.post(api('/sites'), { customerId: other, name: '别家机房' }), 201)).id;
  theirs = { site: otherSite, device: await device(other, otherSite, 'SN-OTHER') };
  await createUser(w.admin, { username: 'pt.portal', roleKey: 'customer_contact', customerId: w.ids.customer });
  contact = await t.login('pt.portal', 'password-123');
});
afterAll(async () => t?.close());

describe('portal: the customer names its site and device and attaches files when filing (issue 12 item 12)', () => {
  it('lists its own company’s sites and devices only, with names and serial numbers and nothing internal', async () => {
    const eq = await expectStatus(await contact.get(api('/portal/equipment')), 200);
    expect(eq.sites.map((s: Json) => s.id).sort()).toEqual([w.ids.site, mine.siteB].sort());
    expect(eq.devices).toEqual(
      expect.arrayContaining([
        { id: mine.deviceA, siteId: w.ids.site, productName: 'DS300 存储', serialNumber: 'SN-A-1' },
        { id: mine.deviceB, siteId: mine.siteB, productName: 'DS300 存储', serialNumber: 'SN-B-1' },
      ]),
    );
    expect(eq.devices).toHaveLength(2);
    expect(JSON.stringify(eq)).not.toContain('SN-OTHER');
    expect(Object.keys(eq.devices[0]).sort()).toEqual(['id', 'productName', 'serialNumber', 'siteId']);
  });

  it('is for customer accounts: staff get 403 with its reason', async () => {
    const res = await w.supervisor.get(api('/portal/equipment'));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.reason).toBe('portal.notCustomer');
  });

  it('files a request on the picked site and device, refuses another company’s device, and takes a public attachment', async () => {
    const body = {
      customerId: w.ids.customer,
      siteId: mine.siteB,
      installedProductId: mine.deviceB,
      title: '存储告警',
      description: '控制器告警灯常亮',
      urgency: 'medium',
      impact: 'singleUser',
    };
    const ticket = await expectStatus(await contact.post(api('/tickets'), body), 201);
    expect(ticket).toMatchObject({ siteId: mine.siteB, installedProductId: mine.deviceB });
    const foreign = await contact.post(api('/tickets'), { ...body, siteId: theirs.site, installedProductId: theirs.device });
    expect(foreign.statusCode).toBe(422);
    const boundary = '----portal-test';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="visibility"\r\n\r\npublic\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="告警.txt"\r\nContent-Type: text/plain\r\n\r\n控制器 A 告警\r\n--${boundary}--\r\n`,
      'utf8',
    );
    const attached = await contact.request('POST', api(`/tickets/${ticket.id}/attachments`), payload, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(attached.statusCode).toBe(201);
    expect(attached.json()).toMatchObject({ fileName: '告警.txt', contentType: expect.stringContaining('text/plain') });
  });
});
