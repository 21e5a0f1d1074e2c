import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, expectStatus as ok } from '../../test/harness';
import { defectsWorld } from './defects.fixtures';

// SR-15: defects found while servicing a request, reported to R&D or production with an owner and a target date,
// answered, the answer fed back to the request's timeline. SQLite and PostgreSQL.

let t: TestApp;
let engA: Agent;
let engB: Agent;
let expert: Agent;
let hr: Agent;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  const w = await defectsWorld(t, { title: '监护仪屏幕闪烁', description: '闪烁' });
  ({ engA, engB, expert, hr } = w);
  Object.assign(ids, w.ids);
});
afterAll(async () => t.close());

const report = (extra: Json = {}) => ({
  target: 'rnd',
  description: '同批次屏幕排线接触不良',
  ownerId: ids.expert,
  targetDate: '2026-03-10',
  ...extra,
});
const entriesOf = (ticketId: number) =>
  t.database.db
    .selectFrom('ticket_entries')
    .select(['kind', 'visibility', 'body'])
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute();

describe('SR-15 defect reports', () => {
  it('SR-15: refuses without defects.report (403), outside the request’s scope (404), an owner who cannot answer and a past target date (422 with reasons)', async () => {
    expect((await hr.post(api(`/tickets/${ids.ticket}/defects`), report())).statusCode).toBe(403);
    expect((await engB.post(api(`/tickets/${ids.ticket}/defects`), report())).statusCode).toBe(404);
    const owner = await engA.post(api(`/tickets/${ids.ticket}/defects`), report({ ownerId: ids.engB }));
    expect(owner.statusCode).toBe(422);
    expect(owner.json().error.reason).toBe('defects.ownerCannotAnswer');
    const past = await engA.post(api(`/tickets/${ids.ticket}/defects`), report({ targetDate: '2026-03-01' }));
    expect(past.statusCode).toBe(422);
    expect(past.json().error.reason).toBe('defects.targetDatePast');
    expect((await engA.post(api(`/tickets/${ids.ticket}/defects`), report({ target: 'sales' }))).statusCode).toBe(400);
    expect(await t.database.db.selectFrom('defect_reports').select('id').execute()).toHaveLength(0);
  });

  it('SR-15: a report on the target date of today is accepted, recorded on the request’s timeline and the owner is told; the answer is fed back once', async () => {
    const d = await ok(await engA.post(api(`/tickets/${ids.ticket}/defects`), report({ targetDate: '2026-03-02' })), 201);
    expect(d).toMatchObject({ status: 'open', target: 'rnd', ownerName: '研发王工', createdByName: '刘工', answer: null });
    let entries = await entriesOf(ids.ticket);
    expect(entries.at(-1)).toMatchObject({ kind: 'note', visibility: 'internal' });
    expect(entries.at(-1)?.body).toContain('研发');
    const told = await t.database.db.selectFrom('notifications').select('kind').where('user_id', '=', ids.expert).execute();
    expect(told.map((n) => n.kind)).toContain('defect_reported');

    // The reporter sees their own; another engineer does not; the expert sees all.
    expect((await ok(await engA.get(api('/defects')), 200)).items).toHaveLength(1);
    expect((await ok(await engB.get(api('/defects')), 200)).items).toHaveLength(0);
    expect((await ok(await expert.get(api('/defects?status=open')), 200)).items).toHaveLength(1);
    expect((await ok(await engA.get(api(`/tickets/${ids.ticket}/defects`)), 200)).items).toHaveLength(1);

    expect((await engA.post(api(`/defects/${d.id}/answer`), { version: d.version, answer: '已更换排线供应商' })).statusCode).toBe(403);
    expect((await expert.post(api(`/defects/${d.id}/answer`), { version: d.version + 1, answer: '已更换排线供应商' })).statusCode).toBe(
      409,
    );
    const a = await ok(await expert.post(api(`/defects/${d.id}/answer`), { version: d.version, answer: '已更换排线供应商' }), 200);
    expect(a).toMatchObject({ status: 'answered', answer: '已更换排线供应商', answeredByName: '研发王工' });
    entries = await entriesOf(ids.ticket);
    // Issue 12 item 14: the timeline is read in the Chinese UI; no English label in the stored text.
    expect(entries.at(-1)?.body).toBe('缺陷报告答复：已更换排线供应商');
    const again = await expert.post(api(`/defects/${d.id}/answer`), { version: a.version, answer: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.reason).toBe('defects.alreadyAnswered');
    const back = await t.database.db.selectFrom('notifications').select('kind').where('user_id', '=', ids.engA).execute();
    expect(back.map((n) => n.kind)).toContain('defect_answered');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'defect_report').execute();
    expect(audit.map((x) => x.action).sort()).toEqual(['defect.answer', 'defect.report']);
  });
});
