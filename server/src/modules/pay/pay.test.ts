import { line } from '@techserve/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { spreadsheetAsCsv } from '../../test/libreoffice';
import { type FieldWorld, fieldWorld } from '../field/letters.fixtures';
import { finalSheetsFor } from './pay.fixtures';
import { commissionReleaseJob } from './pay.service';

// PAY-3/PAY-5 through the API, on SQLite and PostgreSQL: March 2026's verified volume priced and split (60 % now,
// 10 % held two years, the rest at settlement), the ledger released on its dates, the payroll from the frozen sheets
// (refused until every sheet is final), its Excel export and the dashboards.

let t: TestApp;
let w: FieldWorld;
let finance: Agent;
let hr: Agent;
let ids: { finance: number; hr: number };
let project: number;

const payroll = (agent: Agent, month: string) => agent.get(api(`/pay/payroll?month=${month}`));
const slipOf = (p: Json, userId: number) => (p.items as Json[]).find((i) => i.userId === userId) as Json;
const amounts = (slip: Json) => (slip.lines as Json[]).map((l) => [l.kind, l.amountFen]);

const finalSheets = (month: string, extra: Parameters<typeof finalSheetsFor>[2] = {}) => finalSheetsFor(t, month, extra);

const fine = line({
  key: 'AP-8:poor:1',
  kind: 'fine',
  ruleId: 'AP-8',
  version: 1,
  amountFen: -5000,
  inputs: {},
  zh: '差评 → 罚款 50 元',
  en: 'poor → fine 50',
});
const bonus = line({
  key: 'AP-13:run',
  kind: 'bonus',
  ruleId: 'AP-13',
  version: 1,
  amountFen: 10000,
  inputs: {},
  zh: '奖励 100 元',
  en: 'bonus 100',
});
const oneFen = { amountFen: -1, reason: '尾差', byId: 1, byName: '主管', at: '2026-04-07T02:00:00.000Z', disputeId: null };

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  t.clock.set('2026-03-02T01:00:00Z');
  w = await fieldWorld(t, 'py');
  ids = {
    finance: await createUser(w.admin, { username: 'py.fin', roleKey: 'finance' }),
    hr: await createUser(w.admin, { username: 'py.hr', roleKey: 'hr' }),
  };
  finance = await t.login('py.fin', 'password-123');
  hr = await t.login('py.hr', 'password-123');
  const contract = (
    await expectStatus(
      await w.admin.post(api('/contracts'), {
        customerId: w.ids.customer,
        number: 'HT-PY-1',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        feeFen: 100,
        slaLevelId: 'standard',
        coverage: 'business',
      }),
    )
  ).id;
  project = (
    await expectStatus(
      await w.supervisor.post(api('/projects'), {
        name: '给水管网',
        contractId: contract,
        managerId: w.ids.supervisor,
        memberIds: [w.ids.engineer],
      }),
    )
  ).id;
});
afterAll(async () => t?.close());

describe('who may do what', () => {
  it('keeps pay from engineers and sales; finance, HR and the GM read it', async () => {
    expect((await payroll(w.engineer, '2026-03')).statusCode).toBe(403);
    expect((await w.engineer.get(api('/pay/commission'))).statusCode).toBe(403);
    expect((await w.sales.get(api('/pay/payroll/export?month=2026-03'))).statusCode).toBe(403);
    expect((await w.gm.put(api(`/pay/profiles/${w.ids.engineer}`), { baseTierId: 'tier1', fieldAllowance: true })).statusCode).toBe(403);
    for (const agent of [finance, hr, w.gm]) expect((await agent.get(api('/pay/profiles'))).statusCode).toBe(200);
  });
});

