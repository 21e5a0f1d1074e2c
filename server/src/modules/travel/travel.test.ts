import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';
import { approvedLetterFixture, completeFill, draftLetterFixture } from '../field/letters.fixtures';
import {
  type Json,
  type TravelWorld,
  api,
  approvedTrip,
  expectStatus,
  publishPolicy,
  segment,
  submitTrip,
  travelWorld,
  tripBody,
} from './travel.fixtures';

let t: TestApp;
let w: TravelWorld;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await travelWorld(t, 'tr');
});
afterAll(async () => t?.close());

const count = async (table: 'travel_requests' | 'travel_advances') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('travel requests: permissions and scope', () => {
  it('refuses travel to a user without any travel permission (sales)', async () => {
    expect((await w.sales.get(api('/travel-requests'))).statusCode).toBe(403);
    expect((await w.sales.post(api('/travel-requests'), tripBody())).statusCode).toBe(403);
  });

  it('shows a trip to its traveller and the department’s supervisor, not to another engineer', async () => {
    const trip = await submitTrip(w.engineer);
    expect((await w.engineer.get(api(`/travel-requests/${trip.id}`))).statusCode).toBe(200);
    expect((await w.supervisor.get(api(`/travel-requests/${trip.id}`))).statusCode).toBe(200);
    expect((await w.engineer2.get(api(`/travel-requests/${trip.id}`))).statusCode).toBe(404);
    const mine = await expectStatus(await w.engineer2.get(api('/travel-requests?view=mine')), 200);
    expect(mine.items.map((i: Json) => i.id)).not.toContain(trip.id);
    const approvals = await expectStatus(await w.supervisor.get(api('/travel-requests?view=approvals&status=submitted')), 200);
    expect(approvals.items.map((i: Json) => i.id)).toContain(trip.id);
  });

  it('does not let an engineer approve (no travel.approve) nor a supervisor approve their own trip', async () => {
    const trip = await submitTrip(w.engineer);
    expect((await w.engineer2.post(api(`/travel-requests/${trip.id}/decision`), { version: trip.version, approve: true })).statusCode).toBe(
      403,
    );
    const own = await submitTrip(w.supervisor);
    expect((await w.supervisor.post(api(`/travel-requests/${own.id}/decision`), { version: own.version, approve: true })).statusCode).toBe(
      403,
    );
  });

  it('pages with a cursor and refuses a forged one with 400', async () => {
    const first = await expectStatus(await w.engineer.get(api('/travel-requests?view=mine&limit=1')), 200);
    expect(first.items).toHaveLength(1);
    const next = await expectStatus(await w.engineer.get(api(`/travel-requests?view=mine&limit=1&cursor=${first.nextCursor}`)), 200);
    expect(next.items[0].id).toBeLessThan(first.items[0].id);
    const forged = Buffer.from(JSON.stringify(['abc'])).toString('base64url');
    for (const path of ['/travel-requests', '/travel-claims', '/travel-advances'])
      expect((await w.supervisor.get(api(`${path}?cursor=${forged}`))).statusCode).toBe(400);
  });

  it('answers 409 to a stale version', async () => {
    const trip = await submitTrip(w.engineer);
    expect(
      (await w.supervisor.post(api(`/travel-requests/${trip.id}/decision`), { version: trip.version + 1, approve: true })).statusCode,
    ).toBe(409);
  });
});

