import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { type FieldWorld, type Json, expectStatus, fieldWorld, publishFieldPolicy } from './letters.fixtures';
import { onSiteLetterFixture, recordBody } from './visits.fixtures';

// FS-9 return: report the job done and the return plan; return only when approved (or at once by policy). SQLite and PostgreSQL.

let t: TestApp;
let w: FieldWorld;
const api = (p: string) => `/api/v1${p}`;
const returnBody = (version: number, extra: Json = {}) => ({
  version,
  completionNote: '安装调试完成，已培训 3 人',
  returnPlan: { date: '2026-03-03', transport: '高铁 G7' },
  ...extra,
});
const letterOf = async (id: number) => expectStatus(await w.engineer.get(api(`/field/letters/${id}`)), 200);
const notificationsOf = (userId: number, kind: string) =>
  t.database.db.selectFrom('notifications').select('link').where('user_id', '=', userId).where('kind', '=', kind).execute();

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  t.clock.set('2026-03-02T02:00:00Z');
  w = await fieldWorld(t, 'rt');
});
afterAll(async () => t.close());

async function signedOff() {
  const on = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
  await expectStatus(await w.engineer.put(api(`/field/letters/${on.letterId}/service-record`), recordBody()), 200);
  await expectStatus(await w.engineer.post(api(`/field/letters/${on.letterId}/sign-off`), { unsignedReason: '客户已离开' }), 201);
  return on;
}

describe('FS-9 return', () => {
  it('FS-8: the return waits for the sign-off (422 FS-8); a stale letter version gets 409', async () => {
    const { letterId } = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
    const l = await letterOf(letterId);
    const res = await w.engineer.post(api(`/field/letters/${letterId}/return-request`), returnBody(l.version));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.ruleId).toBe('FS-8');
    await expectStatus(await w.engineer.put(api(`/field/letters/${letterId}/service-record`), recordBody()), 200);
    await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), { unsignedReason: '客户已离开' }), 201);
    expect((await w.engineer.post(api(`/field/letters/${letterId}/return-request`), returnBody(l.version - 1))).statusCode).toBe(409);
    expect(
      (
        await w.engineer.post(
          api(`/field/letters/${letterId}/return-request`),
          returnBody(l.version, { returnPlan: { date: '2026-02-30', transport: '高铁' } }),
        )
      ).statusCode,
    ).toBe(400);
    expect((await letterOf(letterId)).status).toBe('on_site');
  });

  it('FS-9: refuses a return planned for a day already past (422 naming the date), nothing saved', async () => {
    const { letterId } = await signedOff();
    const l = await letterOf(letterId);
    const res = await w.engineer.post(
      api(`/field/letters/${letterId}/return-request`),
      returnBody(l.version, { returnPlan: { date: '2026-03-01', transport: '高铁' } }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ ruleId: 'FS-9', details: [{ path: 'body.returnPlan.date' }] });
    expect(await letterOf(letterId)).toMatchObject({ status: 'on_site', version: l.version });
    // Today (2026-03-02 in Shanghai) is fine.
    expect(
      (
        await w.engineer.post(
          api(`/field/letters/${letterId}/return-request`),
          returnBody(l.version, { returnPlan: { date: '2026-03-02', transport: '高铁' } }),
        )
      ).statusCode,
    ).toBe(200);
  });

  it('FS-9: returns only when approved — requested, then approved by field.approve, the engineers told', async () => {
    const { letterId } = await signedOff();
    const l = await letterOf(letterId);
    const v = await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/return-request`), returnBody(l.version)), 200);
    expect(v.status).toBe('return_requested');
    expect(v.returnRequests[0]).toMatchObject({
      decision: 'pending',
      completionNote: '安装调试完成，已培训 3 人',
      returnPlan: { date: '2026-03-03', transport: '高铁 G7' },
    });
    expect(await notificationsOf(w.ids.supervisor, 'return_requested')).toContainEqual({ link: `/field/letters/${letterId}` });
    expect((await w.engineer.post(api(`/field/letters/${letterId}/return-approve`), { version: v.version })).statusCode).toBe(403);
    expect((await w.supervisor.post(api(`/field/letters/${letterId}/return-approve`), { version: v.version - 1 })).statusCode).toBe(409);
    const approved = await expectStatus(
      await w.supervisor.post(api(`/field/letters/${letterId}/return-approve`), { version: v.version }),
      200,
    );
    expect(approved.status).toBe('returned');
    expect(approved.returnRequests[0]).toMatchObject({ decision: 'approved', decidedByName: expect.any(String) });
    expect(await notificationsOf(w.ids.engineer, 'return_approved')).toContainEqual({ link: `/field/letters/${letterId}` });
    // FS-10 continues from here: the supervisor confirms the returned letter.
    await expectStatus(await w.supervisor.post(api(`/field/letters/${letterId}/confirm`), { version: approved.version }), 200);
    expect((await w.supervisor.post(api(`/field/letters/${letterId}/return-approve`), { version: approved.version + 1 })).statusCode).toBe(
      409,
    );
  });

  it('FS-9: a declined return keeps the engineer on site with the reason; the next request can be approved', async () => {
    const { letterId } = await signedOff();
    const l = await letterOf(letterId);
    const v = await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/return-request`), returnBody(l.version)), 200);
    expect((await w.supervisor.post(api(`/field/letters/${letterId}/return-decline`), { version: v.version, reason: '' })).statusCode).toBe(
      400,
    );
    const declined = await expectStatus(
      await w.supervisor.post(api(`/field/letters/${letterId}/return-decline`), { version: v.version, reason: '请再观察一天设备运行' }),
      200,
    );
    expect(declined.status).toBe('on_site');
    expect(declined.returnRequests[0]).toMatchObject({ decision: 'declined', declineReason: '请再观察一天设备运行' });
    expect(await notificationsOf(w.ids.engineer, 'return_declined')).toContainEqual({ link: `/field/letters/${letterId}` });
    const again = await expectStatus(
      await w.engineer.post(api(`/field/letters/${letterId}/return-request`), returnBody(declined.version)),
      200,
    );
    const approved = await expectStatus(
      await w.supervisor.post(api(`/field/letters/${letterId}/return-approve`), { version: again.version }),
      200,
    );
    expect(approved.status).toBe('returned');
    expect(approved.returnRequests.map((r: Json) => r.decision)).toEqual(['approved', 'declined']);
  });

  it('FS-9: with the policy’s returnNeedsApproval off the letter is returned at once', async () => {
    await publishFieldPolicy(t, w.admin, '2026-04-01', (fs) => {
      fs.returnNeedsApproval = false;
    });
    const { letterId } = await onSiteLetterFixture(w, '2026-04-02T01:00:00Z');
    await expectStatus(await w.engineer.put(api(`/field/letters/${letterId}/service-record`), recordBody()), 200);
    await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), { unsignedReason: '客户已离开' }), 201);
    const l = await letterOf(letterId);
    const v = await expectStatus(
      await w.engineer.post(
        api(`/field/letters/${letterId}/return-request`),
        returnBody(l.version, { returnPlan: { date: '2026-04-02', transport: '自驾' } }),
      ),
      200,
    );
    expect(v.status).toBe('returned');
    expect(v.returnRequests[0]).toMatchObject({ decision: 'automatic' });
    expect((await w.supervisor.post(api(`/field/letters/${letterId}/return-approve`), { version: v.version })).statusCode).toBe(409);
  });
});
