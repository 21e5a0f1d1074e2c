import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { spreadsheetAsCsv } from '../../test/libreoffice';
import { type FieldWorld, fieldWorld } from '../field/letters.fixtures';
import { finalSheetsFor } from './pay.fixtures';

// PAY-2/ORG-4 through the payroll export, on SQLite and PostgreSQL: three regions ranked by their engineers'
// HR-consolidated KPI scores fall into the bands 0.8 / 0.5 / 0.3 of the policy's base (2,000 元); the lines are paid
// with the export of June and of December, explained, and with no other month. The ranking is fixed on the month's
// first export: a KPI changed after it moves the live ranking but never the frozen month's export (issue 16, "the same
// frozen sheet always exports to the same figures").

let t: TestApp;
let w: FieldWorld;
let finance: Agent;
let hr: Agent;
let eng3: number;

type Row = { name: string; kind: string; ruleId: string; amount: unknown; facts: string; text: string };

async function exportOf(month: string) {
  const res = await finance.get(api(`/pay/payroll/export?month=${month}`));
  expect(res.statusCode).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheets = book.worksheets.map((s) => s.getSheetValues().map((r) => JSON.stringify(r)));
  const detail: Row[] = [];
  book.getWorksheet('工资明细')?.eachRow((row, n) => {
    if (n === 1) return;
    const v = row.values as unknown[];
    detail.push({ name: String(v[1]), kind: String(v[2]), ruleId: String(v[3]), amount: v[5], facts: String(v[6]), text: String(v[7]) });
  });
  return { data: res.rawPayload, sheets, detail, ranking: detail.filter((r) => r.ruleId === 'PAY-2') };
}

/** An HR-consolidated KPI result of a month (AP-16): the ranking reads only the consolidated value. */
async function consolidated(userId: number, period: string, value: number) {
  const at = '2026-01-01T00:00:00.000Z';
  await t.database.db
    .insertInto('kpi_reviews')
    .values({
      user_id: userId,
      period,
      self_scores: '{}',
      superior_scores: '{}',
      consolidated_at: at,
      result: JSON.stringify({ consolidated: { value } }),
      created_at: at,
      updated_at: at,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  t.clock.set('2026-01-05T01:00:00Z');
  w = await fieldWorld(t, 'pr');
  const region3 = (await expectStatus(await w.admin.post(api('/regions'), { name: 'pr-华南' }), 201)).id as number;
  eng3 = await createUser(w.admin, { username: 'pr.eng3', roleKey: 'engineer', regionIds: [region3] });
  await createUser(w.admin, { username: 'pr.fin', roleKey: 'finance' });
  await createUser(w.admin, { username: 'pr.hr', roleKey: 'hr' });
  // Region of engineer (华东) 90, of eng3 (华南) 80, of engineer2 (华北) 70, every month of the year.
  for (let m = 1; m <= 12; m++) {
    const period = `2026-${String(m).padStart(2, '0')}`;
    await consolidated(w.ids.engineer, period, 90);
    await consolidated(eng3, period, 80);
    await consolidated(w.ids.engineer2, period, 70);
  }
  for (const month of ['2026-05', '2026-06', '2026-12']) await finalSheetsFor(t, month);
  t.clock.set('2026-07-05T02:00:00Z');
  finance = await t.login('pr.fin', 'password-123');
  hr = await t.login('pr.hr', 'password-123');
});
afterAll(async () => t?.close());

const bands = (rows: Row[]) => rows.map((r) => [r.name, r.amount]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('PAY-2 in the payroll export', () => {
  it('pays June the half-year’s bands 0.8 / 0.5 / 0.3 of 2,000 元 as bonus lines, each explained', async () => {
    const june = await exportOf('2026-06');
    expect(bands(june.ranking)).toEqual(
      bands([
        { name: 'pr.eng', amount: 1600 },
        { name: 'pr.eng3', amount: 1000 },
        { name: 'pr.eng2', amount: 600 },
      ] as Row[]),
    );
    for (const r of june.ranking) {
      expect(r.kind).toBe('奖励');
      expect(r.text).toMatch(/^PAY-2/);
      expect(r.text).toContain('2026-01..2026-06');
      expect(JSON.parse(r.facts)).toMatchObject({ period: '2026-01..2026-06' });
    }
    expect(june.ranking.find((r) => r.name === 'pr.eng')?.text).toContain('2,000 元 × 0.8');
    expect(june.ranking.find((r) => r.name === 'pr.eng2')?.text).toContain('2,000 元 × 0.3');
    // Every line of the export is explained: a rule and a sentence.
    for (const r of june.detail) {
      expect(r.ruleId).toMatch(/^[A-Z]+-\d/);
      expect(r.text.length).toBeGreaterThan(5);
    }
  });

  it('pays none in a month that ends no half-year', async () => {
    expect((await exportOf('2026-05')).ranking).toEqual([]);
  });

  it('gives the frozen June the same figures after the KPIs change; the live ranking moves, the export does not', async () => {
    const first = await exportOf('2026-06');
    await t.database.db
      .updateTable('kpi_reviews')
      .set({ result: JSON.stringify({ consolidated: { value: 99 } }) })
      .where('user_id', '=', w.ids.engineer2)
      .where('period', '>=', '2026-01')
      .where('period', '<=', '2026-06')
      .execute();
    const live = await expectStatus(await hr.get(api('/ranking-bonus?from=2026-01')), 200);
    expect((live.people as Json[]).find((p) => p.userId === w.ids.engineer2)?.totalFen).toBe(160000);
    const again = await exportOf('2026-06');
    expect(again.sheets).toEqual(first.sheets);
    const slip = (await expectStatus(await finance.get(api('/pay/payroll?month=2026-06')), 200)).items.find(
      (i: Json) => i.userId === w.ids.engineer2,
    );
    expect((slip.lines as Json[]).filter((l) => l.ruleId === 'PAY-2').map((l) => l.amountFen)).toEqual([60000]);
    const audit = await t.database.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'pay.ranking.fix').execute();
    expect(audit.map((a) => a.entity_id)).toEqual(['2026-01']);
  });

  it('pays December the second half-year, and the export opens in LibreOffice with the PAY-2 lines', async () => {
    t.clock.set('2027-01-06T02:00:00Z');
    finance = await t.login('pr.fin', 'password-123');
    const dec = await exportOf('2026-12');
    expect(bands(dec.ranking)).toEqual(
      bands([
        { name: 'pr.eng', amount: 1600 },
        { name: 'pr.eng3', amount: 1000 },
        { name: 'pr.eng2', amount: 600 },
      ] as Row[]),
    );
    for (const r of dec.ranking) expect(r.text).toContain('2026-07..2026-12');
    const csv = spreadsheetAsCsv(dec.data);
    if (csv !== undefined) {
      expect(csv).toContain('2026-07..2026-12');
      expect(csv).toContain('2,000 元 × 0.5 × 本人负责区域 1/1 = 1,000 元');
    }
  }, 120_000);
});
