import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';
import { type FieldWorld, type Json, expectStatus, fieldWorld } from '../field/letters.fixtures';
import { PDF, SIGNATURE, multipart } from '../projects/projects.fixtures';
import { api } from '../travel/travel.fixtures';
import { conductPointsForMonth } from './residents.conduct';

// Issue 14 items 9–11 through the API on SQLite and PostgreSQL. Site A (住院部) has two residents, a team lead and its
// client IT office; site B (门诊部) one resident and its own client IT office. Default policy: shift 08:00–12:00 +
// 14:00–18:00, late more than 15 minutes = 5 points (RS-9). Shanghai is UTC+8.

let t: TestApp;
let w: FieldWorld;
let res1: Agent;
let lead: Agent;
let itA: Agent;
let itB: Agent;
let ids: { siteB: number; res1: number; res2: number; resB: number; itA: number; itB: number };

const at = (local: string) => t.clock.set(new Date(Date.parse(`${local.replace(' ', 'T')}+08:00`)).toISOString());
const recordBody = (extra: Json = {}) => ({
  date: '2026-03-31',
  startTime: '14:00',
  endTime: '16:30',
  place: '信息中心机房',
  content: '更换核心交换机电源模块',
  result: '更换完成，业务恢复',
  people: [
    { name: '张工', inTime: '14:00', outTime: '16:30' },
    { name: '李工', inTime: '14:10', outTime: '16:20' },
  ],
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'rs');
  const siteB = (await expectStatus(await w.supervisor.post(api('/sites'), { customerId: w.ids.customer, name: '门诊部' }), 201)).id;
  const user = (username: string, roleKey: string, extra: Json) =>
    createUser(w.admin, { username, roleKey, departmentId: w.ids.department, teamId: w.ids.team, ...extra });
  ids = {
    siteB,
    res1: await user('rs.res1', 'engineer', { siteId: w.ids.site }),
    res2: await user('rs.res2', 'engineer', { siteId: w.ids.site }),
    resB: await createUser(w.admin, { username: 'rs.resb', roleKey: 'engineer', siteId: siteB }),
    itA: await createUser(w.admin, { username: 'rs.ita', roleKey: 'client_it', customerId: w.ids.customer, siteId: w.ids.site }),
    itB: await createUser(w.admin, { username: 'rs.itb', roleKey: 'client_it', customerId: w.ids.customer, siteId: siteB }),
  };
  await user('rs.lead', 'team_lead', {});
  res1 = await t.login('rs.res1', 'password-123');
  lead = await t.login('rs.lead', 'password-123');
  itA = await t.login('rs.ita', 'password-123');
  itB = await t.login('rs.itb', 'password-123');
  at('2026-04-02 10:00');
});
afterAll(async () => t?.close());

