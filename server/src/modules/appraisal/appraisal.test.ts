import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { spreadsheetAsCsv } from '../../test/libreoffice';
import { type FieldWorld, draftLetterFixture, fieldWorld } from '../field/letters.fixtures';

// AP-1..AP-15 the monthly appraisal sheet through the API, on SQLite and PostgreSQL: the self-appraisal before the
// 25th, the draft from the month's facts, the chain manager → VP → GM, adjustments and disputes, frozen once the
// month is closed. The clock starts Monday 2026-03-02 09:00 Shanghai.

let t: TestApp;
let w: FieldWorld;
let vp: Agent;
let letterId: number;
let incidentId: number;
let sheet: Json;

const full = { workload: 30, initiative: 15, coordination: 10, loyalty: 15, planning: 8, execution: 10, quality: 12 };
const scoresFor = (total: number) => ({ ...full, workload: total - 70 });
const sheets = async (agent: Agent, month: string, view = 'team') =>
  (await expectStatus(await agent.get(api(`/appraisal-sheets?month=${month}&view=${view}`)), 200)).items as Json[];
const sheetCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('appraisal_sheets')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const line = (s: Json, key: string): Json => (s.lines as Json[]).find((l) => l.key === key) ?? {};

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'ap');
  await createUser(w.admin, { username: 'ap.vp', roleKey: 'vp' });
  vp = await t.login('ap.vp', 'password-123');
  letterId = (await draftLetterFixture(w)).letter.id;
});
afterAll(async () => t?.close());

describe('who may do what (AP-15)', () => {
  it('lets only a reviewer draft the sheets or see the team; an engineer sees only their own', async () => {
    expect((await w.engineer.post(api('/appraisal-sheets/compute'), { month: '2026-03' })).statusCode).toBe(403);
    expect((await w.sales.get(api('/appraisal-sheets?month=2026-03&view=team'))).statusCode).toBe(403);
    expect(await sheets(w.engineer, '2026-03', 'mine')).toEqual([]);
  });
});

describe('the self-appraisal (AP-1, AP-2b)', () => {
  it('shows the items and weights in force, the due day and the chain', async () => {
    const scheme = await expectStatus(await w.engineer.get(api('/appraisal-scheme?month=2026-03')), 200);
    expect(scheme).toMatchObject({
      selfDueDate: '2026-03-25',
      chain: ['departmentManager', 'vp', 'gm'],
      grades: { aMinScore: 86, bMinScore: 70 },
    });
    expect(scheme.items.map((i: Json) => [i.id, i.weight])).toEqual(Object.entries(full));
    expect(scheme.items[0]).toMatchObject({ id: 'workload', computed: true, group: null });
  });

  it('refuses a score above the item’s weight and saves nothing', async () => {
    const res = await w.engineer.put(api('/appraisal-sheets/self'), { month: '2026-03', scores: { initiative: 16 } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ reason: 'appraisal.scoreAboveWeight', ruleId: 'AP-3' });
    expect(await sheetCount()).toBe(0);
  });

  it('records it before the 25th, on a sheet drafted from the facts so far, with the month’s attendance', async () => {
    t.clock.set('2026-03-10T02:00:00Z');
    sheet = await expectStatus(await w.engineer.put(api('/appraisal-sheets/self'), { month: '2026-03', scores: scoresFor(90) }), 200);
    expect(sheet).toMatchObject({ state: 'draft', selfDueDate: '2026-03-25', nextStep: 'departmentManager', grade: null });
    expect(sheet.scores.self).toEqual(scoresFor(90));
    // AT-1: from the attendance roll-up — no punches on the working days 03-02..03-09 so far are absences (RS-3).
    const attendance = line(sheet, 'AT-1:attendance').explanation;
    expect(attendance.inputs).toMatchObject({ late: 0, earlyLeave: 0, conductPoints: 0 });
    expect(attendance.inputs.absence).toBeGreaterThan(0);
    expect(attendance.text['zh-CN']).toContain('扣分 0 分（RS-9）');
    expect(attendance.text['zh-CN']).toContain(`缺勤 ${attendance.inputs.absence} 次`);
  });

  it('refuses it on the 25th (AP-1)', async () => {
    t.clock.set('2026-03-24T16:00:00Z'); // 00:00 on the 25th in Shanghai
    const res = await w.engineer.put(api('/appraisal-sheets/self'), { month: '2026-03', scores: scoresFor(90) });
    expect(res.json().error).toMatchObject({ reason: 'appraisal.selfLate', ruleId: 'AP-1', params: { dueDate: '2026-03-25' } });
  });
});

