import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';
import { type FieldWorld, type Json, expectStatus, fieldWorld } from '../field/letters.fixtures';
import { PDF } from '../projects/projects.fixtures';
import { api } from '../travel/travel.fixtures';

// RS-6/RS-7: cancelling a personnel change (personnel.cancel.ts) through the API on both databases: the filer or HR
// before the client's approval, only the client IT office after it or for its own replacement demand; its open
// obligations cancelled and the cancellation audited.

let t: TestApp;
let w: FieldWorld;
let resident: Agent;
let clientIt: Agent;
let ids: { resident: number; resident2: number; newcomer: number };

const at = (local: string) => t.clock.set(new Date(Date.parse(`${local.replace(' ', 'T')}+08:00`)).toISOString());
const refusal = (res: { statusCode: number; json: () => Json }, status: number) => {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  return res.json().error as Json;
};
const cancel = (as: Agent, c: Json, reason = '客户项目调整，取消变更') =>
  as.post(api(`/personnel-changes/${c.id}/cancel`), { version: c.version, reason });
const obligationStates = (id: number) =>
  t.database.db
    .selectFrom('obligations')
    .select('state')
    .where('subject_type', '=', 'personnel_change')
    .where('subject_id', '=', id)
    .execute();

function cvUpload(as: Agent, id: number) {
  const boundary = '----techserve-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return as.request('POST', api(`/personnel-changes/${id}/cv`), body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'pcx');
  const staff = { roleKey: 'engineer', departmentId: w.ids.department, teamId: w.ids.team, siteId: w.ids.site };
  ids = {
    resident: await createUser(w.admin, { username: 'pcx.res', ...staff }),
    resident2: await createUser(w.admin, { username: 'pcx.res2', ...staff }),
    newcomer: await createUser(w.admin, { username: 'pcx.new', roleKey: 'engineer', departmentId: w.ids.department, teamId: w.ids.team }),
  };
  await createUser(w.admin, { username: 'pcx.it', roleKey: 'client_it', customerId: w.ids.customer, siteId: w.ids.site });
  resident = await t.login('pcx.res', 'password-123');
  clientIt = await t.login('pcx.it', 'password-123');
  at('2026-02-10 10:00');
});
afterAll(async () => t?.close());

const announce = () =>
  w.supervisor.post(api('/personnel-changes'), { outgoingUserId: ids.resident, changeDate: '2026-03-20', reason: '个人原因离职' });

describe('RS-6: before the client’s approval, whoever filed it or HR cancels', () => {
  it('refuses the resident concerned (403), cancels for the filer: status, who/why, obligation cancelled, audited', async () => {
    const change = await expectStatus(await announce(), 201);
    expect(await obligationStates(change.id)).toEqual([{ state: 'open' }]);
    expect(refusal(await cancel(resident, change), 403)).toMatchObject({ reason: 'personnel.cancelNotAllowed', ruleId: 'RS-6' });
    expect((await cancel(w.supervisor, change, 'x')).statusCode).toBe(400);
    const done = await expectStatus(await cancel(w.supervisor, change), 200);
    expect(done).toMatchObject({ status: 'cancelled', cancellation: { reason: '客户项目调整，取消变更', byName: expect.any(String) } });
    expect(done.timeline.at(-1)).toMatchObject({ event: 'cancelled' });
    expect(await obligationStates(change.id)).toEqual([{ state: 'cancelled' }]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'personnel_change')
      .where('entity_id', '=', String(change.id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('personnel.change.cancel');
    expect(refusal(await cancel(w.supervisor, done), 409).reason).toBe('personnel.badStatus');
  });
});

describe('RS-6: after the client’s approval, only with the client’s consent', () => {
  it('refuses the company (403 personnel.cancelNeedsClient); the client IT office of the site cancels it', async () => {
    let change = await expectStatus(await announce(), 201);
    change = await expectStatus(await cvUpload(w.supervisor, change.id), 200);
    change = await expectStatus(
      await w.supervisor.post(api(`/personnel-changes/${change.id}/request`), {
        version: change.version,
        incomingUserId: ids.newcomer,
        incomingName: '新同事',
        qualifications: '网络工程师中级',
      }),
      200,
    );
    change = await expectStatus(
      await w.supervisor.post(api(`/personnel-changes/${change.id}/decision`), { version: change.version, approve: true }),
      200,
    );
    expect(change.status).toBe('company_approved');
    await expectStatus(
      await clientIt.post(api(`/client-approvals/personnel_change/${change.id}`), { version: change.version, approve: true }),
      200,
    );
    change = await expectStatus(await w.supervisor.get(api(`/personnel-changes/${change.id}`)), 200);
    expect(change.status).toBe('approved');
    expect(refusal(await cancel(w.supervisor, change), 403)).toMatchObject({ reason: 'personnel.cancelNeedsClient', ruleId: 'RS-6' });
    const done = await expectStatus(await cancel(clientIt, change, '甲方同意取消本次人员变更'), 200);
    expect(done).toMatchObject({ status: 'cancelled', cancellation: { reason: '甲方同意取消本次人员变更' } });
  });
});

describe('RS-7: a replacement the client asked for is withdrawn by the client only', () => {
  it('refuses HR (403) and lets the client IT office withdraw it; its deadline obligation is cancelled', async () => {
    at('2026-03-02 10:00');
    const r = await expectStatus(
      await clientIt.post(api('/personnel-replacements'), { outgoingUserId: ids.resident2, reasonKind: 'skill', reason: '技能不足' }),
      201,
    );
    expect(refusal(await cancel(w.supervisor, r), 403)).toMatchObject({ reason: 'personnel.cancelNeedsClient', ruleId: 'RS-7' });
    const done = await expectStatus(await cancel(clientIt, r, '经沟通后技能已达标'), 200);
    expect(done.status).toBe('cancelled');
    expect((await obligationStates(r.id)).every((o) => o.state === 'cancelled')).toBe(true);
  });
});
