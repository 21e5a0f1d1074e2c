import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import {
  type FieldWorld,
  approvedLetterFixture,
  completeFill,
  draftLetterFixture,
  expectStatus,
  fieldWorld,
  noticeBody,
  publishFieldPolicy,
} from './letters.fixtures';

// FS-1 service notices, FS-2/4/5/10 responsibility letters through the API, on SQLite and PostgreSQL.

let t: TestApp;
let w: FieldWorld;
const api = (p: string) => `/api/v1${p}`;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses

const notificationsOf = async (userId: number, kind: string) =>
  (
    await t.database.db
      .selectFrom('notifications')
      .select(['kind', 'body_zh'])
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .execute()
  ).length;

async function pendingNotice(extra: Json = {}) {
  return expectStatus(await w.sales.post(api('/field/notices'), noticeBody(w, extra)), 201);
}
const noticeRow = (id: number) => t.database.db.selectFrom('service_notices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t);
});
afterAll(async () => t.close());

describe('FS-1 service notices', () => {
  it('FS-1: a notice needs a customer or a customer unit, and a contact and phone', async () => {
    const res = await w.sales.post(api('/field/notices'), noticeBody(w, { customerId: undefined, siteId: undefined }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('body.customerUnit');
    expect((await w.sales.post(api('/field/notices'), noticeBody(w, { contactPhone: '' }))).statusCode).toBe(400);
    expect((await w.engineer.post(api('/field/notices'), noticeBody(w))).statusCode).toBe(403); // no field.notice
    expect(await t.database.db.selectFrom('service_notices').select('id').execute()).toHaveLength(0);
  });

  it('FS-1: the GM signs; the notice becomes a service request (channel service_notice, needs a visit)', async () => {
    const n = await pendingNotice();
    expect(n).toMatchObject({ status: 'pending', number: `SN-${String(n.id).padStart(6, '0')}`, customerName: 'fx-市第一医院' });
    const gmView = await expectStatus(await w.gm.get(api(`/field/notices/${n.id}`)), 200);
    expect(gmView).toMatchObject({ canSign: true, signNeedsGmAbsentReason: false });
    const signed = await expectStatus(await w.gm.post(api(`/field/notices/${n.id}/sign`), { version: n.version }), 200);
    expect(signed).toMatchObject({ status: 'signed', signedAs: 'gm', signedBy: w.ids.gm, gmAbsentReason: null });
    expect(signed.ticketNumber).toMatch(/^SR-/);
    const ticket = await expectStatus(await w.admin.get(api(`/tickets/${signed.ticketId}`)), 200);
    expect(ticket).toMatchObject({
      channel: 'service_notice',
      type: 'installation',
      needsVisit: true,
      customerId: w.ids.customer,
      siteId: w.ids.site,
      title: '新设备安装调试',
    });
    expect(await notificationsOf(w.ids.sales, 'notice_signed')).toBe(1);
    // Signed once: a second signature is refused.
    expect((await w.gm.post(api(`/field/notices/${n.id}/sign`), { version: signed.version })).statusCode).toBe(409);
  });

  it('FS-1: with departmentHeadDirectly the supervisor signs without stating the GM’s absence', async () => {
    const n = await pendingNotice();
    const signed = await expectStatus(await w.supervisor.post(api(`/field/notices/${n.id}/sign`), { version: n.version }), 200);
    expect(signed).toMatchObject({ status: 'signed', signedAs: 'department_head', gmAbsentReason: null });
  });

  it('FS-1: a notice with the longest texts still becomes a request; change requests are not raised by notice', async () => {
    const long = await pendingNotice({ requirements: '需'.repeat(10_000), siteSituation: '况'.repeat(10_000) });
    const signed = await expectStatus(await w.gm.post(api(`/field/notices/${long.id}/sign`), { version: long.version }), 200);
    const ticket = await expectStatus(await w.admin.get(api(`/tickets/${signed.ticketId}`)), 200);
    expect(ticket.description.length).toBeLessThanOrEqual(10_000);
    expect(ticket.description).toContain('13800000001');
    // Issue 12 item 14: the request's description is read in the Chinese UI; its labels carry no English.
    expect(ticket.description).toMatch(/\n联系人：/);
    expect(ticket.description).not.toMatch(/Contact|Site situation/);
    expect((await w.sales.post(api('/field/notices'), noticeBody(w, { type: 'change_request' }))).statusCode).toBe(400);
  });

  it('FS-1: only the GM or the department head signs; others with field.sign get 422, without it 403', async () => {
    const n = await pendingNotice();
    const byAdmin = await w.admin.post(api(`/field/notices/${n.id}/sign`), { version: n.version });
    expect(byAdmin.statusCode).toBe(422);
    expect(byAdmin.json().error.ruleId).toBe('FS-1');
    expect((await w.engineer.post(api(`/field/notices/${n.id}/sign`), { version: n.version })).statusCode).toBe(403);
    expect((await w.sales.post(api(`/field/notices/${n.id}/sign`), { version: n.version })).statusCode).toBe(403);
    expect(await noticeRow(n.id)).toMatchObject({ status: 'pending', version: n.version, ticket_id: null });
  });

  it('FS-1: a rejection needs and carries its reason and tells the author; stale versions get 409', async () => {
    const n = await pendingNotice();
    expect((await w.gm.post(api(`/field/notices/${n.id}/reject`), { version: n.version })).statusCode).toBe(400);
    expect((await w.gm.post(api(`/field/notices/${n.id}/reject`), { version: n.version, reason: '  ' })).statusCode).toBe(400);
    expect((await w.gm.post(api(`/field/notices/${n.id}/reject`), { version: n.version + 1, reason: '信息不全' })).statusCode).toBe(409);
    const before = await notificationsOf(w.ids.sales, 'notice_rejected');
    const r = await expectStatus(
      await w.gm.post(api(`/field/notices/${n.id}/reject`), { version: n.version, reason: '现场情况不清楚' }),
      200,
    );
    expect(r).toMatchObject({ status: 'rejected', rejectReason: '现场情况不清楚', rejectedBy: w.ids.gm, ticketId: null });
    expect(await notificationsOf(w.ids.sales, 'notice_rejected')).toBe(before + 1);
    expect((await w.gm.post(api(`/field/notices/${n.id}/sign`), { version: r.version })).statusCode).toBe(409);
  });

  it('FS-1: a free-text unit is linked to a customer when signing; without one, 422 and nothing saved', async () => {
    const n = await expectStatus(
      await w.sales.post(api('/field/notices'), noticeBody(w, { customerId: undefined, siteId: undefined, customerUnit: '某研究所' })),
      201,
    );
    expect(n.customerName).toBe('某研究所');
    const refused = await w.gm.post(api(`/field/notices/${n.id}/sign`), { version: n.version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ ruleId: 'FS-1', details: [{ path: 'body.customerId' }] });
    expect((await w.gm.post(api(`/field/notices/${n.id}/sign`), { version: n.version, customerId: 999999 })).statusCode).toBe(422);
    expect(await noticeRow(n.id)).toMatchObject({ status: 'pending', version: n.version });
    const signed = await expectStatus(
      await w.gm.post(api(`/field/notices/${n.id}/sign`), { version: n.version, customerId: w.ids.customer }),
      200,
    );
    expect(signed).toMatchObject({ customerId: w.ids.customer, status: 'signed' });
  });

  it('FS-1: scopes — authors see theirs, signers see all, engineers see none; lists mine / to sign', async () => {
    const n = await pendingNotice();
    expect((await w.engineer.get(api(`/field/notices/${n.id}`))).statusCode).toBe(404);
    const mine = await expectStatus(await w.sales.get(api('/field/notices?box=mine')), 200);
    expect(mine.items.every((x: Json) => x.createdBy === w.ids.sales)).toBe(true);
    const toSign = await expectStatus(await w.gm.get(api('/field/notices?box=to_sign')), 200);
    expect(toSign.items.map((x: Json) => x.id)).toContain(n.id);
    expect(toSign.items.every((x: Json) => x.status === 'pending')).toBe(true);
    expect((await expectStatus(await w.sales.get(api('/field/notices?box=to_sign')), 200)).items).toEqual([]);
    expect((await expectStatus(await w.engineer.get(api('/field/notices')), 200)).items).toEqual([]);
  });
});

describe('FS-2 / FS-4 responsibility letters', () => {
  it('FS-2: a letter comes from a signed notice or a request that needs a visit, once', async () => {
    const pending = await pendingNotice();
    const unsigned = await w.supervisor.post(api('/field/letters'), { noticeId: pending.id });
    expect(unsigned.statusCode).toBe(422);
    expect(unsigned.json().error.ruleId).toBe('FS-1');
    const noVisit = await expectStatus(
      await w.supervisor.post(api('/tickets'), {
        customerId: w.ids.customer,
        title: '咨询',
        description: '电话咨询',
        urgency: 'low',
        impact: 'singleUser',
        autoAssign: false,
      }),
      201,
    );
    const refused = await w.supervisor.post(api('/field/letters'), { ticketId: noVisit.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.ruleId).toBe('FS-2');
    const visit = await expectStatus(
      await w.supervisor.post(api('/tickets'), {
        customerId: w.ids.customer,
        siteId: w.ids.site,
        title: '故障上门',
        description: '设备不开机',
        urgency: 'high',
        impact: 'wide',
        needsVisit: true,
        autoAssign: false,
      }),
      201,
    );
    const fromTicket = await expectStatus(await w.supervisor.post(api('/field/letters'), { ticketId: visit.id }), 201);
    expect(fromTicket).toMatchObject({
      status: 'draft',
      ticketId: visit.id,
      noticeId: null,
      regionId: w.ids.region,
      siteAddress: '人民路 1 号',
    });
    expect((await w.supervisor.post(api('/field/letters'), { ticketId: visit.id })).statusCode).toBe(409);
    expect((await w.engineer.post(api('/field/letters'), { ticketId: visit.id })).statusCode).toBe(403);
    expect((await w.supervisor.post(api('/field/letters'), { ticketId: visit.id, noticeId: pending.id })).statusCode).toBe(422);
  });

  it('FS-4: the standard kit is copied from the policy in force and cannot be removed', async () => {
    const { letter } = await draftLetterFixture(w);
    expect(letter.kit.map((k: Json) => k.key)).toEqual(['usbDrive', 'screwdriver', 'laptop']);
    expect(letter.kit.every((k: Json) => k.category === 'standard' && k.packed === false)).toBe(true);
    const without = letter.kit.filter((k: Json) => k.key !== 'laptop');
    const refused = await w.supervisor.patch(api(`/field/letters/${letter.id}`), { version: letter.version, kit: without });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.ruleId).toBe('FS-4');
    const kit = [
      ...letter.kit.map((k: Json) => ({ ...k, packed: true })),
      { key: 'spare1', category: 'spare_part', name: '电源模块', quantity: 2, packed: false },
    ];
    const filled = await expectStatus(await w.supervisor.patch(api(`/field/letters/${letter.id}`), { version: letter.version, kit }), 200);
    expect(filled.kit).toHaveLength(4);
    expect(filled.kit.find((k: Json) => k.key === 'laptop')).toMatchObject({
      packed: true,
      name: '装有产品资料的笔记本电脑',
      nameEn: 'Laptop with product documents',
    });

    // A new kit in the policy applies to letters created from then on.
    await publishFieldPolicy(t, w.admin, '2026-03-03', (fs) =>
      fs.standardKit.push({ id: 'multimeter', name: { 'zh-CN': '万用表', en: 'Multimeter' } }),
    );
    const { letter: next } = await draftLetterFixture(w);
    expect(next.kit.map((k: Json) => k.key)).toEqual(['usbDrive', 'screwdriver', 'laptop', 'multimeter']);
    expect((await expectStatus(await w.supervisor.get(api(`/field/letters/${letter.id}`)), 200)).kit).toHaveLength(4); // the old letter keeps its copy
  });

  it('FS-2: submitting without appointment or estimate is 422 naming the missing fields; nothing changes', async () => {
    const { letter } = await draftLetterFixture(w);
    let l = await expectStatus(
      await w.supervisor.put(api(`/field/letters/${letter.id}/engineers`), {
        version: letter.version,
        engineerIds: [w.ids.engineer],
        leadId: w.ids.engineer,
      }),
      200,
    );
    const empty = await w.engineer.post(api(`/field/letters/${l.id}/submit`), { version: l.version });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.ruleId).toBe('FS-2');
    expect(empty.json().error.details.map((d: Json) => d.path)).toEqual([
      'siteConfirmation',
      'plannedSolution',
      'appointmentAt',
      'estimatedMinutes',
      'travelPlan',
    ]);
    const { estimatedMinutes: _e, ...noEstimate } = completeFill(l.version, '2026-03-10T01:00:00Z');
    l = await expectStatus(await w.engineer.patch(api(`/field/letters/${l.id}`), noEstimate), 200);
    const missingOne = await w.engineer.post(api(`/field/letters/${l.id}/submit`), { version: l.version });
    expect(missingOne.statusCode).toBe(422);
    expect(missingOne.json().error.details).toEqual([{ path: 'estimatedMinutes', message: 'required' }]);
    expect(missingOne.json().error.message).toContain('estimatedMinutes');
    expect(await expectStatus(await w.engineer.get(api(`/field/letters/${l.id}`)), 200)).toMatchObject({
      status: 'draft',
      version: l.version,
    });
    // Boundary: an estimate of 0 is not an estimate.
    expect((await w.engineer.patch(api(`/field/letters/${l.id}`), { version: l.version, estimatedMinutes: 0 })).statusCode).toBe(400);
    l = await expectStatus(await w.engineer.patch(api(`/field/letters/${l.id}`), { version: l.version, estimatedMinutes: 1 }), 200);
    const submitted = await expectStatus(await w.engineer.post(api(`/field/letters/${l.id}/submit`), { version: l.version }), 200);
    expect(submitted.status).toBe('submitted');
  });

  it('FS-4: the engineer ticks the kit as packed on the approved letter; only its engineers, only its items; stale 409', async () => {
    const { letter } = await approvedLetterFixture(w, '2026-03-12T01:00:00Z');
    const keys = letter.kit.map((k: Json) => k.key);
    expect(
      (await w.engineer2.put(api(`/field/letters/${letter.id}/kit-packing`), { version: letter.version, packed: [keys[0]] })).statusCode,
    ).toBe(404);
    const salesTry = await w.sales.put(api(`/field/letters/${letter.id}/kit-packing`), { version: letter.version, packed: [keys[0]] });
    expect(salesTry.statusCode).toBe(403);
    const unknown = await w.engineer.put(api(`/field/letters/${letter.id}/kit-packing`), {
      version: letter.version,
      packed: [keys[0], 'toaster'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ ruleId: 'FS-4', details: [{ path: 'body.packed.1' }] });
    const packed = await expectStatus(
      await w.engineer.put(api(`/field/letters/${letter.id}/kit-packing`), { version: letter.version, packed: [keys[0], keys[2]] }),
      200,
    );
    expect(packed).toMatchObject({ status: 'approved', version: letter.version + 1, appointmentAt: letter.appointmentAt });
    expect(packed.kit.filter((k: Json) => k.packed).map((k: Json) => k.key)).toEqual([keys[0], keys[2]]);
    expect((await w.engineer.put(api(`/field/letters/${letter.id}/kit-packing`), { version: letter.version, packed: [] })).statusCode).toBe(
      409,
    );
    const jobs = await expectStatus(await w.engineer.get(api('/field/my-jobs')), 200);
    expect(jobs.items.find((j: Json) => j.letterId === letter.id)).toMatchObject({ version: packed.version, kit: packed.kit });
  });

  it('FS-2: an appointment outside the travel plan’s days (company-local) is refused at submission, naming it', async () => {
    const { letter } = await draftLetterFixture(w);
    let l = await expectStatus(
      await w.supervisor.put(api(`/field/letters/${letter.id}/engineers`), {
        version: letter.version,
        engineerIds: [w.ids.engineer],
        leadId: w.ids.engineer,
      }),
      200,
    );
    // 2026-03-10T16:30Z is 00:30 on March 11th in Shanghai: one day after a plan ending on the 10th.
    const fill = {
      ...completeFill(l.version, '2026-03-10T16:30:00Z'),
      travelPlan: { departDate: '2026-03-09', returnDate: '2026-03-10', transport: '高铁' },
    };
    l = await expectStatus(await w.engineer.patch(api(`/field/letters/${l.id}`), fill), 200);
    const res = await w.engineer.post(api(`/field/letters/${l.id}/submit`), { version: l.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      ruleId: 'FS-2',
      details: [{ path: 'appointmentAt', message: expect.stringContaining('2026-03-11') }],
    });
    expect(await expectStatus(await w.engineer.get(api(`/field/letters/${l.id}`)), 200)).toMatchObject({
      status: 'draft',
      version: l.version,
    });
    // 15:59Z is 23:59 on the 10th: inside.
    l = await expectStatus(
      await w.engineer.patch(api(`/field/letters/${l.id}`), { version: l.version, appointmentAt: '2026-03-10T15:59:00Z' }),
      200,
    );
    expect((await expectStatus(await w.engineer.post(api(`/field/letters/${l.id}/submit`), { version: l.version }), 200)).status).toBe(
      'submitted',
    );
  });

  it('FS-2: without engineers the letter cannot be submitted; the engineer’s level and region are suggested first', async () => {
    const { letter } = await draftLetterFixture(w);
    const l = await expectStatus(
      await w.supervisor.patch(api(`/field/letters/${letter.id}`), completeFill(letter.version, '2026-03-11T01:00:00Z')),
      200,
    );
    const res = await w.supervisor.post(api(`/field/letters/${l.id}/submit`), { version: l.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([{ path: 'engineers', message: 'assign the engineers' }]);
    const suggestions = await expectStatus(await w.supervisor.get(api(`/field/letters/${l.id}/engineer-suggestions`)), 200);
    expect(suggestions.items[0]).toMatchObject({ userId: w.ids.engineer, inRegion: true, levelId: w.ids.level });
    expect(suggestions.items.find((s: Json) => s.userId === w.ids.engineer2)).toMatchObject({ inRegion: false });
    expect(suggestions.items.some((s: Json) => s.userId === w.ids.sales)).toBe(false);
    expect((await w.engineer.get(api(`/field/letters/${l.id}/engineer-suggestions`))).statusCode).toBe(403);
    const bad = await w.supervisor.put(api(`/field/letters/${l.id}/engineers`), {
      version: l.version,
      engineerIds: [w.ids.sales],
      leadId: w.ids.sales,
    });
    expect(bad.statusCode).toBe(422);
    expect(
      (
        await w.supervisor.put(api(`/field/letters/${l.id}/engineers`), {
          version: l.version,
          engineerIds: [w.ids.engineer],
          leadId: w.ids.engineer2,
        })
      ).statusCode,
    ).toBe(422);
  });

  it('FS-2: a site that differs from the notice flags the letter and notifies the author until clarified', async () => {
    const { letter } = await draftLetterFixture(w);
    let l = await expectStatus(
      await w.supervisor.put(api(`/field/letters/${letter.id}/engineers`), {
        version: letter.version,
        engineerIds: [w.ids.engineer],
        leadId: w.ids.engineer,
      }),
      200,
    );
    const before = await notificationsOf(w.ids.sales, 'letter_site_mismatch');
    const fill = completeFill(l.version, '2026-03-12T01:00:00Z');
    l = await expectStatus(
      await w.engineer.patch(api(`/field/letters/${l.id}`), {
        ...fill,
        siteConfirmation: { ...fill.siteConfirmation, content: '机房未完工', matchesNotice: false },
      }),
      200,
    );
    expect(l.siteMismatch).toBe(true);
    expect(await notificationsOf(w.ids.sales, 'letter_site_mismatch')).toBe(before + 1);
    const refused = await w.engineer.post(api(`/field/letters/${l.id}/submit`), { version: l.version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0].path).toBe('siteConfirmation');
    // Only the notice's author clarifies; the author sees the letter through the notice.
    expect((await w.engineer.post(api(`/field/letters/${l.id}/site-clarification`), { version: l.version, note: 'x' })).statusCode).toBe(
      403,
    );
    const authorView = await expectStatus(await w.sales.get(api(`/field/letters/${l.id}`)), 200);
    expect(authorView.allowed).toContain('clarify');
    l = await expectStatus(
      await w.sales.post(api(`/field/letters/${l.id}/site-clarification`), { version: l.version, note: '客户确认下周完工，按计划去' }),
      200,
    );
    expect(l).toMatchObject({ siteMismatch: false, siteClarification: { note: '客户确认下周完工，按计划去', by: w.ids.sales } });
    expect((await w.engineer.post(api(`/field/letters/${l.id}/submit`), { version: l.version })).statusCode).toBe(200);
  });

  it('FS-2: scope — engineers see letters they are on; others get 404', async () => {
    const { letter } = await approvedLetterFixture(w, '2026-03-13T01:00:00Z');
    expect((await w.engineer.get(api(`/field/letters/${letter.id}`))).statusCode).toBe(200);
    expect((await w.engineer2.get(api(`/field/letters/${letter.id}`))).statusCode).toBe(404);
    expect(
      (await w.engineer2.patch(api(`/field/letters/${letter.id}`), { version: letter.version, plannedSolution: 'x' })).statusCode,
    ).toBe(404);
    const mine = await expectStatus(await w.engineer.get(api('/field/letters?box=mine')), 200);
    expect(mine.items.map((x: Json) => x.id)).toContain(letter.id);
    expect((await expectStatus(await w.engineer2.get(api('/field/letters?box=mine')), 200)).items).toEqual([]);
  });
});

describe('FS-10 approval, confirmation and the ledger', () => {
  it('FS-10: only the supervisor approves or rejects (with reason) a submitted plan; stale 409', async () => {
    const { letter } = await draftLetterFixture(w);
    let l = await expectStatus(
      await w.supervisor.put(api(`/field/letters/${letter.id}/engineers`), {
        version: letter.version,
        engineerIds: [w.ids.engineer],
        leadId: w.ids.engineer,
      }),
      200,
    );
    l = await expectStatus(await w.engineer.patch(api(`/field/letters/${l.id}`), completeFill(l.version, '2026-03-14T01:00:00Z')), 200);
    expect((await w.supervisor.post(api(`/field/letters/${l.id}/approve`), { version: l.version })).statusCode).toBe(409); // still a draft
    l = await expectStatus(await w.engineer.post(api(`/field/letters/${l.id}/submit`), { version: l.version }), 200);
    expect((await w.engineer.post(api(`/field/letters/${l.id}/approve`), { version: l.version })).statusCode).toBe(403);
    expect((await w.supervisor.post(api(`/field/letters/${l.id}/reject`), { version: l.version })).statusCode).toBe(400);
    l = await expectStatus(
      await w.supervisor.post(api(`/field/letters/${l.id}/reject`), { version: l.version, reason: '备件清单不全' }),
      200,
    );
    expect(l).toMatchObject({ status: 'draft', rejectReason: '备件清单不全' });
    expect(await notificationsOf(w.ids.engineer, 'letter_rejected')).toBeGreaterThan(0);
    l = await expectStatus(await w.engineer.post(api(`/field/letters/${l.id}/submit`), { version: l.version }), 200);
    expect((await w.supervisor.post(api(`/field/letters/${l.id}/approve`), { version: l.version - 1 })).statusCode).toBe(409);
    l = await expectStatus(await w.supervisor.post(api(`/field/letters/${l.id}/approve`), { version: l.version }), 200);
    expect(l).toMatchObject({ status: 'approved', approvedBy: w.ids.supervisor, rejectReason: null });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'responsibility_letter')
      .where('entity_id', '=', String(l.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['letter.create', 'letter.assign', 'letter.fill', 'letter.submit', 'letter.reject', 'letter.approve']),
    );
  });

  it('FS-10: the supervisor confirms a returned letter; sales admin books it with the customer’s evaluation', async () => {
    const { letter, ticketId } = await approvedLetterFixture(w, '2026-03-15T01:00:00Z');
    expect((await w.supervisor.post(api(`/field/letters/${letter.id}/confirm`), { version: letter.version })).statusCode).toBe(409); // not returned yet
    // The on-site module moves the letter to 'returned' (FS-9) and stores the rating (FS-8).
    await t.database.db.updateTable('responsibility_letters').set({ status: 'returned' }).where('id', '=', letter.id).execute();
    await t.database.db
      .insertInto('ticket_ratings')
      .values({
        ticket_id: ticketId,
        attitude: 'excellent',
        skill: 'good',
        result: 'excellent',
        comment: '很专业',
        via: 'device',
        signed_by: '钱主任',
        signature: null,
        rated_by: null,
        created_at: '2026-03-15T08:00:00.000Z',
      })
      .execute();
    expect((await w.engineer.post(api(`/field/letters/${letter.id}/confirm`), { version: letter.version })).statusCode).toBe(403);
    let l = await expectStatus(await w.supervisor.post(api(`/field/letters/${letter.id}/confirm`), { version: letter.version }), 200);
    expect(l).toMatchObject({ status: 'confirmed', confirmedBy: w.ids.supervisor });
    expect(await notificationsOf(w.ids.salesAdmin, 'letter_to_book')).toBeGreaterThan(0);
    expect((await w.supervisor.post(api(`/field/letters/${l.id}/book`), { version: l.version })).statusCode).toBe(403); // field.ledger only
    t.clock.set('2026-03-20T02:00:00Z');
    l = await expectStatus(await w.salesAdmin.post(api(`/field/letters/${l.id}/book`), { version: l.version, note: '已入账' }), 200);
    expect(l).toMatchObject({
      status: 'booked',
      bookedBy: w.ids.salesAdmin,
      ledgerNote: '已入账',
      evaluation: { attitude: 'excellent', skill: 'good', result: 'excellent', comment: '很专业' },
    });
    expect((await w.salesAdmin.post(api(`/field/letters/${l.id}/book`), { version: l.version })).statusCode).toBe(409);

    const march = await expectStatus(await w.salesAdmin.get(api(`/field/ledger?month=2026-03&customerId=${w.ids.customer}`)), 200);
    expect(march.items.map((x: Json) => x.letterId)).toContain(l.id);
    expect(march.items.find((x: Json) => x.letterId === l.id)).toMatchObject({
      engineers: ['fx.eng'],
      bookedByName: 'fx.ledger',
      evaluation: { result: 'excellent' },
    });
    expect((await expectStatus(await w.salesAdmin.get(api('/field/ledger?month=2026-04')), 200)).items).toEqual([]);
    expect((await expectStatus(await w.salesAdmin.get(api('/field/ledger?customerId=999999')), 200)).items).toEqual([]);
    expect((await w.salesAdmin.get(api('/field/ledger?month=2026-13'))).statusCode).toBe(400);
    expect((await w.engineer.get(api('/field/ledger'))).statusCode).toBe(403);
  });
});

describe('FS-5 re-booking', () => {
  it('FS-5: a new appointment after approval records the call and tells the engineers', async () => {
    t.clock.set('2026-03-20T02:00:00Z');
    const { letter } = await approvedLetterFixture(w, '2026-03-23T01:00:00Z', { withSecondEngineer: true });
    const before = await notificationsOf(w.ids.engineer2, 'letter_rebooked');
    const body = {
      version: letter.version,
      appointmentAt: '2026-03-24T06:00:00Z',
      calledAt: '2026-03-20T01:30:00Z',
      calledWhom: '钱主任',
      reason: '客户周一开会',
    };
    expect((await w.engineer.patch(api(`/field/letters/${letter.id}/appointment`), { ...body, reason: '' })).statusCode).toBe(400);
    expect(
      (await w.engineer.patch(api(`/field/letters/${letter.id}/appointment`), { ...body, calledAt: '2026-03-21T01:30:00Z' })).statusCode,
    ).toBe(422);
    const l = await expectStatus(await w.engineer.patch(api(`/field/letters/${letter.id}/appointment`), body), 200);
    expect(l.appointmentAt).toBe('2026-03-24T06:00:00.000Z');
    expect(l.appointmentHistory).toEqual([
      expect.objectContaining({
        fromAt: '2026-03-23T01:00:00.000Z',
        toAt: '2026-03-24T06:00:00.000Z',
        calledWhom: '钱主任',
        reason: '客户周一开会',
        changedBy: w.ids.engineer,
      }),
    ]);
    expect(await notificationsOf(w.ids.engineer2, 'letter_rebooked')).toBe(before + 1);
    expect((await w.engineer.patch(api(`/field/letters/${letter.id}/appointment`), body)).statusCode).toBe(409); // stale
    // The history is append-only at the database level.
    await expect(t.database.db.deleteFrom('letter_appointment_changes').execute()).rejects.toThrow();
  });
});
