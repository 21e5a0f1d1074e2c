import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp } from '../../test/harness';
import { type FieldWorld, type Json, approvedLetterFixture, expectStatus, fieldWorld, publishFieldPolicy } from './letters.fixtures';
import { multipart, onSiteLetterFixture, recordBody, tinyPng } from './visits.fixtures';

// FS-6 service record: record, parts (CU-2), photos, expert consults, the same-day difficulty report. SQLite and PostgreSQL.

const MAX_BYTES = 64 * 1024;
let t: TestApp;
let w: FieldWorld;
const api = (p: string) => `/api/v1${p}`;
const putRecord = (as: Agent, letterId: number, body: Json) => as.put(api(`/field/letters/${letterId}/service-record`), body);
const uploadPhoto = (
  as: Agent,
  letterId: number,
  file: { fileName: string; data: Buffer; contentType?: string },
  fields: Record<string, string> = {},
) => {
  const { body, headers } = multipart(file, fields);
  return as.request('POST', api(`/field/letters/${letterId}/photos`), body, headers);
};

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 }, attachmentMaxBytes: MAX_BYTES });
  t.clock.set('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai
  w = await fieldWorld(t, 'rc');
});
afterAll(async () => t.close());

describe('FS-6 service record', () => {
  it('is written by the letter’s engineer once on site, with optimistic versions (409 when stale or missing)', async () => {
    const { letter } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
    expect((await putRecord(w.engineer, letter.id, recordBody())).statusCode).toBe(409); // approved: not on site yet
    await expectStatus(await w.engineer.post(api(`/field/letters/${letter.id}/check-ins`), { kind: 'in', confirmedWith: '钱主任' }), 201);
    expect((await putRecord(w.supervisor, letter.id, recordBody())).statusCode).toBe(403);
    const v = await expectStatus(await putRecord(w.engineer, letter.id, recordBody({ solved: null })), 200);
    expect(v.record).toMatchObject({
      diagnosis: '电源模块损坏',
      workDone: '更换电源模块并测试',
      solved: null,
      restoredOriginal: false,
      version: 1,
    });
    expect((await putRecord(w.engineer, letter.id, recordBody())).statusCode).toBe(409);
    const v2 = await expectStatus(await putRecord(w.engineer, letter.id, recordBody({ version: 1, workDone: '更换后复测通过' })), 200);
    expect(v2.record).toMatchObject({ workDone: '更换后复测通过', solved: true, version: 2 });
    expect((await putRecord(w.engineer, letter.id, recordBody({ version: 1 }))).statusCode).toBe(409);
    expect((await putRecord(w.engineer, letter.id, { ...recordBody({ version: 2 }), diagnosis: 'x'.repeat(10_001) })).statusCode).toBe(400);
  });

  it('FS-6: "restored to original state" only when giving up (422 FS-6 on a solved record)', async () => {
    const { letterId } = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
    const res = await putRecord(w.engineer, letterId, recordBody({ solved: true, restoredOriginal: true }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ ruleId: 'FS-6', details: [{ path: 'body.restoredOriginal' }] });
    const v = await expectStatus(await putRecord(w.engineer, letterId, recordBody({ solved: false, restoredOriginal: true })), 200);
    expect(v.record).toMatchObject({ solved: false, restoredOriginal: true });
  });

  it('CU-2: a part put into the customer’s installed product is a replacement with its own warranty; on the request as a part', async () => {
    const lineId = (await expectStatus(await w.admin.post(api('/product-lines'), { name: 'rc-服务器' }), 201)).id;
    const productId = (await expectStatus(await w.admin.post(api('/products'), { name: 'rc-X9 存储', productLineId: lineId }), 201)).id;
    const installed = await expectStatus(
      await w.supervisor.post(api('/installed-products'), {
        customerId: w.ids.customer,
        productId,
        serialNumber: 'RC-SN-1',
        acceptedOn: '2023-01-10',
      }),
      201,
    );
    expect(installed.warranty.status).toBe('expired');
    const { letterId, ticketId } = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
    const v = await expectStatus(
      await w.engineer.post(api(`/field/letters/${letterId}/parts`), {
        part: '电源模块 PSU-200',
        quantity: 1,
        installedProductId: installed.id,
      }),
      201,
    );
    expect(v.parts).toEqual([
      expect.objectContaining({
        part: '电源模块 PSU-200',
        quantity: 1,
        installedProductId: installed.id,
        partReplacementId: expect.any(Number),
      }),
    ]);
    const after = await expectStatus(await w.supervisor.get(api(`/installed-products/${installed.id}`)), 200);
    expect(after.warranty).toMatchObject({ status: 'expired', parts: [{ part: '电源模块 PSU-200', status: 'in_warranty' }] });
    const entries = await t.database.db
      .selectFrom('ticket_entries')
      .select(['kind', 'body'])
      .where('ticket_id', '=', ticketId)
      .where('kind', '=', 'part')
      .execute();
    expect(entries).toEqual([{ kind: 'part', body: '电源模块 PSU-200' }]);

    // A part without a product is just a part used; another customer's product is refused and nothing is saved.
    await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/parts`), { part: '螺丝', quantity: 4 }), 201);
    const otherCustomer = (
      await expectStatus(await w.supervisor.post(api('/customers'), { name: 'rc-另一家', regionId: w.ids.region }), 201)
    ).id;
    const foreign = await expectStatus(
      await w.supervisor.post(api('/installed-products'), {
        customerId: otherCustomer,
        productId,
        serialNumber: 'RC-SN-2',
        acceptedOn: '2023-01-10',
      }),
      201,
    );
    const res = await w.engineer.post(api(`/field/letters/${letterId}/parts`), { part: '风扇', installedProductId: foreign.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.ruleId).toBe('CU-2');
    const parts = await t.database.db.selectFrom('visit_parts').select('part').where('letter_id', '=', letterId).execute();
    expect(parts.map((p) => p.part)).toEqual(['电源模块 PSU-200', '螺丝']);
    expect(
      await t.database.db.selectFrom('part_replacements').select('id').where('installed_product_id', '=', foreign.id).execute(),
    ).toHaveLength(0);
  });

  it('FS-6: the product expert consulted is logged on the request as an internal note', async () => {
    const { letterId, ticketId } = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
    const v = await expectStatus(
      await w.engineer.post(api(`/field/letters/${letterId}/expert-consults`), {
        expertName: '孙专家',
        question: '告警 E42 如何处理？',
        answer: '先重置控制器',
      }),
      201,
    );
    expect(v.expertConsults).toEqual([expect.objectContaining({ expertName: '孙专家', answer: '先重置控制器' })]);
    const note = await t.database.db
      .selectFrom('ticket_entries')
      .select(['visibility', 'body'])
      .where('ticket_id', '=', ticketId)
      .where('kind', '=', 'note')
      .executeTakeFirstOrThrow();
    expect(note.visibility).toBe('internal');
    expect(note.body).toContain('孙专家');
    expect(
      (
        await w.engineer.post(api(`/field/letters/${letterId}/expert-consults`), {
          expertName: '孙专家',
          question: 'q',
          answer: 'a',
          expertUserId: 2147483000,
        })
      ).statusCode,
    ).toBe(422);
  });
});

describe('FS-6 photos', () => {
  it('stores an image by its bytes on the letter and on the request’s timeline, and serves it in scope only', async () => {
    const { letterId, ticketId } = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
    const png = tinyPng(8, 8);
    const photo = await expectStatus(
      await uploadPhoto(w.engineer, letterId, { fileName: '机柜.png', data: png, contentType: 'text/html' }),
      201,
    );
    expect(photo).toMatchObject({
      purpose: 'photo',
      fileName: '机柜.png',
      contentType: 'image/png',
      size: png.length,
      ticketAttachmentId: expect.any(Number),
    });
    const onTicket = await t.database.db
      .selectFrom('ticket_attachments')
      .select(['ticket_id', 'visibility'])
      .where('id', '=', photo.ticketAttachmentId)
      .executeTakeFirstOrThrow();
    expect(onTicket).toEqual({ ticket_id: ticketId, visibility: 'public' });
    const file = await w.engineer.get(photo.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(png)).toBe(true);
    expect((await w.engineer2.get(photo.url)).statusCode).toBe(404);
    expect((await w.supervisor.get(photo.url)).statusCode).toBe(200);
  });

  it('refuses a non-image (415) and an oversize image (413), saving nothing; a non-member cannot upload (404/403)', async () => {
    const { letterId } = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
    const text = await uploadPhoto(w.engineer, letterId, { fileName: 'photo.png', data: Buffer.from('not an image at all') });
    expect(text.statusCode).toBe(415);
    const pdf = await uploadPhoto(w.engineer, letterId, { fileName: 'a.pdf', data: Buffer.from('%PDF-1.4 fake') });
    expect(pdf.statusCode).toBe(415);
    const huge = Buffer.concat([tinyPng(), Buffer.alloc(MAX_BYTES + 1)]);
    const big = await uploadPhoto(w.engineer, letterId, { fileName: 'big.png', data: huge });
    expect(big.statusCode).toBe(413);
    expect((await uploadPhoto(w.engineer, letterId, { fileName: 'a.png', data: tinyPng() }, { purpose: 'selfie' })).statusCode).toBe(400);
    expect((await uploadPhoto(w.engineer2, letterId, { fileName: 'a.png', data: tinyPng() })).statusCode).toBe(404);
    expect((await uploadPhoto(w.supervisor, letterId, { fileName: 'a.png', data: tinyPng() })).statusCode).toBe(403);
    expect(await t.database.db.selectFrom('visit_files').select('id').where('letter_id', '=', letterId).execute()).toHaveLength(0);
  });
});

describe('FS-6 same-day difficulty report', () => {
  it('is due the company-local day the record is marked unsolved: filed at 23:59 local it is on time', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const { letterId, ticketId } = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
    const v = await expectStatus(await putRecord(w.engineer, letterId, recordBody({ solved: false })), 200);
    expect(v.record.unsolvedOn).toBe('2026-03-02');
    expect(v.difficultyReport).toMatchObject({ required: true, dueOn: '2026-03-02', missing: true, filedAt: null });
    expect(v.allowed).toContain('file_difficulty_report');
    const photo = await expectStatus(
      await uploadPhoto(w.engineer, letterId, { fileName: '故障.png', data: tinyPng() }, { purpose: 'difficulty' }),
      201,
    );
    t.clock.set('2026-03-02T15:59:00Z'); // 23:59 in Shanghai
    const filed = await expectStatus(
      await w.engineer.post(api(`/field/letters/${letterId}/difficulty-report`), {
        text: '控制器反复重启，疑似主板故障，需返厂',
        photoIds: [photo.id],
      }),
      201,
    );
    expect(filed.difficultyReport).toMatchObject({
      required: true,
      onTime: true,
      missing: false,
      photoIds: [photo.id],
      filedAt: '2026-03-02T15:59:00.000Z',
    });
    const internal = await t.database.db
      .selectFrom('ticket_attachments')
      .select('visibility')
      .where('ticket_id', '=', ticketId)
      .where('id', '=', photo.ticketAttachmentId)
      .executeTakeFirstOrThrow();
    expect(internal.visibility).toBe('internal');
    expect((await w.engineer.post(api(`/field/letters/${letterId}/difficulty-report`), { text: 'again' })).statusCode).toBe(409);
  });

  it('filed at 00:00 the next local day it is late; until then the letter is listed as missing (overdue from the next day)', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const { letterId } = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
    await expectStatus(await putRecord(w.engineer, letterId, recordBody({ solved: false })), 200);
    const dueToday = await expectStatus(await w.supervisor.get(api('/field/difficulty-reports/missing')), 200);
    expect(dueToday.items.find((i: Json) => i.letterId === letterId)).toMatchObject({
      dueOn: '2026-03-02',
      overdue: false,
      engineers: [expect.any(String)],
    });
    t.clock.set('2026-03-02T16:00:00Z'); // 00:00 on March 3rd in Shanghai
    const missing = await expectStatus(await w.supervisor.get(api('/field/difficulty-reports/missing')), 200);
    expect(missing.items.find((i: Json) => i.letterId === letterId)).toMatchObject({ overdue: true });
    expect((await w.engineer2.get(api('/field/difficulty-reports/missing'))).json().items.map((i: Json) => i.letterId)).not.toContain(
      letterId,
    );
    const filed = await expectStatus(
      await w.engineer.post(api(`/field/letters/${letterId}/difficulty-report`), { text: '无法现场解决' }),
      201,
    );
    expect(filed.difficultyReport).toMatchObject({ onTime: false, missing: false });
    const after = await expectStatus(await w.supervisor.get(api('/field/difficulty-reports/missing')), 200);
    expect(after.items.map((i: Json) => i.letterId)).not.toContain(letterId);
  });

  it('FS-6: a report is only for an unsolved record (422 FS-6); photos must be the letter’s own', async () => {
    t.clock.set('2026-03-04T02:00:00Z');
    const { letterId } = await onSiteLetterFixture(w, '2026-03-05T01:00:00Z');
    await expectStatus(await putRecord(w.engineer, letterId, recordBody({ solved: true })), 200);
    const res = await w.engineer.post(api(`/field/letters/${letterId}/difficulty-report`), { text: '报告' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.ruleId).toBe('FS-6');
    await expectStatus(await putRecord(w.engineer, letterId, recordBody({ solved: false, version: 1 })), 200);
    expect(
      (await w.engineer.post(api(`/field/letters/${letterId}/difficulty-report`), { text: '报告', photoIds: [2147483000] })).statusCode,
    ).toBe(422);
  });

  it('FS-6: with the policy’s sameDayReportWhenUnsolved off, an unsolved record needs no report', async () => {
    await publishFieldPolicy(t, w.admin, '2026-04-01', (fs) => {
      fs.sameDayReportWhenUnsolved = false;
    });
    const { letterId } = await onSiteLetterFixture(w, '2026-04-02T01:00:00Z');
    const v = await expectStatus(await putRecord(w.engineer, letterId, recordBody({ solved: false })), 200);
    expect(v.difficultyReport).toMatchObject({ required: false, missing: false });
    expect((await w.supervisor.get(api('/field/difficulty-reports/missing'))).json().items.map((i: Json) => i.letterId)).not.toContain(
      letterId,
    );
  });
});