describe('the sheet drafted from the month’s facts (AP-11, AP-14, AP-15)', () => {
  it('fines the engineer’s Class I incident and the supervisor for the department’s, each line explained', async () => {
    t.clock.set('2026-03-12T02:00:00Z');
    const incident = await expectStatus(
      await w.supervisor.post(api('/incidents'), {
        classId: 'I',
        basis: 'improperOperation',
        engineerId: w.ids.engineer,
        letterId,
        title: '误操作导致业务中断',
        description: '升级时未按流程备份',
        occurredAt: '2026-03-11T02:00:00Z',
      }),
      201,
    );
    incidentId = incident.id;
    t.clock.set('2026-04-01T02:00:00Z');
    expect((await w.supervisor.post(api('/appraisal-sheets/compute'), { month: '2026-05' })).json().error).toMatchObject({
      reason: 'appraisal.futureMonth',
    });
    const all = (await expectStatus(await w.supervisor.post(api('/appraisal-sheets/compute'), { month: '2026-03' }), 200)).items as Json[];
    sheet = all.find((s) => s.userId === w.ids.engineer)!;
    expect(all.map((s) => s.userId)).toEqual(expect.arrayContaining([w.ids.engineer, w.ids.engineer2, w.ids.supervisor]));
    const fine = line(sheet, `AP-11:incident:${incidentId}`);
    expect(fine).toMatchObject({ kind: 'fine', amountFen: -10000, evidence: [{ type: 'incident', id: incidentId }] });
    expect(fine.explanation.policyVersion).toBe(sheet.policyVersion);
    expect(fine.explanation.text.en).toContain('Class I incident on 2026-03-11');
    expect(sheet.amountFen).toBe(-10000);
    expect(sheet.scores.self).toEqual(scoresFor(90));
    const mine = all.find((s) => s.userId === w.ids.supervisor)!;
    expect(line(mine, `AP-14:incident:${incidentId}`)).toMatchObject({ amountFen: -5000 });
    // AP-15: drawn up on the 1st working day of April, within the first 3: on time.
    const due = await t.database.db
      .selectFrom('obligations')
      .select(['state', 'period'])
      .where('kind', '=', 'appraisal_sheet')
      .where('owner_id', '=', w.ids.supervisor)
      .execute();
    expect(due).toEqual([{ state: 'on_time', period: '2026-03' }]);
  });
});

describe('the chain: department manager → VP → GM (AP-2, AP-2b, AP-4)', () => {
  it('refuses the VP before the manager, a reviewer on their own sheet, and a score above the weight', async () => {
    const early = await vp.put(api(`/appraisal-sheets/${sheet.id}/review`), { version: sheet.version, scores: scoresFor(80) });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ reason: 'appraisal.outOfOrder', ruleId: 'AP-2', params: { step: 'departmentManager' } });
    const own = (await sheets(w.supervisor, '2026-03')).find((s) => s.userId === w.ids.supervisor)!;
    const mine = await w.supervisor.put(api(`/appraisal-sheets/${own.id}/review`), { version: own.version, scores: scoresFor(80) });
    expect(mine.json().error).toMatchObject({ reason: 'appraisal.ownSheet', ruleId: 'AP-2' });
    const above = await w.supervisor.put(api(`/appraisal-sheets/${sheet.id}/review`), { version: sheet.version, scores: { quality: 13 } });
    expect(above.json().error).toMatchObject({ reason: 'appraisal.scoreAboveWeight', params: { itemId: 'quality', weight: 12 } });
  });

  it('records the manager’s first score with an adjustment and its reason', async () => {
    sheet = await expectStatus(
      await w.supervisor.put(api(`/appraisal-sheets/${sheet.id}/review`), {
        version: sheet.version,
        scores: scoresFor(80),
        adjustments: [{ amountFen: -2000, reason: '工具遗失' }],
      }),
      200,
    );
    expect(sheet).toMatchObject({ grade: 'B', totalTenths: 800, nextStep: 'vp', amountFen: -12000 });
    expect(line(sheet, 'AP-15:adjustment:1').explanation.text['zh-CN']).toContain('工具遗失');
  });

  it('refuses the GM before the VP; the VP scores second; the GM’s 86 is an A and signs the sheet', async () => {
    const early = await w.gm.post(api(`/appraisal-sheets/${sheet.id}/approve`), { version: sheet.version, scores: scoresFor(86) });
    expect(early.json().error).toMatchObject({ reason: 'appraisal.outOfOrder', params: { step: 'vp' } });
    sheet = await expectStatus(
      await vp.put(api(`/appraisal-sheets/${sheet.id}/review`), { version: sheet.version, scores: scoresFor(85) }),
      200,
    );
    expect(sheet).toMatchObject({ grade: 'B', nextStep: 'gm' });
    sheet = await expectStatus(
      await w.gm.post(api(`/appraisal-sheets/${sheet.id}/approve`), { version: sheet.version, scores: scoresFor(86) }),
      200,
    );
    expect(sheet).toMatchObject({ state: 'approved', grade: 'A', totalTenths: 860, approvedBy: 'ap.gm', nextStep: null });
    expect(Object.keys(sheet.scorers).sort()).toEqual(['departmentManager', 'gm', 'self', 'vp']);
  });

  it('keeps a signed sheet as it was: no more scores, and a recompute leaves it alone', async () => {
    const res = await w.supervisor.put(api(`/appraisal-sheets/${sheet.id}/review`), { version: sheet.version, scores: scoresFor(70) });
    expect(res.json().error).toMatchObject({ reason: 'appraisal.alreadySigned' });
    await expectStatus(await w.supervisor.post(api('/appraisal-sheets/compute'), { month: '2026-03' }), 200);
    const again = await expectStatus(await w.engineer.get(api(`/appraisal-sheets/${sheet.id}`)), 200);
    expect(again).toEqual(sheet);
  });
});

