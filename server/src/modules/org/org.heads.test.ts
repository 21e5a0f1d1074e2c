import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, api, createTestApp, createUser, expectStatus as ok } from '../../test/harness';
import { autoAssign } from '../tickets/tickets.assignment';
import { departmentHeads } from './org.repository';

// Issue 17 item 7, ORG-1: who "the supervisor" is comes from the organisation (the department's named manager, up
// the chain, else its members whose role's data scope is the department), and tier 2 is the engineer's property —
// never a role or a skill tag looked up by its name. On SQLite and PostgreSQL.

let t: TestApp;
let admin: Agent;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  ids.parent = (await ok(await admin.post(api('/departments'), { name: '服务中心' }))).id;
  ids.child = (await ok(await admin.post(api('/departments'), { name: '华东服务部', parentId: ids.parent }))).id;
  ids.unnamed = (await ok(await admin.post(api('/departments'), { name: '驻场部' }))).id;
  // A department head whose role is not called "supervisor" (here a VP), and a member with the supervisor role.
  ids.head = await createUser(admin, { username: 'head.parent', roleKey: 'vp', departmentId: ids.parent });
  ids.supInParent = await createUser(admin, { username: 'sup.parent', roleKey: 'supervisor', departmentId: ids.parent });
  ids.supUnnamed = await createUser(admin, { username: 'sup.unnamed', roleKey: 'supervisor', departmentId: ids.unnamed });
  ids.engUnnamed = await createUser(admin, { username: 'eng.unnamed', roleKey: 'engineer', departmentId: ids.unnamed });
  const parent = await ok(await admin.get(api(`/departments/${ids.parent}`)), 200);
  await ok(await admin.patch(api(`/departments/${ids.parent}`), { managerId: ids.head, version: parent.version }), 200);
  // Tier: one engineer carries the old skill tag only, one is tier 2 by property.
  ids.tagged = await createUser(admin, { username: 'eng.tagged', roleKey: 'engineer', skills: ['L2'] });
  ids.tier2 = await createUser(admin, { username: 'eng.tier2', roleKey: 'engineer', tier: 2 });
});
afterAll(() => t.close());

describe('ORG-1: the head of a department', () => {
  it('is the manager named on the department, not whoever holds the supervisor role there', async () => {
    expect(await departmentHeads(t.database.db, ids.parent)).toEqual([ids.head]);
  });

  it('is inherited from the department above when the department names none', async () => {
    expect(await departmentHeads(t.database.db, ids.child)).toEqual([ids.head]);
  });

  it('falls back to the members whose role reaches the department when no manager is named up the chain', async () => {
    expect(await departmentHeads(t.database.db, ids.unnamed)).toEqual([ids.supUnnamed]);
  });

  it('a disabled manager is no head: the fallback applies', async () => {
    const u = await ok(await admin.get(api(`/users/${ids.head}`)), 200);
    await ok(await admin.patch(api(`/users/${ids.head}`), { status: 'disabled', version: u.version }), 200);
    expect(await departmentHeads(t.database.db, ids.parent)).toEqual([ids.supInParent]);
    const again = await ok(await admin.get(api(`/users/${ids.head}`)), 200);
    await ok(await admin.patch(api(`/users/${ids.head}`), { status: 'active', version: again.version }), 200);
  });
});

describe('ORG-1: tier 2 is a property of the engineer', () => {
  it('is shown and edited on the user, 1 by default', async () => {
    expect((await ok(await admin.get(api(`/users/${ids.tagged}`)), 200)).tier).toBe(1);
    expect((await ok(await admin.get(api(`/users/${ids.tier2}`)), 200)).tier).toBe(2);
    const u = await ok(await admin.get(api(`/users/${ids.engUnnamed}`)), 200);
    expect((await admin.patch(api(`/users/${ids.engUnnamed}`), { tier: 3, version: u.version })).statusCode).toBe(400);
  });

  it('SR-6 escalation chooses among tier-2 engineers only; the skill tag "L2" no longer makes one', async () => {
    const chosen = await autoAssign(t.database.db, {
      productId: null,
      regionId: null,
      policyVersion: null,
      tier2: true,
      today: '2026-12-07',
    });
    expect(chosen.userId).toBe(ids.tier2);
    const without = await autoAssign(t.database.db, {
      productId: null,
      regionId: null,
      policyVersion: null,
      tier2: true,
      today: '2026-12-07',
      exclude: [ids.tier2],
    });
    expect(without.userId).toBeNull();
  });
});