describe('permissions and the client’s site scope', () => {
  it('a client IT office sees its own site only: another site is 404, never listed', async () => {
    const list = await expectStatus(await itA.get(api('/residents/sites')), 200);
    expect(list.items.map((s: Json) => s.id)).toEqual([w.ids.site]);
    expect((await itA.get(api(`/residents/sites/${ids.siteB}`))).statusCode).toBe(404);
    expect((await itA.get(api(`/residents/sites/${ids.siteB}/records?month=2026-03`))).statusCode).toBe(404);
  });

  it('a client may not set the contract or write records (403); an engineer without a site sees no site', async () => {
    const put = await itA.put(api(`/residents/sites/${w.ids.site}/contract`), {
      headcount: 1,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(put.statusCode).toBe(403);
    expect((await itA.post(api(`/residents/sites/${w.ids.site}/records`), recordBody())).statusCode).toBe(403);
    expect((await expectStatus(await w.engineer.get(api('/residents/sites')), 200)).items).toEqual([]);
    expect((await w.engineer.get(api(`/residents/sites/${w.ids.site}`))).statusCode).toBe(404);
  });
});

describe('RS-11 resident contract and staffing', () => {
  it('is staffed when the two active residents exactly meet a head-count of 2', async () => {
    const view = await expectStatus(
      await w.supervisor.put(api(`/residents/sites/${w.ids.site}/contract`), {
        headcount: 2,
        startDate: '2026-01-01',
        endDate: '2028-12-31',
      }),
      200,
    );
    expect(view.contract).toMatchObject({ headcount: 2, version: 1 });
    expect(view.staffing).toMatchObject({ contracted: 2, active: 2, underStaffed: false, shortBy: 0 });
    expect(view.residents.map((r: Json) => r.id).sort()).toEqual([ids.res1, ids.res2].sort());
    expect(view.signers.map((r: Json) => r.id)).toEqual([ids.itA]);
  });

  it('warns one short at a head-count of 3, explained with RS-11; a stale version is 409', async () => {
    const view = await expectStatus(
      await w.supervisor.put(api(`/residents/sites/${w.ids.site}/contract`), {
        headcount: 3,
        startDate: '2026-01-01',
        endDate: '2028-12-31',
        version: 1,
      }),
      200,
    );
    expect(view.staffing).toMatchObject({ underStaffed: true, shortBy: 1 });
    expect(view.staffing.explanation.ruleId).toBe('RS-11');
    const stale = await w.supervisor.put(api(`/residents/sites/${w.ids.site}/contract`), {
      headcount: 2,
      startDate: '2026-01-01',
      endDate: '2028-12-31',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const seen = await expectStatus(await itA.get(api(`/residents/sites/${w.ids.site}`)), 200);
    expect(seen.staffing.underStaffed).toBe(true);
  });

  it('refuses a period ending before it starts (422 RS-11)', async () => {
    const res = await w.supervisor.put(api(`/residents/sites/${ids.siteB}/contract`), {
      headcount: 1,
      startDate: '2026-05-01',
      endDate: '2026-04-30',
    });
    expect(res.statusCode).toBe(422);
  });

  it('keeps the equipment register, backups and authorised configuration changes, visible to the site’s client only', async () => {
    const eq = await expectStatus(
      await res1.post(api(`/residents/sites/${w.ids.site}/equipment`), { name: '核心交换机', model: 'S7706', serialNo: 'SN-001' }),
      201,
    );
    await expectStatus(
      await res1.patch(api(`/residents/equipment/${eq.id}`), { name: '核心交换机', location: '一楼机房', version: eq.version }),
      200,
    );
    expect((await res1.patch(api(`/residents/equipment/${eq.id}`), { name: 'x', version: eq.version })).statusCode).toBe(409);
    await expectStatus(
      await res1.post(api(`/residents/sites/${w.ids.site}/backups`), {
        at: '2026-04-01T10:00:00+08:00',
        target: 'HIS 数据库',
        result: 'ok',
      }),
      201,
    );
    const late = await res1.post(api(`/residents/sites/${w.ids.site}/config-changes`), {
      at: '2026-04-01T10:00:00+08:00',
      system: '防火墙',
      description: '开放 443 端口',
      authorisedBy: '王科长',
      authorisedAt: '2026-04-01T10:01:00+08:00',
    });
    expect(late.statusCode).toBe(422);
    await expectStatus(
      await res1.post(api(`/residents/sites/${w.ids.site}/config-changes`), {
        at: '2026-04-01T10:00:00+08:00',
        system: '防火墙',
        description: '开放 443 端口',
        authorisedBy: '王科长',
        authorisedAt: '2026-04-01T10:00:00+08:00',
        reference: 'IT-2026-031',
      }),
      201,
    );
    const view = await expectStatus(await itA.get(api(`/residents/sites/${w.ids.site}`)), 200);
    expect(view.equipment[0]).toMatchObject({ name: '核心交换机', location: '一楼机房', version: 2 });
    expect(view.backups[0]).toMatchObject({ target: 'HIS 数据库', result: 'ok', at: '2026-04-01T02:00:00.000Z' });
    expect(view.configChanges[0]).toMatchObject({ authorisedBy: '王科长', authorisedAt: '2026-04-01T02:00:00.000Z' });
    expect((await itB.get(api(`/residents/sites/${w.ids.site}`))).statusCode).toBe(404);
    const otherSite = await res1.post(api(`/residents/sites/${ids.siteB}/equipment`), { name: 'x' });
    expect(otherSite.statusCode).toBe(404);
  });
});

describe('RS-8 operations records', () => {
  it('refuses a record without its signer (422 RS-8) and one with both ways of signing', async () => {
    const res = await res1.post(api(`/residents/sites/${w.ids.site}/records`), recordBody());
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ ruleId: 'RS-8', reason: 'residents.unsigned' });
    const both = await res1.post(
      api(`/residents/sites/${w.ids.site}/records`),
      recordBody({ signature: { signerName: '王科长', dataUrl: SIGNATURE }, approverId: ids.itA }),
    );
    expect(both.json().error).toMatchObject({ ruleId: 'RS-8', reason: 'residents.bothSignatures' });
  });

  it('keeps a record signed on the device on the month’s last day in that month, the signature readable by the client', async () => {
    const r = await expectStatus(
      await res1.post(
        api(`/residents/sites/${w.ids.site}/records`),
        recordBody({ signature: { signerName: '王科长', dataUrl: SIGNATURE } }),
      ),
      201,
    );
    expect(r).toMatchObject({ status: 'signed', signedHow: 'drawn', signerName: '王科长', headcount: 2, date: '2026-03-31' });
    const march = await expectStatus(await itA.get(api(`/residents/sites/${w.ids.site}/records?month=2026-03`)), 200);
    expect(march.items.map((x: Json) => x.id)).toContain(r.id);
    const april = await expectStatus(await itA.get(api(`/residents/sites/${w.ids.site}/records?month=2026-04`)), 200);
    expect(april.items).toEqual([]);
    const sig = await itA.get(r.signatureUrl);
    expect(sig.statusCode).toBe(200);
    expect(sig.headers['content-type']).toBe('image/png');
    expect((await itB.get(r.signatureUrl)).statusCode).toBe(404);
  });

  it('names a client user of the site to approve in the app; another site’s client is refused (422 RS-8)', async () => {
    const wrong = await res1.post(api(`/residents/sites/${w.ids.site}/records`), recordBody({ approverId: ids.itB }));
    expect(wrong.json().error).toMatchObject({ ruleId: 'RS-8', reason: 'residents.notClientSigner' });
    const r = await expectStatus(await res1.post(api(`/residents/sites/${w.ids.site}/records`), recordBody({ approverId: ids.itA })), 201);
    expect(r).toMatchObject({ status: 'awaiting_approval', signedHow: 'app', approver: { id: ids.itA } });
    expect((await itB.post(api(`/residents/records/${r.id}/approve`), { version: r.version })).statusCode).toBe(404);
    const signed = await expectStatus(await itA.post(api(`/residents/records/${r.id}/approve`), { version: r.version }), 200);
    expect(signed).toMatchObject({ status: 'signed', signerName: expect.any(String) });
    expect((await itA.post(api(`/residents/records/${r.id}/approve`), { version: signed.version })).statusCode).toBe(409);
  });
});

describe('RS-9 conduct points', () => {
  let smoking: Json;

  it('reads late points from the evaluation and adds a recorded offence with evidence', async () => {
    // 2026-03-02: in at 08:30 (late, > 15 min) → the evaluation's 5 points.
    for (const time of ['08:30', '12:00', '14:00', '18:00']) {
      at(`2026-03-02 ${time}`);
      await expectStatus(await res1.post(api('/attendance/punches'), { device: 'phone' }), 201);
    }
    at('2026-04-02 10:00');
    smoking = await expectStatus(
      await itA.post(api('/residents/conduct-points'), {
        userId: ids.res1,
        date: '2026-03-31',
        itemId: 'smoking',
        evidence: '机房内吸烟，有监控截图',
      }),
      201,
    );
    expect(smoking).toMatchObject({ points: 10, source: 'policy', policyVersion: 1, status: 'active' });
    const { body, headers } = multipart([{ name: 'file', fileName: '截图.pdf', data: PDF }]);
    const withFile = await expectStatus(
      await itA.request('POST', api(`/residents/conduct-points/${smoking.id}/attachment`), body, headers),
      200,
    );
    expect(withFile.attachment).toMatchObject({ contentType: 'application/pdf' });
    smoking = withFile;
    const month = await expectStatus(await itA.get(api('/residents/conduct?month=2026-03')), 200);
    const total = month.totals.find((x: Json) => x.userId === ids.res1);
    expect(total).toMatchObject({ fromEvaluation: 5, recorded: 10, adjustments: 0, total: 15 });
    expect(total.explanations.map((e: Json) => e.ruleId)).toEqual(['RS-9', 'RS-9']);
    expect(month.items.map((i: Json) => i.id)).not.toContain('late');
  });

  it('never records late points by hand, nor an offence off the list, nor for another site’s resident', async () => {
    const late = await lead.post(api('/residents/conduct-points'), { userId: ids.res1, date: '2026-03-30', itemId: 'late', evidence: 'x' });
    expect(late.json().error).toMatchObject({ ruleId: 'RS-9', reason: 'residents.evaluatedConductItem' });
    const unknown = await lead.post(api('/residents/conduct-points'), {
      userId: ids.res1,
      date: '2026-03-30',
      itemId: 'dancing',
      evidence: 'x',
    });
    expect(unknown.json().error).toMatchObject({ reason: 'residents.unknownConductItem' });
    const other = await itA.post(api('/residents/conduct-points'), {
      userId: ids.resB,
      date: '2026-03-30',
      itemId: 'waste',
      evidence: 'x',
    });
    expect(other.json().error).toMatchObject({ reason: 'residents.notResident' });
  });

  it('a client sees its own site’s people and points only', async () => {
    await expectStatus(await itB.get(api('/residents/conduct?month=2026-03')), 200).then((m) => {
      expect(m.totals.map((x: Json) => x.userId)).toEqual([ids.resB]);
      expect(m.points).toEqual([]);
    });
    expect((await itB.get(api(`/residents/conduct-points/${smoking.id}/attachment`))).statusCode).toBe(404);
    const a = await expectStatus(await itA.get(api('/residents/conduct?month=2026-03')), 200);
    expect(a.totals.map((x: Json) => x.userId).sort()).toEqual([ids.res1, ids.res2].sort());
  });

  it('refuses a point in a closed month (409) and books its withdrawal as an adjustment in the next open month', async () => {
    await expectStatus(await w.supervisor.post(api('/months/2026-03/close'), {}), 200);
    const closed = await itA.post(api('/residents/conduct-points'), {
      userId: ids.res1,
      date: '2026-03-31',
      itemId: 'waste',
      evidence: '长明灯',
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.reason).toBe('months.closed');
    const record = await res1.post(
      api(`/residents/sites/${w.ids.site}/records`),
      recordBody({ signature: { signerName: '王科长', dataUrl: SIGNATURE } }),
    );
    expect(record.statusCode).toBe(409);
    const withdrawn = await expectStatus(
      await itA.post(api(`/residents/conduct-points/${smoking.id}/withdraw`), { version: smoking.version, reason: '监控确认非本人' }),
      200,
    );
    expect(withdrawn.adjustmentId).toEqual(expect.any(Number));
    const march = await expectStatus(await itA.get(api('/residents/conduct?month=2026-03')), 200);
    expect(march.totals.find((x: Json) => x.userId === ids.res1)).toMatchObject({ total: 15 });
    const april = await expectStatus(await itA.get(api('/residents/conduct?month=2026-04')), 200);
    expect(april.totals.find((x: Json) => x.userId === ids.res1)).toMatchObject({ adjustments: -10, total: -10 });
    const again = await itA.post(api(`/residents/conduct-points/${smoking.id}/withdraw`), { version: withdrawn.version, reason: 'x' });
    expect(again.statusCode).toBe(409);
  });

  it('charges the site’s own points when the site overrides the list (POL-1), and refuses evidence that is not a photo or PDF', async () => {
    await expectStatus(
      await w.admin.put(api(`/attendance/sites/${ids.siteB}/settings`), {
        override: { conductPoints: [{ id: 'smoking', name: { 'zh-CN': '吸烟', en: 'Smoking' }, points: 20 }] },
        geofence: null,
        networks: [],
      }),
      200,
    );
    const p = await expectStatus(
      await itB.post(api('/residents/conduct-points'), { userId: ids.resB, date: '2026-04-01', itemId: 'smoking', evidence: '走廊吸烟' }),
      201,
    );
    expect(p).toMatchObject({ points: 20, source: 'site' });
    expect(p.explanation.text['zh-CN']).toContain('POL-1');
    const waste = await itB.post(api('/residents/conduct-points'), {
      userId: ids.resB,
      date: '2026-04-01',
      itemId: 'waste',
      evidence: 'x',
    });
    expect(waste.json().error).toMatchObject({ reason: 'residents.unknownConductItem' });
    const { body, headers } = multipart([{ name: 'file', fileName: 'a.txt', data: Buffer.from('plain text') }]);
    expect((await itB.request('POST', api(`/residents/conduct-points/${p.id}/attachment`), body, headers)).statusCode).toBe(415);
  });

  it('withdraws a point of an open month directly; the set-based read agrees with the API', async () => {
    const p = await expectStatus(
      await lead.post(api('/residents/conduct-points'), { userId: ids.res2, date: '2026-04-01', itemId: 'untidy', evidence: '工位杂乱' }),
      201,
    );
    const totals = await conductPointsForMonth(t.database.db, '2026-04', [ids.res1, ids.res2], t.clock.now().getTime());
    expect(totals.find((x) => x.userId === ids.res2)).toMatchObject({ recorded: 5, total: 5 });
    const w2 = await expectStatus(
      await lead.post(api(`/residents/conduct-points/${p.id}/withdraw`), { version: p.version, reason: '误记' }),
      200,
    );
    expect(w2).toMatchObject({ status: 'withdrawn', adjustmentId: null });
    const after = await conductPointsForMonth(t.database.db, '2026-04', [ids.res2], t.clock.now().getTime());
    expect(after[0]).toMatchObject({ recorded: 0, total: 0 });
  });
});