describe('pay profiles and non-piece days (PAY-1, PAY-3, PAY-5)', () => {
  it('sets a base tier the policy names and the field allowance, audited; refuses another tier and a stale version', async () => {
    const p = await expectStatus(await hr.put(api(`/pay/profiles/${w.ids.engineer}`), { baseTierId: 'tier1', fieldAllowance: true }), 200);
    expect(p).toMatchObject({ userId: w.ids.engineer, baseTierId: 'tier1', fieldAllowance: true, version: 1 });
    const bad = await hr.put(api(`/pay/profiles/${w.ids.engineer}`), { baseTierId: 'tier9', fieldAllowance: true });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ reason: 'pay.unknownTier', ruleId: 'PAY-1', params: { tierId: 'tier9' } });
    expect(
      (await hr.put(api(`/pay/profiles/${w.ids.engineer}`), { baseTierId: 'tier1', fieldAllowance: true, version: 7 })).statusCode,
    ).toBe(409);
    const grade = await hr.put(api(`/pay/profiles/${w.ids.salesAdmin}`), { baseTierId: 'tier3', fieldAllowance: false, welderGrade: 9 });
    expect(grade.json().error).toMatchObject({ reason: 'pay.unknownGrade', ruleId: 'PAY-3', params: { grade: 9 } });
    const welder = await expectStatus(
      await hr.put(api(`/pay/profiles/${w.ids.salesAdmin}`), { baseTierId: 'tier3', fieldAllowance: false, welderGrade: 8 }),
      200,
    );
    expect(welder).toMatchObject({ welderGrade: 8, probation: false });
    for (const userId of [w.ids.engineer2, w.ids.sales])
      await expectStatus(await finance.put(api(`/pay/profiles/${userId}`), { baseTierId: 'tier3', fieldAllowance: true }), 200);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'pay.profile.update').execute();
    expect(audit.length).toBe(4);
  });

  it('records non-piece days in an open month', async () => {
    const d = await expectStatus(
      await finance.put(api('/pay/month-inputs'), { userId: w.ids.engineer, month: '2026-03', nonPieceDays: 2 }),
      200,
    );
    expect(d).toMatchObject({ nonPieceDays: 2, version: 1 });
    // Listed per person in scope, 0 and version 0 where nothing is recorded; a stale or missing version is refused.
    const list = (await expectStatus(await finance.get(api('/pay/month-inputs?month=2026-03')), 200)).items as Json[];
    expect(list.find((i) => i.userId === w.ids.engineer)).toMatchObject({ userName: 'py.eng', nonPieceDays: 2, version: 1 });
    expect(list.find((i) => i.userId === w.ids.engineer2)).toMatchObject({ nonPieceDays: 0, version: 0 });
    for (const version of [undefined, 7]) {
      const stale = await finance.put(api('/pay/month-inputs'), { userId: w.ids.engineer, month: '2026-03', nonPieceDays: 5, version });
      expect(stale.statusCode).toBe(409);
    }
    expect((await w.engineer.get(api('/pay/month-inputs?month=2026-03'))).statusCode).toBe(403);
    await expectStatus(
      await finance.put(api('/pay/month-inputs'), { userId: w.ids.engineer, month: '2026-03', nonPieceDays: 2, version: 1 }),
      200,
    );
    expect((await finance.put(api('/pay/month-inputs'), { userId: w.ids.engineer, month: '2026-03', nonPieceDays: 32 })).statusCode).toBe(
      400,
    );
  });
});