describe('creating with an Idempotency-Key', () => {
  it('creates one request for two posts with the same key', async () => {
    const before = await count('travel_requests');
    const first = await w.engineer.post(api('/travel-requests'), tripBody(), { 'Idempotency-Key': 'trip-key-1' });
    const again = await w.engineer.post(api('/travel-requests'), tripBody(), { 'Idempotency-Key': 'trip-key-1' });
    expect(first.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(await count('travel_requests')).toBe(before + 1);
  });
});

describe('TR-1 itinerary validation', () => {
  it('answers 422 naming the segment field when a segment ends before it starts, and saves nothing', async () => {
    const before = await count('travel_requests');
    const res = await w.engineer.post(
      api('/travel-requests'),
      tripBody({ segments: [segment(), segment({ startDate: '2026-03-06', endDate: '2026-03-05' })] }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.ruleId).toBe('TR-1');
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body.segments.1.endDate' })]);
    expect(await count('travel_requests')).toBe(before);
  });

  it('accepts a one-day segment (end on the start day)', async () => {
    const trip = await submitTrip(w.engineer, { segments: [segment({ startDate: '2026-03-02', endDate: '2026-03-02' })] });
    expect(trip).toMatchObject({ startDate: '2026-03-02', endDate: '2026-03-02', status: 'submitted' });
  });

  it('stores the itinerary’s first and last day for the dispatch board', async () => {
    const trip = await submitTrip(w.engineer, {
      segments: [
        segment({ startDate: '2026-03-04', endDate: '2026-03-06' }),
        segment({ startDate: '2026-03-02', endDate: '2026-03-03', destinationLevel: 'countyOrBelow' }),
      ],
    });
    const row = await t.database.db
      .selectFrom('travel_requests')
      .select(['user_id', 'status', 'start_date', 'end_date'])
      .where('id', '=', trip.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ user_id: w.ids.engineer, status: 'submitted', start_date: '2026-03-02', end_date: '2026-03-06' });
  });

  it('refuses a letter the traveller is not on, a ticket that does not exist, and unknown fields', async () => {
    const { letter } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
    const notOn = await w.engineer2.post(api('/travel-requests'), tripBody({ letterId: letter.id }));
    expect(notOn.statusCode).toBe(422);
    expect(notOn.json().error.details[0].path).toBe('body.letterId');
    expect((await w.engineer.post(api('/travel-requests'), tripBody({ ticketId: 2147483647 }))).statusCode).toBe(422);
    expect((await w.engineer.post(api('/travel-requests'), tripBody({ letterId: 99999999999 }))).statusCode).toBe(400);
    expect((await w.engineer.post(api('/travel-requests'), tripBody({ hotel: 'x' }))).statusCode).toBe(400);
  });

  it('serves the letter’s own service request by default; another request only when the traveller may see it', async () => {
    const { letter, ticketId } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
    const trip = await submitTrip(w.engineer, { letterId: letter.id });
    expect(trip.ticketId).toBe(ticketId);
    // The letter's lead is now the request's assignee (issue 12 item 1); another engineer (own scope) is not:
    // naming the request alone is for them like naming an unknown id.
    const before = await count('travel_requests');
    const hidden = await w.engineer2.post(api('/travel-requests'), tripBody({ ticketId }));
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().error.details[0].path).toBe('body.ticketId');
    expect(await count('travel_requests')).toBe(before);
    expect((await submitTrip(w.supervisor, { ticketId })).ticketId).toBe(ticketId);
  });
});

describe('TR-2 transport needing prior approval', () => {
  it('says which modes need approval and refuses an approval that does not name them (422 TR-2), nothing changed', async () => {
    const trip = await submitTrip(w.engineer, {
      segments: [segment({ transport: 'plane' }), segment({ startDate: '2026-03-06', transport: 'taxi' })],
    });
    expect(trip.transportNeedingApproval.sort()).toEqual(['plane', 'taxi']);
    const partial = await w.supervisor.post(api(`/travel-requests/${trip.id}/decision`), {
      version: trip.version,
      approve: true,
      approvedTransport: ['plane'],
    });
    expect(partial.statusCode).toBe(422);
    expect(partial.json().error).toMatchObject({ ruleId: 'TR-2', details: [{ path: 'body.approvedTransport' }] });
    expect(partial.json().error.message).toContain('taxi');
    expect((await expectStatus(await w.engineer.get(api(`/travel-requests/${trip.id}`)), 200)).status).toBe('submitted');
    const ok = await expectStatus(
      await w.supervisor.post(api(`/travel-requests/${trip.id}/decision`), {
        version: trip.version,
        approve: true,
        approvedTransport: ['plane', 'taxi'],
      }),
      200,
    );
    expect(ok).toMatchObject({ status: 'approved', decidedByName: 'tr.sup' });
    expect(ok.approvedTransport.sort()).toEqual(['plane', 'taxi']);
  });

  it('approves a train-only itinerary without naming any mode, and rejects without a TR-2 check', async () => {
    const trip = await submitTrip(w.engineer);
    expect(trip.transportNeedingApproval).toEqual([]);
    await expectStatus(await w.supervisor.post(api(`/travel-requests/${trip.id}/decision`), { version: trip.version, approve: true }), 200);
    const plane = await submitTrip(w.engineer, { segments: [segment({ transport: 'plane' })] });
    const rejected = await expectStatus(
      await w.supervisor.post(api(`/travel-requests/${plane.id}/decision`), {
        version: plane.version,
        approve: false,
        comment: '改乘火车',
      }),
      200,
    );
    expect(rejected).toMatchObject({ status: 'rejected', decisionComment: '改乘火车' });
  });

  it('notifies the traveller of the decision', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor);
    const n = await t.database.db
      .selectFrom('notifications')
      .select('title_zh')
      .where('user_id', '=', w.ids.engineer)
      .where('kind', '=', 'travel_update')
      .where('link', '=', `/travel/requests/${trip.id}`)
      .execute();
    expect(n.length).toBe(1);
  });
});

