import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, api, createTestApp, expectStatus } from '../test/harness';

// Issue 18 item 2: 2^31 in a version, an id in the path, a money field or a version number answered 500 on
// PostgreSQL (22003, out of range for type integer). Each is now refused at the door with 400 and the error
// envelope, naming the field, on both databases; the bigint money columns take what a JavaScript number holds.

const TOO_BIG = 2 ** 31;
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(async () => t.close());

function expectRefused(res: { statusCode: number; json: () => unknown }, field?: string) {
  expect(res.statusCode).toBe(400);
  const body = res.json() as { error: { code: string; message: string; details?: Array<{ path: string }> } };
  expect(body.error.code).toEqual(expect.any(String));
  expect(body.error.message).toEqual(expect.any(String));
  if (field) expect(body.error.details?.map((d) => d.path)).toContain(`body.${field}`);
}

describe('integers beyond a 32-bit column', () => {
  it('refuses 2^31 as a version', async () => {
    expectRefused(await admin.patch(api('/users/1'), { name: 'Admin', version: TOO_BIG }), 'version');
    expectRefused(await admin.patch(api('/users/1'), { name: 'Admin', version: -TOO_BIG - 1 }), 'version');
  });

  it('refuses 2^31 as an id in the path, in any position', async () => {
    expectRefused(await admin.get(api(`/tickets/${TOO_BIG}`)));
    expectRefused(await admin.post(api(`/tickets/1/escalations/${TOO_BIG}/answer`), { answer: 'yes' }));
    expectRefused(await admin.get(api(`/users/99999999999999999999`)));
  });

  it('refuses 2^31 fen in a 32-bit money column and 2^31 as a policy version to copy', async () => {
    expectRefused(await admin.post(api('/engineer-levels'), { level: 9, name: '九级工程师', basePayFen: TOO_BIG }), 'basePayFen');
    expectRefused(await admin.post(api('/policy/versions'), { baseNumber: TOO_BIG }), 'baseNumber');
  });

  it('takes more than 2^31 fen in a bigint money column and refuses what a number cannot hold exactly', async () => {
    const customer = await expectStatus(await admin.post(api('/customers'), { name: '大额客户' }));
    const contract = {
      customerId: customer.id,
      number: 'HT-BIG-1',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      feeFen: 3_000_000_000,
      slaLevelId: 'premium',
      coverage: '24x7',
    };
    expect((await expectStatus(await admin.post(api('/contracts'), contract))).feeFen).toBe(3_000_000_000);
    expectRefused(await admin.post(api('/contracts'), { ...contract, number: 'HT-BIG-2', feeFen: 2 ** 53 }), 'feeFen');
  });
});
