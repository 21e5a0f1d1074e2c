import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { type FieldWorld, draftLetterFixture, fieldWorld } from '../field/letters.fixtures';
import { incidentFactsBetween, complaintFactsBetween } from './incidents.repository';

// SR-14 complaints and IN-1..3 incidents through the API, on SQLite and PostgreSQL. The clock starts on Monday
// 2026-03-02 09:00 Shanghai; the default calendar works 08:30–12:00 and 13:00–17:30.

let t: TestApp;
let w: FieldWorld;
let vp: Agent;
let portal: Agent;
let ticketId: number;
let letterId: number;
let productId: number;
let expertId: number;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'inc');
  await createUser(w.admin, { username: 'inc.vp', roleKey: 'vp' });
  await createUser(w.admin, { username: 'inc.portal', roleKey: 'customer_contact', customerId: w.ids.customer });
  vp = await t.login('inc.vp', 'password-123');
  portal = await t.login('inc.portal', 'password-123');
  // DS-300 with its product expert (R&D, ORG-3).
  const line = await expectStatus(await w.admin.post(api('/product-lines'), { name: 'inc-存储' }), 201);
  productId = (await expectStatus(await w.admin.post(api('/products'), { name: 'inc-DS-300', productLineId: line.id }), 201)).id;
  expertId = await createUser(w.admin, { username: 'inc.expert', roleKey: 'product_expert', departmentId: w.ids.department });
  await expectStatus(await w.admin.put(api(`/products/${productId}/experts`), { userIds: [expertId] }), 200);
  const fx = await draftLetterFixture(w);
  ticketId = fx.ticketId;
  letterId = fx.letter.id;
});
afterAll(async () => t?.close());

const complaintBody = (extra: Json = {}) => ({
  customerId: w.ids.customer,
  complainantName: '钱主任',
  complainantPhone: '13800000001',
  level: 'vpOrAbove',
  recipientName: '李副总',
  receivedAt: '2026-03-02T00:30:00Z',
  aboutUserId: w.ids.engineer,
  subject: '工程师未按约定时间到场',
  description: '约定 9 点到场，10 点半才到，影响门诊系统升级',
  ticketId,
  productId,
  ...extra,
});
const count = async (table: 'incidents' | 'complaints') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const incidentBody = (extra: Json = {}) => ({
  classId: 'II',
  basis: 'lateReport',
  engineerId: w.ids.engineer,
  letterId,
  title: '现场问题未及时反馈',
  description: '存储告警未上报，公司另派工程师到场',
  occurredAt: '2026-03-02T00:00:00Z',
  ...extra,
});

describe('who may do what (SR-14, IN-1)', () => {
  it('refuses a complaint from an engineer (no incidents.report), the complaint list to a customer contact and an incident from the VP (no incidents.manage)', async () => {
    expect((await w.engineer.post(api('/complaints'), complaintBody())).statusCode).toBe(403);
    expect((await portal.get(api('/complaints'))).statusCode).toBe(403);
    expect((await vp.post(api('/incidents'), incidentBody())).statusCode).toBe(403);
  });
});