describe('TR-3 allowances on the request', () => {
  it('explains the planned out-of-province guidance allowance with the policy version', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor);
    expect(trip.allowances.totalFen).toBe(3 * 12000);
    expect(trip.allowances.lines[0]).toMatchObject({
      kind: 'technicalGuidance',
      days: 3,
      rateFen: 12000,
      explanation: { ruleId: 'TR-3', policyVersion: trip.policyVersion },
    });
  });

  it('TR-3: pays the new-employee rate from the hire date and the policy’s 3 months: a trip on the period’s last day, not the day after', async () => {
    const hired = async (username: string, hireDate: string) => {
      await createUser(w.admin, { username, roleKey: 'engineer', departmentId: w.ids.department, teamId: w.ids.team, hireDate });
      return t.login(username, 'password-123');
    };
    // The trip starts 2026-03-02: hired 2025-12-03, the period's last day is 2026-03-02; hired 2025-12-02, it was 03-01.
    const newcomer = await hired('tr.new', '2025-12-03');
    const lastDay = await approvedTrip(newcomer, w.supervisor);
    expect(lastDay.newEmployee).toBe(true);
    const claim = await expectStatus(
      await newcomer.post(api(`/travel-requests/${lastDay.id}/claims`), {
        actualStartDate: '2026-03-02',
        actualEndDate: '2026-03-06',
        expenses: [{ date: '2026-03-02', category: 'other', description: '停车费', amountFen: 1000 }],
      }),
      201,
    );
    expect(claim.allowanceLines).toEqual([expect.objectContaining({ kind: 'newEmployee', days: 4, rateFen: 6000 })]);
    expect(lastDay.allowances.lines).toEqual([expect.objectContaining({ kind: 'newEmployee', days: 4, rateFen: 6000 })]);
    expect(lastDay.allowances.lines[0].explanation.text['zh-CN']).toContain('新员工期至 2026-03-02');
    const dayAfter = await approvedTrip(await hired('tr.old', '2025-12-02'), w.supervisor);
    expect(dayAfter.newEmployee).toBe(false);
    expect(dayAfter.allowances.lines[0].kind).toBe('technicalGuidance');
    // Not a flag the approver sets any more.
    const trip = await submitTrip(w.engineer);
    const flag = await w.supervisor.post(api(`/travel-requests/${trip.id}/decision`), {
      version: trip.version,
      approve: true,
      approvedTransport: trip.transportNeedingApproval,
      newEmployee: true,
    });
    expect(flag.statusCode).toBe(400);
  });

  it('pays no construction meals and lodging when the client provides board', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor, {
      workType: 'construction',
      boardProvided: true,
      segments: [segment({ destinationLevel: 'prefectureCity' })],
    });
    expect(trip.allowances).toMatchObject({ totalFen: 0, lines: [{ kind: 'boardProvided' }] });
  });
});

describe('TR-4 special-region rate', () => {
  it('only the GM approves it (403 TR-4 for a supervisor); then the allowance uses it', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor, { specialRate: { dailyFen: 20000, reason: '高原地区' } });
    expect(trip.specialRate).toMatchObject({ status: 'requested', dailyFen: 20000 });
    const bySupervisor = await w.supervisor.post(api(`/travel-requests/${trip.id}/special-rate`), { version: trip.version, approve: true });
    expect(bySupervisor.statusCode).toBe(403);
    expect(bySupervisor.json().error.ruleId).toBe('TR-4');
    const byGm = await expectStatus(
      await w.gm.post(api(`/travel-requests/${trip.id}/special-rate`), { version: trip.version, approve: true }),
      200,
    );
    expect(byGm.specialRate).toMatchObject({ status: 'approved', decidedByName: 'tr.gm' });
    expect(byGm.allowances.lines).toEqual([expect.objectContaining({ kind: 'specialRegion', days: 3, rateFen: 20000, amountFen: 60000 })]);
    expect((await w.gm.post(api(`/travel-requests/${trip.id}/special-rate`), { version: byGm.version, approve: true })).statusCode).toBe(
      409,
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'travel_request')
      .where('entity_id', '=', String(trip.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['travel.request.create', 'travel.request.approve', 'travel.special-rate.decide']),
    );
  });
});

