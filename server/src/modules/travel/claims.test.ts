import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp } from '../../test/harness';
import { spreadsheetAsCsv } from '../../test/libreoffice';
import { approvedLetterFixture } from '../field/letters.fixtures';
import { type Json, type TravelWorld, api, approvedTrip, expectStatus, travelWorld } from './travel.fixtures';

let t: TestApp;
let w: TravelWorld;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await travelWorld(t, 'tc');
});
afterAll(async () => t?.close());

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake receipt')]);
const PDF = Buffer.from('%PDF-1.4\n% 发票\n');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(32, 0)]);

function uploadReceipt(as: Agent, claimId: number, fileName: string, data: Buffer) {
  const boundary = '----travel-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      'utf8',
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return as.request('POST', api(`/travel-claims/${claimId}/receipts`), body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

const claimCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('travel_claims')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const train = { date: '2026-03-02', category: 'transport', transport: 'train', description: '上海—乌鲁木齐 火车票', amountFen: 65050 };
/** TR-1: every claim has at least one expense line; 10 yuan of parking where the test is about allowances. */
const parking = { date: '2026-03-02', category: 'other', description: '停车费', amountFen: 1000 };

describe('TR-1 claims against the itinerary', () => {
  it('TR-1: refuses a claim without one expense line (422 travel.claimNoLines), saving nothing', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor);
    const before = await claimCount();
    for (const body of [
      { actualStartDate: '2026-03-02', actualEndDate: '2026-03-06' },
      { actualStartDate: '2026-03-02', actualEndDate: '2026-03-06', expenses: [] },
    ]) {
      const res = await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), body);
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ ruleId: 'TR-1', reason: 'travel.claimNoLines', details: [{ path: 'body.expenses' }] });
    }
    expect(await claimCount()).toBe(before);
  });

  it('TR-1: finance’s list names each claimant', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor);
    await expectStatus(
      await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), {
        actualStartDate: '2026-03-02',
        actualEndDate: '2026-03-06',
        expenses: [train],
      }),
      201,
    );
    const list = await expectStatus(await w.finance.get(api('/travel-claims?view=all')), 200);
    expect(list.items).toEqual([expect.objectContaining({ userId: w.ids.engineer, userName: expect.any(String) })]);
    expect(list.items[0].userName.length).toBeGreaterThan(0);
  });

  it('refuses days after the itinerary without an approved extension (422 TR-1), saving nothing', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor);
    const before = await claimCount();
    const res = await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), {
      actualStartDate: '2026-03-02',
      actualEndDate: '2026-03-07',
      expenses: [train],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ ruleId: 'TR-1', details: [{ path: 'body.actualEndDate' }] });
    const early = await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), {
      actualStartDate: '2026-03-01',
      actualEndDate: '2026-03-06',
    });
    expect(early.json().error).toMatchObject({ ruleId: 'TR-1', details: [{ path: 'body.actualStartDate' }] });
    expect(await claimCount()).toBe(before);
  });

  it('refuses an expense on a day not away, and an end before the start', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor);
    const res = await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), {
      actualStartDate: '2026-03-02',
      actualEndDate: '2026-03-04',
      expenses: [{ ...train, date: '2026-03-05' }],
    });
    expect(res.json().error).toMatchObject({ ruleId: 'TR-1', details: [{ path: 'body.expenses.0.date' }] });
    const reversed = await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), {
      actualStartDate: '2026-03-04',
      actualEndDate: '2026-03-03',
    });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().error.details[0].path).toBe('body.actualEndDate');
  });

  it('accepts the extra days once the reported extension is approved, and pays their allowance', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor);
    const asked = await expectStatus(
      await w.engineer.post(api(`/travel-requests/${trip.id}/extension`), {
        version: trip.version,
        startDate: '2026-03-07',
        endDate: '2026-03-08',
        reason: '设备到货延迟',
      }),
      200,
    );
    expect(asked.extension).toMatchObject({ status: 'requested' });
    expect(
      (await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), { actualStartDate: '2026-03-02', actualEndDate: '2026-03-08' }))
        .statusCode,
    ).toBe(422);
    await expectStatus(
      await w.supervisor.post(api(`/travel-requests/${trip.id}/extension/decision`), { version: asked.version, approve: true }),
      200,
    );
    const claim = await expectStatus(
      await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), {
        actualStartDate: '2026-03-02',
        actualEndDate: '2026-03-08',
        expenses: [parking],
      }),
      201,
    );
    // TR-3: 03-03 .. 03-07 (5 days; 03-02 departure and 03-08 return excluded), under the 7-day cap.
    expect(claim.allowanceLines).toEqual([expect.objectContaining({ kind: 'technicalGuidance', days: 5, amountFen: 60000 })]);
    expect(claim.payableFen).toBe(61000);
  });

  it('bounds the actual days even when the policy pays days beyond the itinerary', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor);
    await t.database.db
      .updateTable('travel_requests')
      .set({ extension_status: 'approved', extension_start_date: '2000-01-01', extension_end_date: '2099-12-31' })
      .where('id', '=', trip.id)
      .execute();
    const res = await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), {
      actualStartDate: '2000-01-01',
      actualEndDate: '2099-12-31',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.ruleId).toBe('TR-1');
  });

  it('refuses an extension that lies within the itinerary', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor);
    const res = await w.engineer.post(api(`/travel-requests/${trip.id}/extension`), {
      version: trip.version,
      startDate: '2026-03-03',
      endDate: '2026-03-04',
      reason: 'x',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.ruleId).toBe('TR-1');
  });

  it('TR-1: refuses extra days that leave a gap to the itinerary (days away nobody reported), on either side', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor); // 2026-03-02 .. 2026-03-06
    const after = await w.engineer.post(api(`/travel-requests/${trip.id}/extension`), {
      version: trip.version,
      startDate: '2026-03-08',
      endDate: '2026-03-09',
      reason: '延期',
    });
    expect(after.statusCode).toBe(422);
    expect(after.json().error).toMatchObject({ ruleId: 'TR-1', details: [{ path: 'body.startDate' }] });
    const before = await w.engineer.post(api(`/travel-requests/${trip.id}/extension`), {
      version: trip.version,
      startDate: '2026-02-27',
      endDate: '2026-02-28',
      reason: '提前',
    });
    expect(before.json().error).toMatchObject({ ruleId: 'TR-1', details: [{ path: 'body.endDate' }] });
    // Adjoining days on both sides are fine.
    expect(
      (
        await w.engineer.post(api(`/travel-requests/${trip.id}/extension`), {
          version: trip.version,
          startDate: '2026-03-01',
          endDate: '2026-03-07',
          reason: '前后各一天',
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('claim flow: receipts, advance settlement, approval and payment', () => {
  let claim: Json;
  let tripId: number;

  it('deducts the paid advance: payable = expenses + allowance − advance', async () => {
    const { letter } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
    const trip = await approvedTrip(w.engineer, w.supervisor, { letterId: letter.id });
    tripId = trip.id;
    const adv = await expectStatus(
      await w.engineer.post(api(`/travel-requests/${trip.id}/advances`), { amountFen: 50000, reason: '路费' }),
      201,
    );
    const ok = await expectStatus(
      await w.supervisor.post(api(`/travel-advances/${adv.id}/decision`), { version: adv.version, approve: true }),
      200,
    );
    await expectStatus(await w.finance.post(api(`/travel-advances/${adv.id}/pay`), { version: ok.version }), 200);
    claim = await expectStatus(
      await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), {
        actualStartDate: '2026-03-02',
        actualEndDate: '2026-03-06',
        expenses: [train],
      }),
      201,
    );
    expect(claim).toMatchObject({
      expensesFen: 65050,
      allowanceFen: 36000,
      advanceFen: 50000,
      payableFen: 65050 + 36000 - 50000,
      status: 'submitted',
    });
    expect(
      (await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), { actualStartDate: '2026-03-02', actualEndDate: '2026-03-06' }))
        .statusCode,
    ).toBe(409);
  });

  it('needs a transport receipt before approval (422 TR-1)', async () => {
    const res = await w.supervisor.post(api(`/travel-claims/${claim.id}/decision`), { version: claim.version, approve: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.ruleId).toBe('TR-1');
  });

  it('types receipts by their bytes: an executable is refused (415), a PNG or PDF accepted; only the traveller uploads', async () => {
    expect((await uploadReceipt(w.engineer, claim.id, 'receipt.png', ELF)).statusCode).toBe(415);
    expect((await w.engineer.post(api(`/travel-claims/${claim.id}/receipts`), {})).statusCode).toBe(415); // JSON, not multipart
    expect((await uploadReceipt(w.engineer, claim.id, 'empty.png', Buffer.alloc(0))).statusCode).toBe(422);
    expect((await uploadReceipt(w.supervisor, claim.id, 'receipt.png', PNG)).statusCode).toBe(403);
    expect((await uploadReceipt(w.engineer2, claim.id, 'receipt.png', PNG)).statusCode).toBe(404);
    const png = await expectStatus(await uploadReceipt(w.engineer, claim.id, '火车票.png', PNG), 201);
    expect(png).toMatchObject({ fileName: '火车票.png', contentType: 'image/png' });
    await expectStatus(await uploadReceipt(w.engineer, claim.id, 'invoice.pdf', PDF), 201);
    const download = await w.supervisor.get(png.url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect((await w.engineer2.get(png.url)).statusCode).toBe(404);
  });

  it('is approved by the manager, then paid by finance, settling the advance and completing the trip', async () => {
    const fresh = await expectStatus(await w.engineer.get(api(`/travel-claims/${claim.id}`)), 200);
    expect(fresh.receipts).toHaveLength(2);
    expect((await w.finance.post(api(`/travel-claims/${claim.id}/pay`), { version: fresh.version })).statusCode).toBe(409);
    const approved = await expectStatus(
      await w.supervisor.post(api(`/travel-claims/${claim.id}/decision`), { version: fresh.version, approve: true }),
      200,
    );
    expect((await w.supervisor.post(api(`/travel-claims/${claim.id}/pay`), { version: approved.version })).statusCode).toBe(403);
    const paid = await expectStatus(await w.finance.post(api(`/travel-claims/${claim.id}/pay`), { version: approved.version }), 200);
    expect(paid.status).toBe('paid');
    const trip = await expectStatus(await w.engineer.get(api(`/travel-requests/${tripId}`)), 200);
    expect(trip.status).toBe('completed');
    expect(trip.advances[0].status).toBe('settled');
    expect((await uploadReceipt(w.engineer, claim.id, 'late.png', PNG)).statusCode).toBe(409);
  });
});

describe('TR-1 advances and the claim that settles them', () => {
  async function claimedTripWithApprovedAdvance() {
    const { letter } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
    const trip = await approvedTrip(w.engineer, w.supervisor, { letterId: letter.id });
    const adv = await expectStatus(
      await w.engineer.post(api(`/travel-requests/${trip.id}/advances`), { amountFen: 50000, reason: '住宿' }),
      201,
    );
    const approvedAdvance = await expectStatus(
      await w.supervisor.post(api(`/travel-advances/${adv.id}/decision`), { version: adv.version, approve: true }),
      200,
    );
    const claim = await expectStatus(
      await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), {
        actualStartDate: '2026-03-02',
        actualEndDate: '2026-03-04',
        expenses: [parking],
      }),
      201,
    );
    expect(claim).toMatchObject({ advanceFen: 0, payableFen: 13000 });
    return { trip, approvedAdvance, claim };
  }

  it('TR-1: an advance paid after the claim was filed is deducted from it, never settled unpaid-back', async () => {
    const { trip, approvedAdvance, claim } = await claimedTripWithApprovedAdvance();
    await expectStatus(await w.finance.post(api(`/travel-advances/${approvedAdvance.id}/pay`), { version: approvedAdvance.version }), 200);
    const refreshed = await expectStatus(await w.engineer.get(api(`/travel-claims/${claim.id}`)), 200);
    expect(refreshed).toMatchObject({ advanceFen: 50000, payableFen: 13000 - 50000 });
    expect(refreshed.version).toBeGreaterThan(claim.version);
    const approved = await expectStatus(
      await w.supervisor.post(api(`/travel-claims/${claim.id}/decision`), { version: refreshed.version, approve: true }),
      200,
    );
    const paid = await expectStatus(await w.finance.post(api(`/travel-claims/${claim.id}/pay`), { version: approved.version }), 200);
    expect(paid).toMatchObject({ status: 'paid', advanceFen: 50000, payableFen: -37000 });
    const after = await expectStatus(await w.engineer.get(api(`/travel-requests/${trip.id}`)), 200);
    expect(after.advances.map((a: Json) => a.status)).toEqual(['settled']);
  });

  it('TR-1: paying the claim settles what was paid out and closes advances still waiting; none is paid afterwards', async () => {
    const { trip, approvedAdvance, claim } = await claimedTripWithApprovedAdvance();
    const approved = await expectStatus(
      await w.supervisor.post(api(`/travel-claims/${claim.id}/decision`), { version: claim.version, approve: true }),
      200,
    );
    const paid = await expectStatus(await w.finance.post(api(`/travel-claims/${claim.id}/pay`), { version: approved.version }), 200);
    expect(paid).toMatchObject({ advanceFen: 0, payableFen: 13000 });
    const after = await expectStatus(await w.engineer.get(api(`/travel-requests/${trip.id}`)), 200);
    expect(after.advances).toEqual([expect.objectContaining({ id: approvedAdvance.id, status: 'rejected' })]);
    expect(
      (await w.finance.post(api(`/travel-advances/${approvedAdvance.id}/pay`), { version: after.advances[0].version })).statusCode,
    ).toBe(409);
  });

  it('TR-1: no new advance once the trip is claimed (409), nothing saved', async () => {
    const { trip } = await claimedTripWithApprovedAdvance();
    const before = Number(
      (
        await t.database.db
          .selectFrom('travel_advances')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const res = await w.engineer.post(api(`/travel-requests/${trip.id}/advances`), { amountFen: 10000, reason: '再借' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/claim/);
    expect(
      Number(
        (
          await t.database.db
            .selectFrom('travel_advances')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(before);
  });
});

describe('TR-4 special rate decided after the claim was filed', () => {
  const special = { specialRate: { dailyFen: 20000, reason: '高原地区' } };
  const claimBody = { actualStartDate: '2026-03-02', actualEndDate: '2026-03-06', expenses: [parking] };

  it('TR-4: the GM’s approval recomputes the open claim’s allowance lines, explained with TR-4 and the policy version', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor, special);
    const claim = await expectStatus(await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), claimBody), 201);
    // Filed while the special rate waits: 03-03..03-05 at the standard 120 yuan.
    expect(claim.allowanceLines).toEqual([expect.objectContaining({ kind: 'technicalGuidance', days: 3, amountFen: 36000 })]);
    const current = await expectStatus(await w.gm.get(api(`/travel-requests/${trip.id}`)), 200);
    await expectStatus(await w.gm.post(api(`/travel-requests/${trip.id}/special-rate`), { version: current.version, approve: true }), 200);
    const repriced = await expectStatus(await w.engineer.get(api(`/travel-claims/${claim.id}`)), 200);
    expect(repriced).toMatchObject({ allowanceFen: 60000, payableFen: 61000, policyVersion: claim.policyVersion, status: 'submitted' });
    expect(repriced.version).toBeGreaterThan(claim.version);
    expect(repriced.allowanceLines).toEqual([
      expect.objectContaining({ kind: 'specialRegion', days: 3, rateFen: 20000, amountFen: 60000 }),
    ]);
    expect(repriced.allowanceLines[0].explanation).toMatchObject({ ruleId: 'TR-4', policyVersion: claim.policyVersion });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'travel_claim')
      .where('entity_id', '=', String(claim.id))
      .where('action', '=', 'travel.claim.reprice')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after as string)).toMatchObject({ allowanceFen: 60000, ruleId: 'TR-4', policyVersion: claim.policyVersion });
    const told = await t.database.db
      .selectFrom('notifications')
      .select('body_zh')
      .where('user_id', '=', w.ids.engineer)
      .where('body_zh', 'like', '%TR-4%')
      .execute();
    expect(told.map((n) => n.body_zh)).toEqual([expect.stringContaining(`政策第 ${claim.policyVersion} 版`)]);
    // The approver's stale copy is refused; the current one is approved and paid at the special rate.
    expect(
      (await w.supervisor.post(api(`/travel-claims/${claim.id}/decision`), { version: claim.version, approve: true })).statusCode,
    ).toBe(409);
    const approved = await expectStatus(
      await w.supervisor.post(api(`/travel-claims/${claim.id}/decision`), { version: repriced.version, approve: true }),
      200,
    );
    const paid = await expectStatus(await w.finance.post(api(`/travel-claims/${claim.id}/pay`), { version: approved.version }), 200);
    expect(paid).toMatchObject({ status: 'paid', allowanceFen: 60000, payableFen: 61000 });
  });

  it('TR-4: a claim whose allowance predates the GM’s approval is approved at the special rate', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor, special);
    const claim = await expectStatus(await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), claimBody), 201);
    // As an install before this change left it: the rate approved, the claim still at the standard rate.
    await t.database.db
      .updateTable('travel_requests')
      .set({ special_status: 'approved', special_decided_by: w.ids.gm })
      .where('id', '=', trip.id)
      .execute();
    expect((await expectStatus(await w.engineer.get(api(`/travel-claims/${claim.id}`)), 200)).allowanceFen).toBe(36000);
    const approved = await expectStatus(
      await w.supervisor.post(api(`/travel-claims/${claim.id}/decision`), { version: claim.version, approve: true }),
      200,
    );
    expect(approved).toMatchObject({ status: 'approved', allowanceFen: 60000, payableFen: 61000 });
    expect(approved.allowanceLines[0].explanation.ruleId).toBe('TR-4');
  });

  it('TR-4: a rejected rate changes nothing, and a paid claim is never changed', async () => {
    const trip = await approvedTrip(w.engineer, w.supervisor, special);
    const claim = await expectStatus(await w.engineer.post(api(`/travel-requests/${trip.id}/claims`), claimBody), 201);
    const approved = await expectStatus(
      await w.supervisor.post(api(`/travel-claims/${claim.id}/decision`), { version: claim.version, approve: true }),
      200,
    );
    await expectStatus(await w.finance.post(api(`/travel-claims/${claim.id}/pay`), { version: approved.version }), 200);
    const current = await expectStatus(await w.gm.get(api(`/travel-requests/${trip.id}`)), 200);
    await expectStatus(await w.gm.post(api(`/travel-requests/${trip.id}/special-rate`), { version: current.version, approve: true }), 200);
    expect(await expectStatus(await w.engineer.get(api(`/travel-claims/${claim.id}`)), 200)).toMatchObject({
      status: 'paid',
      allowanceFen: 36000,
    });

    const other = await approvedTrip(w.engineer, w.supervisor, special);
    const open = await expectStatus(await w.engineer.post(api(`/travel-requests/${other.id}/claims`), claimBody), 201);
    const o = await expectStatus(await w.gm.get(api(`/travel-requests/${other.id}`)), 200);
    await expectStatus(await w.gm.post(api(`/travel-requests/${other.id}/special-rate`), { version: o.version, approve: false }), 200);
    expect(await expectStatus(await w.engineer.get(api(`/travel-claims/${open.id}`)), 200)).toMatchObject({
      allowanceFen: 36000,
      version: open.version,
    });
  });
});