describe('a complaint to a VP becomes a Class I incident (SR-14 → IN-1)', () => {
  let complaint: Json;
  let incident: Json;

  it('registers who complained, to whom, about whom and what, and proposes Class I with its explanation', async () => {
    complaint = await expectStatus(await vp.post(api('/complaints'), complaintBody()), 201);
    expect(complaint).toMatchObject({
      status: 'open',
      level: 'vpOrAbove',
      recipientName: '李副总',
      aboutUserId: w.ids.engineer,
      ticketId,
      proposal: { classId: 'I', explanation: { ruleId: 'IN-1', policyVersion: 1 } },
    });
    const notes = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'title_zh'])
      .where('link', '=', `/complaints/${complaint.id}`)
      .execute();
    expect(notes.map((n) => n.user_id)).toContain(w.ids.supervisor);
    expect(notes[0].title_zh).toContain('按政策建议定为 I 类事故');
  });

  it('proposes Class II for a complaint to sales admin and none to the service department', async () => {
    const toSales = await expectStatus(
      await w.salesAdmin.post(api('/complaints'), complaintBody({ level: 'salesAdmin', recipientName: '冯雪' })),
      201,
    );
    expect(toSales.proposal).toMatchObject({ classId: 'II', explanation: { ruleId: 'IN-2' } });
    const toService = await expectStatus(
      await vp.post(api('/complaints'), complaintBody({ level: 'service', recipientName: '张伟' })),
      201,
    );
    expect(toService.proposal.classId).toBeNull();
    const res = await w.supervisor.post(api(`/complaints/${toService.id}/incident`), { version: toService.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ reason: 'complaints.noIncidentProposed', ruleId: 'SR-14' });
  });

  it('the supervisor raises it: Class I, linked to the complaint and the request, the supervisor and the product’s R&D expert alerted at once', async () => {
    incident = await expectStatus(
      await w.supervisor.post(api(`/complaints/${complaint.id}/incident`), { version: complaint.version }),
      201,
    );
    expect(incident).toMatchObject({
      classId: 'I',
      basis: 'complaint',
      complaintId: complaint.id,
      ticketId,
      engineerId: w.ids.engineer,
      status: 'open',
      mobilisedAt: '2026-03-02T01:00:00.000Z',
      classExplanation: { ruleId: 'IN-1' },
    });
    expect(incident).toMatchObject({ productId, productName: 'inc-DS-300' });
    expect(incident.alerted).toEqual([
      expect.objectContaining({ id: w.ids.supervisor, role: 'supervisor' }),
      expect.objectContaining({ id: expertId, role: 'rnd' }),
    ]);
    const mobilise = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('link', '=', `/incidents/${incident.id}`)
      .where('kind', '=', 'incident_mobilise')
      .execute();
    expect(mobilise.map((n) => n.user_id).sort()).toEqual([w.ids.supervisor, expertId].sort());
    const again = await expectStatus(await w.supervisor.get(api(`/complaints/${complaint.id}`)), 200);
    expect(again.incidentId).toBe(incident.id);
    const twice = await w.supervisor.post(api(`/complaints/${complaint.id}/incident`), { version: again.version });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.reason).toBe('complaints.incidentExists');
  });

  it('the engineer sees the incident about them; a colleague does not', async () => {
    expect((await w.engineer.get(api(`/incidents/${incident.id}`))).statusCode).toBe(200);
    expect((await w.engineer2.get(api(`/incidents/${incident.id}`))).statusCode).toBe(404);
    const mine = await expectStatus(await w.engineer.get(api('/incidents?view=mine')), 200);
    expect(mine.items.map((i: Json) => i.id)).toContain(incident.id);
  });

  it('the reflection waits for the resolution (409) and is the engineer’s own to write (403)', async () => {
    const early = await w.engineer.post(api(`/incidents/${incident.id}/reflection`), { version: incident.version, text: '反思' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ reason: 'incidents.notResolved', ruleId: 'IN-1' });
    const other = await w.supervisor.post(api(`/incidents/${incident.id}/reflection`), { version: incident.version, text: '反思' });
    expect(other.statusCode).toBe(403);
  });

  it('resolved on Friday 16:00: the reflection is due Wednesday 24:00 (3 working days), the review and the notice Friday 24:00 (5), as obligations (IN-1, IN-3)', async () => {
    t.clock.set('2026-03-06T08:00:00Z');
    incident = await expectStatus(
      await w.supervisor.post(api(`/incidents/${incident.id}/resolve`), { version: incident.version, resolution: '调派备机，当晚恢复' }),
      200,
    );
    const [reflection, review, notice] = incident.documents;
    expect(reflection).toMatchObject({
      kind: 'reflection',
      required: true,
      ownerId: w.ids.engineer,
      dueAt: '2026-03-11T16:00:00.000Z',
      state: 'open',
    });
    expect(reflection.dueExplanation.ruleId).toBe('IN-1');
    expect(review).toMatchObject({ kind: 'review', ownerId: w.ids.supervisor, dueAt: '2026-03-13T16:00:00.000Z', state: 'open' });
    expect(review.dueExplanation.ruleId).toBe('IN-3');
    expect(notice).toMatchObject({ kind: 'notice', ownerId: w.ids.supervisor, dueAt: '2026-03-13T16:00:00.000Z', state: 'open' });
    expect(notice.dueExplanation.ruleId).toBe('IN-3');
    const obligations = await t.database.db
      .selectFrom('obligations')
      .select(['kind', 'owner_id', 'state'])
      .where('subject_id', '=', incident.id)
      .execute();
    expect(obligations.map((o) => `${o.kind} ${o.owner_id} ${o.state}`).sort()).toEqual([
      `incident_notice ${w.ids.supervisor} open`,
      `incident_review ${w.ids.supervisor} open`,
      `reflection ${w.ids.engineer} open`,
    ]);
  });

  it('the reflection at its due instant is on time, the review and notice (filed together) a minute after their due time late — each explained; the incident closes and the department is told', async () => {
    t.clock.set('2026-03-11T16:00:00Z');
    incident = await expectStatus(
      await w.engineer.post(api(`/incidents/${incident.id}/reflection`), {
        version: incident.version,
        text: '未提前确认路况，今后提前一小时出发',
      }),
      200,
    );
    expect(incident.documents[0]).toMatchObject({
      filedAt: '2026-03-11T16:00:00.000Z',
      text: '未提前确认路况，今后提前一小时出发',
      state: 'onTime',
    });
    expect(incident.documents[0].stateExplanation.ruleId).toBe('IN-1');
    const again = await w.engineer.post(api(`/incidents/${incident.id}/reflection`), { version: incident.version, text: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.reason).toBe('incidents.alreadyFiled');
    t.clock.set('2026-03-13T16:01:00Z');
    const overdue = (await expectStatus(await w.supervisor.get(api(`/incidents/${incident.id}`)), 200)).documents;
    expect(overdue.map((d: Json) => `${d.kind} ${d.state}`)).toEqual(['reflection onTime', 'review overdue', 'notice overdue']);
    incident = await expectStatus(
      await w.supervisor.post(api(`/incidents/${incident.id}/notice`), {
        version: incident.version,
        review: '与刘工复盘：出发时间预估不足',
        notice: '3 月 2 日市一医院 I 类事故通报……',
      }),
      200,
    );
    expect(incident).toMatchObject({ status: 'closed', review: '与刘工复盘：出发时间预估不足' });
    expect(incident.documents[1]).toMatchObject({ kind: 'review', state: 'late', text: '与刘工复盘：出发时间预估不足' });
    expect(incident.documents[2]).toMatchObject({ kind: 'notice', state: 'late', stateExplanation: { ruleId: 'IN-3' } });
    const told = await t.database.db.selectFrom('notifications').select('user_id').where('kind', '=', 'incident_notice').execute();
    expect(told.map((n) => n.user_id)).toEqual(expect.arrayContaining([w.ids.engineer, w.ids.engineer2]));
  });
});

