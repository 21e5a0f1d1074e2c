import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { type FieldWorld, type Json, completeFill, draftLetterFixture, expectStatus as ok, fieldWorld } from '../field/letters.fixtures';
import { onSiteLetterFixture, recordBody } from '../field/visits.fixtures';
import { submitTrip } from '../travel/travel.fixtures';

// Issue 12 item 10: batch approvals — leave (RS-4), travel (TR-1/TR-2), letters (FS-10) and returns (FS-9), each by
// its own module's decision, per-item results, one refusal undoing nothing, each audited. SQLite and PostgreSQL.

let t: TestApp;
let w: FieldWorld;
const api = (p: string) => `/api/v1${p}`;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  t.clock.set('2026-03-02T02:00:00Z');
  w = await fieldWorld(t, 'ap');
});
afterAll(async () => t.close());

const leave = (day = '2026-03-05') =>
  w.engineer.post(api('/leave-requests'), {
    typeId: 'personal',
    startDate: day,
    endDate: day,
    reason: '办理证件',
    standInId: w.ids.engineer2,
  });

async function submittedLetter(): Promise<Json> {
  const { letter } = await draftLetterFixture(w);
  let l = await ok(
    await w.supervisor.put(api(`/field/letters/${letter.id}/engineers`), {
      version: letter.version,
      engineerIds: [w.ids.engineer],
      leadId: w.ids.engineer,
    }),
    200,
  );
  l = await ok(await w.engineer.patch(api(`/field/letters/${l.id}`), completeFill(l.version, '2026-03-04T01:00:00Z')), 200);
  return ok(await w.engineer.post(api(`/field/letters/${l.id}/submit`), { version: l.version }), 200);
}

async function returnRequested(): Promise<Json> {
  const { letterId } = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
  await ok(await w.engineer.put(api(`/field/letters/${letterId}/service-record`), recordBody()), 200);
  await ok(await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), { unsignedReason: '客户已离开' }), 201);
  const l = await ok(await w.engineer.get(api(`/field/letters/${letterId}`)), 200);
  return ok(
    await w.engineer.post(api(`/field/letters/${letterId}/return-request`), {
      version: l.version,
      completionNote: '完成',
      returnPlan: { date: '2026-03-04', transport: '高铁' },
    }),
    200,
  );
}

const auditOf = (entity: string, id: number) =>
  t.database.db
    .selectFrom('audit_log')
    .select(['action', 'after'])
    .where('entity', '=', entity)
    .where('entity_id', '=', String(id))
    .where('action', 'like', 'approval.%')
    .execute();

describe('batch approvals', () => {
  it('answers 422 to a rejection without a comment and 400 to an empty or oversized batch', async () => {
    const item = { kind: 'leave', id: 1, version: 1 };
    expect((await w.supervisor.post(api('/approvals/batch'), { approve: false, items: [item] })).statusCode).toBe(422);
    expect((await w.supervisor.post(api('/approvals/batch'), { approve: true, items: [] })).statusCode).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => ({ kind: 'leave', id: i + 1, version: 1 }));
    expect((await w.supervisor.post(api('/approvals/batch'), { approve: true, items: many })).statusCode).toBe(400);
  });

  it('approves a leave, a trip, a letter and a return at once; a stale one fails alone; each is audited with the comment', async () => {
    const lv = await ok(await leave(), 201);
    const trip = await submitTrip(w.engineer);
    const letter = await submittedLetter();
    const ret = await returnRequested();
    const stale = await ok(
      await w.engineer.post(api('/leave-requests'), {
        typeId: 'personal',
        startDate: '2026-03-06',
        endDate: '2026-03-06',
        reason: '家事',
        standInId: w.ids.engineer2,
      }),
      201,
    );
    const res = await ok(
      await w.supervisor.post(api('/approvals/batch'), {
        approve: true,
        comment: '同意',
        items: [
          { kind: 'leave', id: lv.id, version: lv.version },
          { kind: 'leave', id: stale.id, version: stale.version + 5 },
          { kind: 'travel', id: trip.id, version: trip.version, approvedTransport: trip.transportNeedingApproval },
          { kind: 'letter', id: letter.id, version: letter.version },
          { kind: 'return', id: ret.letterId, version: ret.version },
        ],
      }),
      200,
    );
    expect(res).toMatchObject({ succeeded: 4, failed: 1 });
    expect(res.results.map((r: Json) => [r.kind, r.ok, r.status ?? r.error.code])).toEqual([
      ['leave', true, 'approved'],
      ['leave', false, 'version_conflict'],
      ['travel', true, 'approved'],
      ['letter', true, 'approved'],
      ['return', true, 'returned'],
    ]);
    expect((await ok(await w.engineer.get(api(`/leave-requests/${stale.id}`)), 200)).status).toBe('submitted');
    expect((await ok(await w.engineer.get(api(`/leave-requests/${lv.id}`)), 200)).decisionComment).toBe('同意');
    const audit = await auditOf('leave_request', lv.id);
    expect(audit.map((a) => a.action)).toEqual(['approval.batch_approve']);
    expect(JSON.parse(String(audit[0].after))).toMatchObject({ ok: true, comment: '同意' });
    expect(JSON.parse(String((await auditOf('leave_request', stale.id))[0].after))).toMatchObject({ ok: false, error: 'version_conflict' });
  });

  it('rejects with the comment as each module’s reason (the letter back to draft, the return declined)', async () => {
    const letter = await submittedLetter();
    const ret = await returnRequested();
    const res = await ok(
      await w.supervisor.post(api('/approvals/batch'), {
        approve: false,
        comment: '计划不完整',
        items: [
          { kind: 'letter', id: letter.id, version: letter.version },
          { kind: 'return', id: ret.letterId, version: ret.version },
        ],
      }),
      200,
    );
    expect(res.results.map((r: Json) => [r.ok, r.status])).toEqual([
      [true, 'draft'],
      [true, 'on_site'],
    ]);
    expect((await ok(await w.engineer.get(api(`/field/letters/${letter.id}`)), 200)).rejectReason).toBe('计划不完整');
  });

  it('fails each item an engineer may not decide with 403 and changes nothing', async () => {
    const lv = await ok(await leave('2026-03-09'), 201);
    const res = await ok(
      await w.engineer2.post(api('/approvals/batch'), { approve: true, items: [{ kind: 'leave', id: lv.id, version: lv.version }] }),
      200,
    );
    expect(res).toMatchObject({ succeeded: 0, failed: 1, results: [{ ok: false, error: { code: 'forbidden' } }] });
    expect((await ok(await w.engineer.get(api(`/leave-requests/${lv.id}`)), 200)).status).toBe('submitted');
  });

  it('reports a row outside the approver’s scope as not found, as its own route would', async () => {
    const res = await ok(
      await w.supervisor.post(api('/approvals/batch'), { approve: true, items: [{ kind: 'travel', id: 999999, version: 1 }] }),
      200,
    );
    expect(res.results[0]).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