describe('disputes and the frozen sheet (AP-15)', () => {
  it('lets the engineer dispute a line; the supervisor upholds it with the correction, audited', async () => {
    const other = await w.engineer2.post(api(`/appraisal-sheets/${sheet.id}/disputes`), {
      lineKey: `AP-11:incident:${incidentId}`,
      reason: '不是我',
    });
    expect(other.statusCode).toBe(404);
    sheet = await expectStatus(
      await w.engineer.post(api(`/appraisal-sheets/${sheet.id}/disputes`), {
        lineKey: `AP-11:incident:${incidentId}`,
        reason: '事故已由客户撤回',
      }),
      201,
    );
    const dispute = sheet.disputes[0];
    expect(dispute).toMatchObject({ state: 'open', lineKey: `AP-11:incident:${incidentId}` });
    const noAmount = await w.supervisor.post(api(`/appraisal-disputes/${dispute.id}/decision`), {
      version: dispute.version,
      upheld: true,
      reason: '核实属实',
    });
    expect(noAmount.json().error).toMatchObject({ reason: 'appraisal.amountRequired' });
    sheet = await expectStatus(
      await w.supervisor.post(api(`/appraisal-disputes/${dispute.id}/decision`), {
        version: dispute.version,
        upheld: true,
        reason: '核实属实',
        amountFen: 10000,
      }),
      200,
    );
    expect(sheet.disputes[0]).toMatchObject({ state: 'upheld', decidedBy: 'ap.sup', amountFen: 10000 });
    expect(sheet.amountFen).toBe(-2000);
    expect(line(sheet, 'AP-15:adjustment:2').explanation.text.en).toContain('dispute #');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'appraisal.%').execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        'appraisal.sheet.draft',
        'appraisal.sheet.recompute',
        'appraisal.self',
        'appraisal.review',
        'appraisal.approve',
        'appraisal.dispute',
        'appraisal.dispute.decide',
      ]),
    );
  });

  it('freezes only a closed month; then a dispute is refused and the sheet reads the same figures every time', async () => {
    const open = await w.gm.post(api('/appraisal-sheets/freeze'), { month: '2026-03' });
    expect(open.json().error).toMatchObject({ reason: 'appraisal.monthNotClosed', ruleId: 'AP-15' });
    await expectStatus(await w.supervisor.post(api('/months/2026-03/close'), {}), 200);
    const result = await expectStatus(await w.gm.post(api('/appraisal-sheets/freeze'), { month: '2026-03' }), 200);
    expect(result.frozen).toBe(1);
    expect(result.notSigned.length).toBeGreaterThanOrEqual(2);
    const late = await w.engineer.post(api(`/appraisal-sheets/${sheet.id}/disputes`), { lineKey: 'AP-4:grade', reason: '评分偏低' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ reason: 'appraisal.frozen', ruleId: 'AP-15' });
    const a = await expectStatus(await w.engineer.get(api(`/appraisal-sheets/${sheet.id}`)), 200);
    const b = await expectStatus(await w.gm.get(api(`/appraisal-sheets/${sheet.id}`)), 200);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ state: 'final', amountFen: -2000, grade: 'A', inputsDigest: sheet.inputsDigest });
  });

  it('exports the final sheets to finance: the same figures every time, every line explained, opening in LibreOffice', async () => {
    expect((await w.engineer.get(api('/appraisal-sheets/export?month=2026-03'))).statusCode).toBe(403);
    await createUser(w.admin, { username: 'ap.finance', roleKey: 'finance' });
    const finance = await t.login('ap.finance', 'password-123');
    const first = await finance.get(api('/appraisal-sheets/export?month=2026-03'));
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('spreadsheetml');
    t.clock.set('2026-05-02T02:00:00Z');
    const second = await finance.get(api('/appraisal-sheets/export?month=2026-03'));
    const csv = spreadsheetAsCsv(first.rawPayload);
    if (csv === undefined) return; // no LibreOffice: npm test says SKIPPED
    expect(spreadsheetAsCsv(second.rawPayload)).toBe(csv);
    expect(csv).toContain('奖罚合计（元）');
    expect(csv).toContain('ap.eng');
    expect(csv).toContain('-20.00'); // −100 incident − 20 adjustment + 100 upheld dispute
    expect(csv).toContain('AP-11：2026-03-11 I 类服务事故');
    expect(csv).toContain('采纳异议');
    expect(csv).not.toContain('ap.eng2');
  });
});