describe('AT-5/AT-5b overtime and the AP-6 best employee of the month, read by the payroll', () => {
  const at = (local: string) => t.clock.set(new Date(Date.parse(`${local.replace(' ', 'T')}+08:00`)).toISOString());
  const ask = (date: string) =>
    w.engineer.post(api('/attendance/overtime'), { kind: 'voluntary', date, start: '18:00', end: '20:00', reason: '管网割接' });

  it('records one approved overtime and one left unapproved, both worked (punches past 20:00)', async () => {
    at('2026-03-02 09:00');
    const approved = await expectStatus(await ask('2026-03-10'), 201);
    await expectStatus(await ask('2026-03-11'), 201);
    await expectStatus(
      await w.supervisor.post(api(`/attendance/overtime/${approved.id}/decision`), { version: approved.version, approve: true }),
      200,
    );
    for (const day of ['2026-03-10', '2026-03-11'])
      for (const time of ['07:58', '12:01', '13:59', '20:04']) {
        at(`${day} ${time}`);
        await expectStatus(await w.engineer.post(api('/attendance/punches'), { device: 'phone' }), 201);
      }
  });

  it('has the GM confirm a best employee for March; a candidate still in review is not', async () => {
    const stamp = { created_at: '2026-03-31T02:00:00.000Z', updated_at: '2026-03-31T02:00:00.000Z' };
    const round = await t.database.db
      .insertInto('award_rounds')
      .values({ month: '2026-03', state: 'review', policy_version: 1, ...stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    const candidate = { round_id: round.id, votes: 3, manager_by: null, manager_at: null, vp_by: null, vp_at: null, gm_by: null };
    const noVeto = { gm_at: null, veto_step: null, veto_ground: null, veto_reason: null, veto_by: null, veto_at: null };
    await t.database.db
      .insertInto('award_candidates')
      .values([
        Object.assign(
          { nominee_id: w.ids.engineer, rank: 1, state: 'confirmed', bonus_fen: 20000, policy_version: 1 },
          candidate,
          noVeto,
          stamp,
        ),
        Object.assign(
          { nominee_id: w.ids.sales, rank: 2, state: 'in_review', bonus_fen: null, policy_version: null },
          candidate,
          noVeto,
          stamp,
        ),
      ])
      .execute();
  });
});

describe('PAY-3 commission of the verified volume, booked into the ledger', () => {
  it('refuses to book a month still open', async () => {
    t.clock.set('2026-04-02T02:00:00Z');
    // First and last band of each pipe type (the band edges) and install at 2× weld.
    const report = await expectStatus(
      await w.engineer.post(api('/volume-reports'), {
        projectId: project,
        month: '2026-03',
        lines: [
          { pipeType: 'waterSupply', band: 'd50to110', jobType: 'weld', metres: 100 },
          { pipeType: 'waterSupply', band: 'd315to630', jobType: 'install', metres: 10 },
          { pipeType: 'drainage', band: 'innerWeld', jobType: 'weld', metres: 20 },
          { pipeType: 'drainage', band: 'below500', jobType: 'guidance', metres: 5 },
        ],
      }),
    );
    await expectStatus(
      await w.supervisor.post(api(`/volume-reports/${report.id}/decision`), { version: report.version, approve: true }),
      200,
    );
    const open = await finance.post(api('/pay/commission/book'), { month: '2026-03' });
    expect(open.statusCode).toBe(409);
    expect(open.json().error).toMatchObject({ reason: 'pay.monthOpen', ruleId: 'PAY-3' });
  });

  it('books a closed month once: the settlement share and the held-back share, pending the project’s settlement', async () => {
    await expectStatus(await w.supervisor.post(api('/months/2026-03/close'), {}), 200);
    const closed = await finance.put(api('/pay/month-inputs'), { userId: w.ids.engineer, month: '2026-03', nonPieceDays: 3 });
    expect(closed.json().error.reason).toBe('months.closed');
    // 100 m × 0.5 + 10 m × 1.5 × 2 + 20 m × 0.15 = 50 + 30 + 3 = 83 元; guidance on drainage is unpriced.
    const booked = await expectStatus(await finance.post(api('/pay/commission/book'), { month: '2026-03' }), 200);
    expect(booked.items.map((e: Json) => [e.kind, e.amountFen, e.state, e.releaseOn])).toEqual([
      ['settlement', 2490, 'pending', null],
      ['retention', 830, 'pending', null],
    ]);
    expect((await finance.post(api('/pay/commission/book'), { month: '2026-03' })).json().error.reason).toBe('pay.alreadyBooked');
  });
});

describe('PAY-5 the payroll of a month', () => {
  it('is refused while sheets are not final, naming how many', async () => {
    const res = await payroll(finance, '2026-03');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ reason: 'pay.sheetsNotFinal', ruleId: 'AP-15', params: { month: '2026-03' } });
    expect(res.json().error.params.count).toBeGreaterThan(5);
    expect((await finance.get(api('/pay/payroll/export?month=2026-03'))).statusCode).toBe(409);
  });

  it('adds base, allowance, commission paid now, non-piece days, the sheet’s fines and bonuses, AP-6, approved overtime', async () => {
    await finalSheets('2026-03', {
      [w.ids.engineer]: { lines: [fine, bonus], grade: 'A' },
      [w.ids.sales]: { adjustments: [oneFen] },
    });
    const p = await expectStatus(await payroll(finance, '2026-03'), 200);
    const eng = slipOf(p, w.ids.engineer);
    expect(amounts(eng)).toEqual([
      ['base', 200000],
      ['fieldAllowance', 50000],
      ['commission', 4980],
      ['nonPiece', 16000],
      ['performance', 0],
      ['fine', -5000],
      ['bonus', 10000],
      ['bonus', 20000],
      ['overtime', 3448],
    ]);
    // AT-5b: 2 h on a working day at 150 % of 2,000 ÷ (21.75 × 8); the 11th, worked but not approved, is not paid.
    expect(eng).toMatchObject({ grade: 'A', topUpFen: 0, overtimeFen: 3448, totalFen: 275980 + 20000 + 3448 });
    const lineOf = (kind: string) => (eng.lines as Json[]).find((l) => l.kind === kind) as Json;
    expect(lineOf('fine').explanation).toMatchObject({ ruleId: 'AP-8', policyVersion: 1 });
    expect(lineOf('overtime')).toMatchObject({ ruleId: 'AT-5b', explanation: { policyVersion: 1, inputs: { date: '2026-03-10' } } });
    expect(lineOf('overtime').explanation.text['zh-CN']).toContain('工作日加班 2 小时');
    const award = (eng.lines as Json[]).find((l) => l.ruleId === 'AP-6') as Json;
    expect(award.explanation.text.en).toContain('best employee (3 votes');
    expect((slipOf(p, w.ids.sales).lines as Json[]).some((l) => l.ruleId === 'AP-6')).toBe(false);
  });

  it('meets the guaranteed minimum exactly without a top-up, and tops up one fen below as its own line', async () => {
    const p = await expectStatus(await payroll(finance, '2026-03'), 200);
    expect(slipOf(p, w.ids.engineer2)).toMatchObject({ wageFen: 200000, topUpFen: 0, totalFen: 200000 });
    expect((slipOf(p, w.ids.engineer2).lines as Json[]).some((l) => l.kind === 'minimumTopUp')).toBe(false);
    const sales = slipOf(p, w.ids.sales);
    expect(sales).toMatchObject({ wageFen: 199999, topUpFen: 1, totalFen: 200000 });
    expect((sales.lines as Json[]).at(-1)).toMatchObject({ kind: 'minimumTopUp', ruleId: 'PAY-5', amountFen: 1 });
    // PAY-3: 八级焊工 paid by the grade.
    expect(amounts(slipOf(p, w.ids.salesAdmin))[0]).toEqual(['base', 300000]);
    // No profile: the starting tier (1,500) topped up by 500.
    expect(slipOf(p, ids.finance)).toMatchObject({ wageFen: 150000, topUpFen: 50000 });
  });

  it('proposes no tier change on one clean month and counts a fined month as not clean (PAY-1)', async () => {
    const items = (await expectStatus(await finance.get(api('/pay/tier-proposals?month=2026-03')), 200)).items as Json[];
    const of = (id: number) => items.find((i) => i.userId === id) as Json;
    expect(of(w.ids.engineer)).toMatchObject({ currentTierId: 'tier1', cleanMonths: 0, examPassed: false, proposedTierId: null });
    expect(of(w.ids.engineer2)).toMatchObject({ currentTierId: 'tier3', cleanMonths: 1, proposedTierId: null });
    expect(of(w.ids.engineer2).explanation.text['zh-CN']).toBe('PAY-1：连续 1 个月无事故、无罚款，未通过部门考试 → 维持三等');
    expect((await w.engineer.get(api('/pay/tier-proposals?month=2026-03'))).statusCode).toBe(403);
  });

  it('exports the same figures every time, with Chinese headers and every line explained, opening in LibreOffice', async () => {
    const one = await finance.get(api('/pay/payroll/export?month=2026-03'));
    expect(one.statusCode).toBe(200);
    expect(one.headers['content-disposition']).toContain('.xlsx');
    const values = async (data: Buffer) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(data as unknown as ArrayBuffer);
      return book.worksheets.map((s) => ({ name: s.name, rows: s.getSheetValues().map((r) => JSON.stringify(r)) }));
    };
    const first = await values(one.rawPayload);
    t.clock.set('2026-05-20T02:00:00Z');
    const second = await values((await finance.get(api('/pay/payroll/export?month=2026-03'))).rawPayload);
    expect(second).toEqual(first);
    expect(first.map((s) => s.name)).toEqual(['工资表', '工资明细']);
    expect(first[0].rows[1]).toContain('基本工资（元）');
    const csv = spreadsheetAsCsv(one.rawPayload);
    if (csv !== undefined) {
      expect(csv).toContain('实发合计（元，未扣税）');
      expect(csv).toContain('加班（元）');
      expect(csv).toContain('34.48');
      expect(csv).toContain('PAY-3：项目');
    }
    // LibreOffice starts slowly on a busy machine.
  }, 120_000);
});

