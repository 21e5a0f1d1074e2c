import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { type FieldWorld, type Json, expectStatus, fieldWorld, noticeBody, publishFieldPolicy } from './letters.fixtures';

// FS-1: who signs a service notice under each setting of fieldService.serviceNoticeSigners (SQLite and PostgreSQL).

let t: TestApp;
let w: FieldWorld;
const api = (p: string) => `/api/v1${p}`;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'sg');
});
afterAll(async () => t.close());

const pending = async () => expectStatus(await w.sales.post(api('/field/notices'), noticeBody(w)), 201);
const sign = (who: FieldWorld['gm'], n: Json, extra: Json = {}) =>
  who.post(api(`/field/notices/${n.id}/sign`), { version: n.version, ...extra });
const row = (id: number) =>
  t.database.db
    .selectFrom('service_notices')
    .select(['status', 'version', 'ticket_id', 'gm_absent_reason'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('FS-1 serviceNoticeSigners', () => {
  it('FS-1 departmentHeadWhenGmAbsent only: the department head must state the GM’s absence (recorded)', async () => {
    await publishFieldPolicy(
      t,
      w.admin,
      '2026-03-03',
      (fs) => (fs.serviceNoticeSigners = { gm: true, departmentHeadWhenGmAbsent: true, departmentHeadDirectly: false }),
    );
    const n = await pending();
    expect(await expectStatus(await w.supervisor.get(api(`/field/notices/${n.id}`)), 200)).toMatchObject({
      canSign: true,
      signNeedsGmAbsentReason: true,
    });
    for (const extra of [{}, { gmAbsentReason: '   ' }]) {
      const res = await sign(w.supervisor, n, extra);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ ruleId: 'FS-1', details: [{ path: 'body.gmAbsentReason' }] });
    }
    expect(await row(n.id)).toMatchObject({ status: 'pending', version: n.version, ticket_id: null });
    const signed = await expectStatus(await sign(w.supervisor, n, { gmAbsentReason: '总经理出差' }), 200);
    expect(signed).toMatchObject({ status: 'signed', signedAs: 'department_head', gmAbsentReason: '总经理出差' });
    expect(signed.ticketId).not.toBeNull();
    // The GM still signs without a reason.
    const byGm = await expectStatus(await sign(w.gm, await pending(), { gmAbsentReason: 'ignored' }), 200);
    expect(byGm).toMatchObject({ signedAs: 'gm', gmAbsentReason: null });
  });

  it('FS-1 gm only: the department head may not sign, not even with a reason', async () => {
    await publishFieldPolicy(
      t,
      w.admin,
      '2026-03-04',
      (fs) => (fs.serviceNoticeSigners = { gm: true, departmentHeadWhenGmAbsent: false, departmentHeadDirectly: false }),
    );
    const n = await pending();
    const res = await sign(w.supervisor, n, { gmAbsentReason: '总经理出差' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.ruleId).toBe('FS-1');
    expect((await w.supervisor.post(api(`/field/notices/${n.id}/reject`), { version: n.version, reason: 'x' })).statusCode).toBe(422);
    expect(await row(n.id)).toMatchObject({ status: 'pending', version: n.version });
    expect((await expectStatus(await sign(w.gm, n), 200)).signedAs).toBe('gm');
  });

  it('FS-1 departmentHeadDirectly without the GM: the GM may not sign, the head signs directly', async () => {
    await publishFieldPolicy(
      t,
      w.admin,
      '2026-03-05',
      (fs) => (fs.serviceNoticeSigners = { gm: false, departmentHeadWhenGmAbsent: false, departmentHeadDirectly: true }),
    );
    const n = await pending();
    expect(await expectStatus(await w.gm.get(api(`/field/notices/${n.id}`)), 200)).toMatchObject({ canSign: false });
    const res = await sign(w.gm, n);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.ruleId).toBe('FS-1');
    expect((await expectStatus(await sign(w.supervisor, n), 200)).signedAs).toBe('department_head');
  });

  it('FS-1: a department’s manager (departments.manager_id) counts as the department head', async () => {
    const n = await pending();
    expect((await sign(w.admin, n)).statusCode).toBe(422); // field.sign but neither GM nor head
    const adminId = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
    const dept = await expectStatus(await w.admin.get(api(`/departments/${w.ids.department}`)), 200);
    await expectStatus(await w.admin.patch(api(`/departments/${w.ids.department}`), { version: dept.version, managerId: adminId }), 200);
    expect((await expectStatus(await sign(w.admin, n), 200)).signedAs).toBe('department_head');
  });
});