describe('FS-3 travel advance', () => {
  it('is refused (422 FS-3) for a trip without a letter, and nothing is saved', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor);
    const before = await count('travel_advances');
    const res = await w.engineer.post(api(`/travel-requests/${trip.id}/advances`), { amountFen: 100000, reason: '路费' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.ruleId).toBe('FS-3');
    expect(await count('travel_advances')).toBe(before);
  });

  it('is refused while the letter is only submitted, and allowed once it is approved', async () => {
    const { letter: draft } = await draftLetterFixture(w);
    let l = await expectStatus(
      await w.supervisor.put(api(`/field/letters/${draft.id}/engineers`), {
        version: draft.version,
        engineerIds: [w.ids.engineer],
        leadId: w.ids.engineer,
      }),
      200,
    );
    l = await expectStatus(await w.engineer.patch(api(`/field/letters/${l.id}`), completeFill(l.version, '2026-03-04T01:00:00Z')), 200);
    l = await expectStatus(await w.engineer.post(api(`/field/letters/${l.id}/submit`), { version: l.version }), 200);
    const trip = await submitTrip(w.engineer, { letterId: l.id });
    const early = await w.engineer.post(api(`/travel-requests/${trip.id}/advances`), { amountFen: 100000, reason: '路费' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ ruleId: 'FS-3' });
    expect(early.json().error.message).toContain('submitted');
    await expectStatus(await w.supervisor.post(api(`/field/letters/${l.id}/approve`), { version: l.version }), 200);
    const advance = await expectStatus(
      await w.engineer.post(api(`/travel-requests/${trip.id}/advances`), { amountFen: 100000, reason: '路费' }),
      201,
    );
    expect(advance).toMatchObject({ status: 'requested', amountFen: 100000 });
  });

  it('is approved by the manager and paid by finance only', async () => {
    const { letter } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
    const trip = await approvedTrip(w.engineer, w.supervisor, { letterId: letter.id });
    const advance = await expectStatus(
      await w.engineer.post(api(`/travel-requests/${trip.id}/advances`), { amountFen: 50000, reason: '住宿' }),
      201,
    );
    expect(
      (await w.engineer.post(api(`/travel-advances/${advance.id}/decision`), { version: advance.version, approve: true })).statusCode,
    ).toBe(403);
    expect((await w.finance.post(api(`/travel-advances/${advance.id}/pay`), { version: advance.version })).statusCode).toBe(409); // not approved yet
    const approved = await expectStatus(
      await w.supervisor.post(api(`/travel-advances/${advance.id}/decision`), { version: advance.version, approve: true }),
      200,
    );
    expect((await w.supervisor.post(api(`/travel-advances/${advance.id}/pay`), { version: approved.version })).statusCode).toBe(403);
    const paid = await expectStatus(await w.finance.post(api(`/travel-advances/${advance.id}/pay`), { version: approved.version }), 200);
    expect(paid.status).toBe('paid');
    const list = await expectStatus(await w.finance.get(api('/travel-advances?status=paid')), 200);
    expect(list.items.map((a: Json) => a.id)).toContain(advance.id);
  });

  it('needs no letter when the policy does not require an approved letter', async () => {
    const t2 = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
    try {
      const w2 = await travelWorld(t2, 'tq');
      await publishPolicy(t2, w2.admin, '2026-03-03', (doc) => (doc.fieldService.advanceRequiresApprovedLetter = false));
      const trip = await approvedTrip(w2.engineer, w2.supervisor, {
        segments: [segment({ startDate: '2026-03-04', endDate: '2026-03-06' })],
      });
      await expectStatus(await w2.engineer.post(api(`/travel-requests/${trip.id}/advances`), { amountFen: 100, reason: '路费' }), 201);
    } finally {
      await t2.close();
    }
  });
});

describe('cancelling', () => {
  it('lets the traveller cancel a submitted trip, and nobody else', async () => {
    const trip = await submitTrip(w.engineer);
    expect((await w.supervisor.post(api(`/travel-requests/${trip.id}/cancel`), { version: trip.version })).statusCode).toBe(403);
    const cancelled = await expectStatus(await w.engineer.post(api(`/travel-requests/${trip.id}/cancel`), { version: trip.version }), 200);
    expect(cancelled.status).toBe('cancelled');
    expect((await w.engineer.post(api(`/travel-requests/${trip.id}/cancel`), { version: cancelled.version })).statusCode).toBe(409);
  });
});