describe('PAY-3 the ledger releases on its dates', () => {
  it('dates the entries when the project settles and releases the settlement share that day into the open month', async () => {
    await t.database.db.updateTable('projects').set({ accepted_on: '2026-05-20' }).where('id', '=', project).execute();
    const r = await expectStatus(await finance.post(api('/pay/commission/release'), {}), 200);
    expect(r).toMatchObject({ month: '2026-05', scheduled: 2 });
    expect(r.items.map((e: Json) => [e.kind, e.releaseOn, e.releasedMonth])).toEqual([['settlement', '2026-05-20', '2026-05']]);
    const held = (await expectStatus(await finance.get(api('/pay/commission?state=scheduled')), 200)).items;
    expect(held.map((e: Json) => [e.kind, e.releaseOn])).toEqual([['retention', '2028-05-20']]);
  });

  it('releases the held-back share exactly two years after settlement, not the day before', async () => {
    t.clock.set('2028-05-19T02:00:00Z');
    // Two years on, sessions have ended: sign in again.
    finance = await t.login('py.fin', 'password-123');
    expect((await expectStatus(await finance.post(api('/pay/commission/release'), {}), 200)).items).toEqual([]);
    t.clock.set('2028-05-20T02:00:00Z');
    // The background job releases it on the day, no one pressing a button.
    await commissionReleaseJob({ db: t.database.db, clock: t.clock }).run();
    const released = (await expectStatus(await finance.get(api('/pay/commission?state=released')), 200)).items;
    expect(released.map((e: Json) => [e.kind, e.amountFen, e.releasedMonth])).toEqual([
      ['settlement', 2490, '2026-05'],
      ['retention', 830, '2028-05'],
    ]);
  });
});