describe('finance export (.xlsx)', () => {
  it('is for finance only, and checks the month', async () => {
    expect((await w.supervisor.get(api('/travel/finance-export?month=2026-03'))).statusCode).toBe(403);
    expect((await w.finance.get(api('/travel/finance-export?month=2026-13'))).statusCode).toBe(400);
  });

  it('lists the month’s claims in yuan with Chinese headers, and the allowance lines with their explanations', async () => {
    const res = await w.finance.get(api('/travel/finance-export?month=2026-03'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const lines = book.getWorksheet('补助明细');
    const texts = lines!.getColumn(9).values.map(String);
    expect(texts.some((s) => s.includes('省外技术指导') && s.includes('120 元/天'))).toBe(true);
    // Paid times in company time (09:00 in Shanghai), not UTC text.
    const paidTimes = book
      .getWorksheet('报销单')!
      .getColumn(13)
      .values.slice(2)
      .map(String)
      .filter((v) => v && v !== 'undefined');
    expect(paidTimes.length).toBeGreaterThan(0);
    for (const v of paidTimes) expect(v).toBe('2026-03-02 09:00');
    // FS-3/TR-1: the advances paid out in the month, settled by their claim or still open.
    const advances = book.getWorksheet('预支款')!;
    const rows = advances
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual([
      expect.any(Number),
      expect.any(Number),
      'tc.eng',
      '路费',
      500,
      '2026-03-02 09:00',
      '已结算',
      expect.any(Number),
    ]);

    const all = spreadsheetAsCsv(res.rawPayload);
    if (all === undefined) return; // no LibreOffice: npm test says SKIPPED
    expect(all).toContain('出差人');
    expect(all).toContain('应付/应退（元）');
    expect(all).toContain('tc.eng');
    expect(all).toContain('技术指导');
    expect(all).toContain('510.50'); // 650.50 + 360.00 − 500.00
    expect(all).toContain('650.50');
    expect(all).toContain('预支单号');
    expect(all).toContain('已结算');
  }, 150_000);
});