describe('runs and windows across month ends, on this database (AP-8, AP-12)', () => {
  const rate = async (ticketId: number, createdAt: string, grades: [string, string, string]) => {
    await t.database.db.updateTable('tickets').set({ assignee_id: w.ids.engineer2 }).where('id', '=', ticketId).execute();
    await t.database.db
      .insertInto('ticket_ratings')
      .values({
        ticket_id: ticketId,
        attitude: grades[0],
        skill: grades[1],
        result: grades[2],
        comment: null,
        via: 'portal',
        signed_by: null,
        signature: null,
        rated_by: null,
        created_at: createdAt,
      })
      .execute();
  };
  const incident = async (occurredAt: string) =>
    (
      await expectStatus(
        await w.supervisor.post(api('/incidents'), {
          classId: 'I',
          basis: 'improperOperation',
          engineerId: w.ids.engineer2,
          letterId,
          title: '误操作',
          description: '未按流程操作',
          occurredAt,
        }),
        201,
      )
    ).id as number;

  it('fines the third 中 in a row on the 1st of the month, carried from the month before', async () => {
    t.clock.set('2026-05-02T02:00:00Z');
    await rate((await draftLetterFixture(w)).ticketId, '2026-04-30T09:00:00Z', ['good', 'fair', 'fair']);
    await rate((await draftLetterFixture(w)).ticketId, '2026-05-01T01:00:00Z', ['fair', 'good', 'good']);
    const april = (await expectStatus(await w.supervisor.post(api('/appraisal-sheets/compute'), { month: '2026-04' }), 200)).items.find(
      (s: Json) => s.userId === w.ids.engineer2,
    );
    expect(april.lines.filter((l: Json) => l.ruleId === 'AP-8')).toEqual([]);
    const may = (await expectStatus(await w.supervisor.post(api('/appraisal-sheets/compute'), { month: '2026-05' }), 200)).items.find(
      (s: Json) => s.userId === w.ids.engineer2,
    );
    const fines = may.lines.filter((l: Json) => l.ruleId === 'AP-8');
    expect(fines).toHaveLength(1);
    expect(fines[0]).toMatchObject({ kind: 'fine', amountFen: -5000 });
    expect(fines[0].explanation.text['zh-CN']).toContain('上月结转 2 项');
  });

  it('proposes a salary downgrade for two Class I incidents on the first and the last day of a 3-month window', async () => {
    const first = await incident('2026-02-02T02:00:00Z'); // 10:00 on 02-02 in Shanghai
    const last = await incident('2026-05-01T02:00:00Z');
    const may = (await expectStatus(await w.supervisor.post(api('/appraisal-sheets/compute'), { month: '2026-05' }), 200)).items.find(
      (s: Json) => s.userId === w.ids.engineer2,
    );
    const proposal = may.lines.find((l: Json) => l.key === 'AP-12:downgrade');
    expect(proposal).toMatchObject({ kind: 'proposal', proposal: 'salaryDowngrade', evidence: [{ id: first }, { id: last }] });
    expect(proposal.explanation.text['zh-CN']).toContain('2026-02-02、2026-05-01');
  });
});