describe('ORG-2/FS-10: who is asked to approve travel', () => {
  let a: TravelWorld;
  let lead: number;
  let leadAgent: Agent;
  const asked = async (userId: number, tripId: number) =>
    (
      await t.database.db
        .selectFrom('notifications')
        .select('title_zh')
        .where('user_id', '=', userId)
        .where('kind', '=', 'travel_approval')
        .where('link', '=', `/travel/requests/${tripId}`)
        .execute()
    ).map((n) => n.title_zh);

  beforeAll(async () => {
    a = await travelWorld(t, 'ta');
    lead = await createUser(a.admin, { username: 'ta.lead', roleKey: 'team_lead', departmentId: a.ids.department, teamId: a.ids.team });
    leadAgent = await t.login('ta.lead', 'password-123');
    const team = await expectStatus(await a.admin.get(api(`/teams/${a.ids.team}`)), 200);
    await expectStatus(await a.admin.patch(api(`/teams/${a.ids.team}`), { version: team.version, leadId: lead }), 200);
  });

  it('FS-10: asks the department’s supervisor, not a team lead who lacks travel.approve (the lead cannot decide: 403)', async () => {
    const trip = await submitTrip(a.engineer);
    expect(await asked(a.ids.supervisor, trip.id)).toHaveLength(1);
    expect(await asked(lead, trip.id)).toEqual([]);
    expect(await asked(a.ids.gm, trip.id)).toEqual([]);
    expect((await leadAgent.post(api(`/travel-requests/${trip.id}/decision`), { version: trip.version, approve: true })).statusCode).toBe(
      403,
    );
  });

  it('TR-4: a special-region rate also asks the general manager, who alone decides it', async () => {
    const trip = await submitTrip(a.engineer, { specialRate: { dailyFen: 20000, reason: '高原地区' } });
    expect(await asked(a.ids.gm, trip.id)).toEqual([expect.stringContaining('TR-4')]);
    expect(await asked(lead, trip.id)).toEqual([]);
  });

  it('TR-1: asks every manager who may act when none of the traveller’s managers can see the trip', async () => {
    const loner = await createUser(a.admin, { username: 'ta.loner', roleKey: 'engineer' });
    const agent = await t.login('ta.loner', 'password-123');
    const trip = await submitTrip(agent);
    expect(await asked(a.ids.supervisor, trip.id)).toEqual([]); // department-scoped: the trip has no department
    expect(await asked(a.ids.gm, trip.id)).toHaveLength(1);
    expect(await asked(loner, trip.id)).toEqual([]);
  });

  it('ORG-2: asks the team lead too once the company grants the team lead role travel.approve', async () => {
    const roles = await expectStatus(await a.admin.get(api('/roles')), 200);
    const role = roles.items.find((r: Json) => r.key === 'team_lead');
    await expectStatus(
      await a.admin.patch(api(`/roles/${role.id}`), { version: role.version, permissions: [...role.permissions, 'travel.approve'] }),
      200,
    );
    const trip = await submitTrip(a.engineer);
    expect(await asked(lead, trip.id)).toHaveLength(1);
    expect(await asked(a.ids.supervisor, trip.id)).toHaveLength(1);
    const relogged = await t.login('ta.lead', 'password-123');
    expect((await relogged.post(api(`/travel-requests/${trip.id}/decision`), { version: trip.version, approve: true })).statusCode).toBe(
      200,
    );
  });
});

describe('TR-3b: the flat daily allowance is a policy choice', () => {
  it('pays the flat amount per day away once the policy in force on the trip’s first day chooses it', async () => {
    await publishPolicy(t, w.admin, '2026-06-01', (doc) => {
      doc.travel.allowanceScheme = 'flatDaily';
      doc.travel.flatDailyFen = 10000;
    });
    const trip = await approvedTrip(w.engineer, w.supervisor, {
      segments: [segment({ startDate: '2026-06-08', endDate: '2026-06-10' })],
    });
    expect(trip.allowances).toMatchObject({ totalFen: 30000, lines: [{ kind: 'flatDaily', days: 3, rateFen: 10000 }] });
    expect(trip.allowances.lines[0].explanation).toMatchObject({ ruleId: 'TR-3', policyVersion: trip.policyVersion });
  });
});