describe('dashboards (issue 16 item 14)', () => {
  it('counts grades per month, fines and bonuses by rule, and trends per team and region', async () => {
    const gm = await t.login('py.gm', 'password-123');
    const d = await expectStatus(await gm.get(api('/pay/dashboard?from=2026-02&to=2026-03')), 200);
    expect(d.months).toEqual(['2026-02', '2026-03']);
    expect(d.grades[0]).toEqual({ month: '2026-02', A: 0, B: 0, C: 0, none: 0 });
    expect(d.grades[1].A).toBe(1);
    expect(d.byRule).toEqual([
      { ruleId: 'AP-13', kind: 'bonus', count: 1, amountFen: 10000 },
      { ruleId: 'AP-8', kind: 'fine', count: 1, amountFen: -5000 },
    ]);
    expect(d.teams).toEqual([{ id: w.ids.team, name: 'py-一组', month: '2026-03', people: 2, averageTenths: 800, netFen: 0 }]);
    expect(d.regions.map((r: Json) => [r.id, r.people])).toEqual([
      [w.ids.region, 2],
      [w.ids.otherRegion, 1],
    ]);
    expect((await gm.get(api('/pay/dashboard?from=2026-03&to=2026-02'))).statusCode).toBe(422);
    expect((await gm.get(api('/pay/dashboard?from=0000-01&to=2026-02'))).statusCode).toBe(422);
    expect((await gm.get(api('/pay/tier-proposals?month=0000-01'))).statusCode).toBe(422);
  });
});

describe('PAY-3 welder grade-ups and PAY-3b probation assessments, proposed at a month’s end', () => {
  it('counts the months at the grade from its date, needs an exam, and counts probation from the hire date', async () => {
    hr = await t.login('py.hr', 'password-123');
    const grade3 = await expectStatus(
      await hr.put(api(`/pay/profiles/${w.ids.engineer2}`), {
        baseTierId: 'tier3',
        fieldAllowance: true,
        welderGrade: 3,
        welderGradeSince: '2025-09-30',
      }),
      200,
    );
    expect(grade3).toMatchObject({ welderGrade: 3, welderGradeSince: '2025-09-30' });
    await expectStatus(
      await hr.put(api(`/pay/profiles/${w.ids.sales}`), { baseTierId: 'tier3', fieldAllowance: true, probation: true }),
      200,
    );
    await t.database.db.updateTable('users').set({ hire_date: '2026-01-31' }).where('id', '=', w.ids.sales).execute();
    const items = (await expectStatus(await hr.get(api('/pay/welder-proposals?month=2026-03')), 200)).items as Json[];
    const of = (id: number) => items.find((i) => i.userId === id) as Json;
    // 2025-09-30 → 2026-03-31: six full months, but no exam passed since.
    expect(of(w.ids.engineer2)).toMatchObject({ kind: null, months: 6, proposedGrade: null });
    expect(of(w.ids.engineer2).explanation.text['zh-CN']).toContain('未通过考核 → 维持 3 级');
    // 八级焊工 since the profile was saved (2026-03-02): the highest grade.
    expect(of(w.ids.salesAdmin).explanation.text.en).toBe('PAY-3: welder grade 8 is the highest grade');
    // Hired 2026-01-31: two full months by 2026-03-31, within probation 1–3 months: the assessment is due.
    expect(of(w.ids.sales)).toMatchObject({ kind: 'probationAssessment', months: 2, overdue: false, explanation: { ruleId: 'PAY-3b' } });
    expect(items.some((i) => i.userId === w.ids.engineer)).toBe(false);
    const engineer = await t.login('py.eng', 'password-123');
    expect((await engineer.get(api('/pay/welder-proposals?month=2026-03'))).statusCode).toBe(403);
  });
});