describe('IN-3: the supervisor’s review (事故总结) is its own obligation, opened at the resolution', () => {
  // Monday 2026-05-11 10:00 Shanghai: the review (and the notice) are due 5 working days later (incidents.
  // noticeDueWorkingDays), Monday 05-18 24:00 = 2026-05-18T16:00:00Z.
  const resolved = async (title: string) => {
    t.clock.set('2026-05-11T02:00:00Z');
    const i = await expectStatus(
      await w.supervisor.post(api('/incidents'), incidentBody({ title, occurredAt: '2026-05-11T01:00:00Z' })),
      201,
    );
    return expectStatus(
      await w.supervisor.post(api(`/incidents/${i.id}/resolve`), { version: i.version, resolution: '已另派工程师处理' }),
      200,
    );
  };

  it('filed on its own exactly at its due instant it is on time; the notice then needs no review; the engineer cannot file it', async () => {
    let i = await resolved('复盘按时');
    const review = i.documents.find((d: Json) => d.kind === 'review');
    expect(review).toMatchObject({ required: true, ownerId: w.ids.supervisor, dueAt: '2026-05-18T16:00:00.000Z', state: 'open' });
    expect(review.dueExplanation.text['zh-CN']).toContain('事故总结须在其后第 5 个工作日 2026-05-18 24:00 前完成');
    expect((await w.engineer.post(api(`/incidents/${i.id}/review`), { version: i.version, text: '自己总结' })).statusCode).toBe(403);
    t.clock.set('2026-05-18T16:00:00Z');
    i = await expectStatus(
      await w.supervisor.post(api(`/incidents/${i.id}/review`), { version: i.version, text: '与当事人复盘：未及时上报' }),
      200,
    );
    expect(i.review).toBe('与当事人复盘：未及时上报');
    expect(i.documents[1]).toMatchObject({ kind: 'review', state: 'onTime', filedAt: '2026-05-18T16:00:00.000Z' });
    expect(i.documents[1].stateExplanation.text['zh-CN']).toContain('按时');
    const obligation = await t.database.db
      .selectFrom('obligations')
      .select(['state', 'evidence_type'])
      .where('kind', '=', 'incident_review')
      .where('subject_id', '=', i.id)
      .executeTakeFirstOrThrow();
    expect(obligation).toEqual({ state: 'on_time', evidence_type: 'incident' });
    const twice = await w.supervisor.post(api(`/incidents/${i.id}/review`), { version: i.version, text: '再总结' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.reason).toBe('incidents.alreadyFiled');
    // The notice no longer carries the review (409 when it does); a stale version is 409 too.
    const withReview = await w.supervisor.post(api(`/incidents/${i.id}/notice`), { version: i.version, review: 'x', notice: '通报' });
    expect(withReview.statusCode).toBe(409);
    expect(withReview.json().error.reason).toBe('incidents.alreadyFiled');
    i = await expectStatus(
      await w.supervisor.post(api(`/incidents/${i.id}/notice`), { version: i.version, notice: '5 月 II 类事故通报' }),
      200,
    );
    expect(i.documents.map((d: Json) => `${d.kind} ${d.state}`)).toEqual(['reflection overdue', 'review onTime', 'notice onTime']);
  });

  it('a minute after its due instant it is late, explained; a notice without any review is 422 and saves nothing', async () => {
    let i = await resolved('复盘迟交');
    const bare = await w.supervisor.post(api(`/incidents/${i.id}/notice`), { version: i.version, notice: '通报' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error).toMatchObject({ reason: 'incidents.reviewMissing', ruleId: 'IN-3', details: [{ path: 'body.review' }] });
    expect((await expectStatus(await w.supervisor.get(api(`/incidents/${i.id}`)), 200)).version).toBe(i.version);
    t.clock.set('2026-05-18T16:01:00Z');
    i = await expectStatus(await w.supervisor.post(api(`/incidents/${i.id}/review`), { version: i.version, text: '迟到的复盘' }), 200);
    expect(i.documents[1]).toMatchObject({ kind: 'review', state: 'late' });
    expect(i.documents[1].stateExplanation.text['zh-CN']).toContain('逾期 1 分钟');
    expect(i.documents[1].stateExplanation.ruleId).toBe('IN-3');
  });

  it('a review before the resolution is 409 (IN-3)', async () => {
    t.clock.set('2026-05-19T02:00:00Z');
    const open = await expectStatus(await w.supervisor.post(api('/incidents'), incidentBody({ occurredAt: '2026-05-19T01:00:00Z' })), 201);
    const early = await w.supervisor.post(api(`/incidents/${open.id}/review`), { version: open.version, text: '复盘' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ reason: 'incidents.notResolved', ruleId: 'IN-3' });
  });
});

describe('IN-1: improper operation interrupting the customer’s work, from a request and from a visit', () => {
  it('records a Class I on the basis improperOperation linked to the request: customer and product from it, R&D mobilised, explained', async () => {
    t.clock.set('2026-06-02T02:00:00Z');
    const i = await expectStatus(
      await w.supervisor.post(api('/incidents'), {
        classId: 'I',
        basis: 'improperOperation',
        engineerId: w.ids.engineer,
        ticketId,
        productId,
        title: '升级未按流程备份，门诊影像中断',
        description: '未执行备份即升级存储固件，门诊影像系统中断 2 小时',
        occurredAt: '2026-06-02T01:00:00Z',
      }),
      201,
    );
    expect(i).toMatchObject({
      classId: 'I',
      basis: 'improperOperation',
      ticketId,
      letterId: null,
      complaintId: null,
      customerId: w.ids.customer,
      productId,
      status: 'open',
      mobilisedAt: '2026-06-02T02:00:00.000Z',
      classExplanation: { ruleId: 'IN-1' },
    });
    expect(i.classExplanation.text['zh-CN']).toContain('操作不当或未按流程操作造成客户工作中断');
    expect(i.alerted.map((a: Json) => a.role).sort()).toEqual(['rnd', 'supervisor']);
    const facts = await incidentFactsBetween(t.database.db, {
      from: '2026-05-31T16:00:00.000Z',
      to: '2026-06-30T16:00:00.000Z',
      userIds: [w.ids.engineer],
    });
    expect(facts.map((f) => `${f.classId} ${f.basis} ${f.ticketId}`)).toEqual([`I improperOperation ${ticketId}`]);
  });

  it('records it linked to the visit (responsibility letter), the customer taken from the letter; unlinked it is 422', async () => {
    const i = await expectStatus(
      await w.supervisor.post(api('/incidents'), {
        classId: 'I',
        basis: 'improperOperation',
        engineerId: w.ids.engineer2,
        letterId,
        title: '现场误操作导致停机',
        description: '误断电源，科室工作中断',
        occurredAt: '2026-06-02T01:30:00Z',
      }),
      201,
    );
    expect(i).toMatchObject({ basis: 'improperOperation', letterId, ticketId: null, customerId: w.ids.customer, classId: 'I' });
    const bare = await w.supervisor.post(api('/incidents'), {
      classId: 'I',
      basis: 'improperOperation',
      engineerId: w.ids.engineer,
      title: '误操作',
      description: '无关联',
      occurredAt: '2026-06-02T01:30:00Z',
    });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error).toMatchObject({ reason: 'incidents.factRequired', ruleId: 'IN-1' });
  });
});

describe('bad input records nothing (IN-1, SR-14)', () => {
  it('refuses an incident without its class or the fact it concerns, or for an unknown engineer or request, with the reason', async () => {
    t.clock.set('2026-03-09T02:00:00Z');
    const before = await count('incidents');
    const cases: Array<[Json, number, string, string]> = [
      [{ classId: undefined }, 422, 'incidents.classRequired', 'body.classId'],
      [{ classId: null }, 422, 'incidents.classRequired', 'body.classId'],
      [{ letterId: undefined }, 422, 'incidents.factRequired', 'body.ticketId'],
      [{ engineerId: 999999 }, 422, 'incidents.noSuchEngineer', 'body.engineerId'],
      [{ ticketId: 999999 }, 422, 'incidents.noSuchTicket', 'body.ticketId'],
      [{ occurredAt: '2026-03-10T00:00:00Z' }, 422, 'incidents.inFuture', 'body.occurredAt'],
    ];
    for (const [extra, status, reason, path] of cases) {
      const res = await w.supervisor.post(api('/incidents'), incidentBody(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(status);
      expect(res.json().error, JSON.stringify(extra)).toMatchObject({ reason, ruleId: 'IN-1' });
      expect(JSON.stringify(res.json().error.details)).toContain(path);
    }
    expect((await w.supervisor.post(api('/incidents'), incidentBody({ classId: 'III' }))).statusCode).toBe(400);
    expect(await count('incidents')).toBe(before);
  });

  it('refuses a complaint with a contact of another customer, or received tomorrow, and saves nothing', async () => {
    const before = await count('complaints');
    const other = await expectStatus(await w.supervisor.post(api('/customers'), { name: 'inc-别家公司', regionId: w.ids.region }), 201);
    const contact = await expectStatus(
      await w.supervisor.post(api('/contacts'), { customerId: other.id, name: '王工', phone: '13800000009' }),
      201,
    );
    const res = await vp.post(api('/complaints'), complaintBody({ contactId: contact.id }));
    expect(res.json().error).toMatchObject({ reason: 'complaints.contactOfOtherCustomer', ruleId: 'SR-14' });
    expect((await vp.post(api('/complaints'), complaintBody({ receivedAt: '2026-03-10T00:00:00Z' }))).statusCode).toBe(422);
    expect((await vp.post(api('/complaints'), complaintBody({ level: 'ceo' }))).statusCode).toBe(400);
    expect(await count('complaints')).toBe(before);
  });
});

describe('a complaint is handled to the customer’s satisfaction and closed with its confirmation (SR-14)', () => {
  it('acknowledged, handled, not satisfied (handled again), then closed with who confirmed and how', async () => {
    let c = await expectStatus(
      await w.sales.post(api('/complaints'), complaintBody({ level: 'salesManager', recipientName: '郑经理', aboutUserId: null })),
      201,
    );
    expect(c.proposal.classId).toBeNull();
    const early = await w.supervisor.post(api(`/complaints/${c.id}/confirmation`), {
      version: c.version,
      satisfied: true,
      confirmedBy: '钱主任',
      channel: 'phone',
    });
    expect(early.json().error.reason).toBe('complaints.handleFirst');
    c = await expectStatus(await w.supervisor.post(api(`/complaints/${c.id}/acknowledge`), { version: c.version }), 200);
    c = await expectStatus(
      await w.supervisor.post(api(`/complaints/${c.id}/handle`), { version: c.version, handling: '致电道歉并重新安排' }),
      200,
    );
    c = await expectStatus(
      await w.supervisor.post(api(`/complaints/${c.id}/confirmation`), {
        version: c.version,
        satisfied: false,
        confirmedBy: '钱主任',
        channel: 'phone',
        note: '仍未解决',
      }),
      200,
    );
    expect(c.status).toBe('acknowledged');
    c = await expectStatus(
      await w.supervisor.post(api(`/complaints/${c.id}/handle`), { version: c.version, handling: '上门处理完毕' }),
      200,
    );
    c = await expectStatus(
      await w.supervisor.post(api(`/complaints/${c.id}/confirmation`), {
        version: c.version,
        satisfied: true,
        confirmedBy: '钱主任',
        channel: 'visit',
      }),
      200,
    );
    expect(c).toMatchObject({ status: 'closed', confirmedBy: '钱主任', confirmationChannel: 'visit', handling: '上门处理完毕' });
    expect((await w.supervisor.post(api(`/complaints/${c.id}/handle`), { version: c.version - 1, handling: 'x' })).statusCode).toBe(409);
  });
});

describe('month facts for the appraisal and the monthly report', () => {
  it('reads March’s incidents and complaints for many people in one query each', async () => {
    const from = '2026-02-28T16:00:00.000Z';
    const to = '2026-03-31T16:00:00.000Z';
    const incidents = await incidentFactsBetween(t.database.db, { from, to, userIds: [w.ids.engineer, w.ids.engineer2] });
    expect(incidents.map((i) => [i.engineerId, i.classId, i.status])).toEqual([[w.ids.engineer, 'I', 'closed']]);
    const complaints = await complaintFactsBetween(t.database.db, { from, to });
    expect(complaints.filter((c) => c.level === 'vpOrAbove' && c.incidentId != null)).toHaveLength(1);
    expect(await incidentFactsBetween(t.database.db, { from: to, to: '2026-04-30T16:00:00.000Z' })).toEqual([]);
  });
});

describe('a closed month keeps its incidents and complaints (IN-1, SR-14)', () => {
  it('refuses new facts, corrections and voiding in a closed month (409) and books a correction as an adjustment of the next open month', async () => {
    t.clock.set('2026-02-20T02:00:00Z');
    const feb = await expectStatus(await w.supervisor.post(api('/incidents'), incidentBody({ occurredAt: '2026-02-19T02:00:00Z' })), 201);
    t.clock.set('2026-03-16T02:00:00Z');
    const early = await w.supervisor.post(api(`/incidents/${feb.id}/adjustments`), { classId: 'I', reason: '应定为 I 类' });
    expect(early.json().error.reason).toBe('months.factMonthOpen');
    await expectStatus(await w.supervisor.post(api('/months/2026-02/close'), {}), 200);
    const before = await count('incidents');
    const late = await w.supervisor.post(api('/incidents'), incidentBody({ occurredAt: '2026-02-25T02:00:00Z' }));
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ reason: 'months.closed', params: { month: '2026-02' } });
    expect(await count('incidents')).toBe(before);
    expect((await vp.post(api('/complaints'), complaintBody({ receivedAt: '2026-02-27T02:00:00Z' }))).statusCode).toBe(409);
    const patch = await w.supervisor.patch(api(`/incidents/${feb.id}`), { version: feb.version, classId: 'I', reason: '更正' });
    expect(patch.json().error.reason).toBe('months.closed');
    expect((await w.supervisor.post(api(`/incidents/${feb.id}/void`), { version: feb.version, reason: '误登' })).statusCode).toBe(409);
    const adjustment = await expectStatus(
      await w.supervisor.post(api(`/incidents/${feb.id}/adjustments`), { classId: 'I', reason: '客户事后投诉至副总' }),
      201,
    );
    expect(adjustment).toMatchObject({
      month: '2026-03',
      factMonth: '2026-02',
      factType: 'incident',
      factId: feb.id,
      kind: 'incident_correction',
      ruleId: 'IN-1',
      userId: w.ids.engineer,
      delta: { classId: { from: 'II', to: 'I' } },
    });
    expect(adjustment.explanation['zh-CN']).toContain('应为 I 类而非 II 类');
    expect((await expectStatus(await w.supervisor.get(api(`/incidents/${feb.id}`)), 200)).classId).toBe('II');
  });
});
