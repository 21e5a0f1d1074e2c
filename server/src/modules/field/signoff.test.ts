import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { type FieldWorld, type Json, expectStatus, fieldWorld } from './letters.fixtures';
import { dataUrl, onSiteLetterFixture, recordBody, tinyPng } from './visits.fixtures';
import { loadConfig } from '../../config';
import { DEFAULT_COMPANY_NAME } from '../../http/deps';

// FS-8 customer sign-off on the engineer's device: immutable signature, rating on the request, PDF, mail. SQLite and PostgreSQL.

let t: TestApp;
let w: FieldWorld;
const api = (p: string) => `/api/v1${p}`;
const CONTACT_EMAIL = 'qian@hospital.example.cn';
const signature = tinyPng(16, 6);
const signedBody = (extra: Json = {}) => ({
  attitude: 'excellent',
  skill: 'good',
  result: 'excellent',
  comment: '工程师很专业',
  signerName: '钱主任',
  signature: dataUrl(signature),
  lat: 31.23,
  lng: 121.47,
  ...extra,
});

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPdftotext) console.warn('pdftotext (poppler-utils) is missing: the PDF text checks of the sign-off are skipped');

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ts-signoff-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function readyLetter() {
  const on = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
  await expectStatus(await w.engineer.put(api(`/field/letters/${on.letterId}/service-record`), recordBody()), 200);
  return on;
}
const nothingSaved = async (letterId: number) => {
  expect(await t.database.db.selectFrom('visit_signoffs').select('id').where('letter_id', '=', letterId).execute()).toHaveLength(0);
  expect(await t.database.db.selectFrom('visit_signatures').select('id').where('letter_id', '=', letterId).execute()).toHaveLength(0);
};

beforeAll(async () => {
  // FS-8: the PDF's header is the company's name as configured (TECHSERVE_COMPANY_NAME).
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 }, companyName: '华信医疗设备技术服务有限公司' });
  t.clock.set('2026-03-02T02:00:00Z');
  w = await fieldWorld(t, 'so');
  await expectStatus(
    await w.supervisor.post(api('/contacts'), {
      customerId: w.ids.customer,
      name: '钱主任',
      phone: '13800000001',
      email: CONTACT_EMAIL,
      position: '设备科主任',
      isPrimary: true,
    }),
    201,
  );
});
afterAll(async () => t.close());

describe('FS-8 sign-off', () => {
  it('FS-8: the company name of the PDF header comes from TECHSERVE_COMPANY_NAME (trimmed), the product name otherwise', () => {
    expect(loadConfig({ TECHSERVE_COMPANY_NAME: ' 华信医疗设备技术服务有限公司 ' }).companyName).toBe('华信医疗设备技术服务有限公司');
    expect(loadConfig({ TECHSERVE_COMPANY_NAME: '  ' }).companyName).toBeUndefined();
    expect(DEFAULT_COMPANY_NAME).toBe('TechServe 技术服务管理系统');
  });

  it('FS-8: needs the service record filled in first (422 FS-8), and only the letter’s engineers record it', async () => {
    const { letterId } = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
    const res = await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), signedBody());
    expect(res.statusCode).toBe(422);
    expect(res.json().error.ruleId).toBe('FS-8');
    await expectStatus(await w.engineer.put(api(`/field/letters/${letterId}/service-record`), recordBody()), 200);
    expect((await w.engineer2.post(api(`/field/letters/${letterId}/sign-off`), signedBody())).statusCode).toBe(404);
    expect((await w.supervisor.post(api(`/field/letters/${letterId}/sign-off`), signedBody())).statusCode).toBe(403);
    await nothingSaved(letterId);
  });

  it('FS-8: a signature that is not an image gets 415, not a data URL 422, a huge one 413 — with rule FS-8, nothing saved', async () => {
    const { letterId } = await readyLetter();
    const notImage = await w.engineer.post(
      api(`/field/letters/${letterId}/sign-off`),
      signedBody({ signature: dataUrl(Buffer.from('<svg onload=alert(1)>')) }),
    );
    expect(notImage.statusCode).toBe(415);
    expect(notImage.json().error).toMatchObject({ ruleId: 'FS-8', details: [{ path: 'body.signature' }] });
    const notDataUrl = await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), signedBody({ signature: 'hello' }));
    expect(notDataUrl.statusCode).toBe(422);
    expect(notDataUrl.json().error.ruleId).toBe('FS-8');
    const justOver = Buffer.concat([signature, Buffer.alloc(512 * 1024 + 1 - signature.length)]);
    const tooBig = await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), signedBody({ signature: dataUrl(justOver) }));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.ruleId).toBe('FS-8');
    const huge = await w.engineer.post(
      api(`/field/letters/${letterId}/sign-off`),
      signedBody({ signature: dataUrl(Buffer.alloc(2 * 1024 * 1024)) }),
    );
    expect(huge.statusCode).toBe(413);
    expect((await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), signedBody({ attitude: '优' }))).statusCode).toBe(400);
    await nothingSaved(letterId);
  });

  it('FS-8: stores the signature immutably, rates the request via the device, keeps the PDF on the letter and the request, and mails the contact', async () => {
    const { letterId, ticketId } = await readyLetter();
    const before = await expectStatus(await w.engineer.get(api(`/field/letters/${letterId}/visit`)), 200);
    expect(before.customerSigned).toBe(false);
    t.clock.set('2026-03-02T06:30:00Z');
    const v = await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), signedBody()), 201);
    expect(v.customerSigned).toBe(true);
    expect(v.signOff).toMatchObject({
      customerSigned: true,
      attitude: 'excellent',
      skill: 'good',
      result: 'excellent',
      signerName: '钱主任',
      recordedAt: '2026-03-02T06:30:00.000Z',
      ratingRecordedOnRequest: true,
    });
    expect(v.allowed).not.toContain('edit_record');
    expect(v.allowed).toContain('request_return');

    const sha = createHash('sha256').update(signature).digest('hex');
    const stored = await t.database.db
      .selectFrom('visit_signatures')
      .selectAll()
      .where('letter_id', '=', letterId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      signer_name: '钱主任',
      content_type: 'image/png',
      sha256: sha,
      recorded_by: w.ids.engineer,
      recorded_at: '2026-03-02T06:30:00.000Z',
      lat: 31.23,
      lng: 121.47,
    });
    expect(stored.ip).toBeTruthy();
    expect(v.signOff.signatureSha256).toBe(sha);
    const image = await w.engineer.get(v.signOff.signatureUrl);
    expect(image.rawPayload.equals(signature)).toBe(true);
    // Append-only at the database: neither the signature nor the sign-off can be changed or removed.
    await expect(
      t.database.db.updateTable('visit_signatures').set({ signer_name: '别人' }).where('id', '=', stored.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.database.db.deleteFrom('visit_signatures').where('id', '=', stored.id).execute()).rejects.toThrow(/append-only/);
    await expect(
      t.database.db.updateTable('visit_signoffs').set({ attitude: 'poor' }).where('letter_id', '=', letterId).execute(),
    ).rejects.toThrow(/append-only/);

    const ticket = await expectStatus(await w.supervisor.get(api(`/tickets/${ticketId}`)), 200);
    expect(ticket.rating).toMatchObject({
      attitude: 'excellent',
      skill: 'good',
      result: 'excellent',
      via: 'device',
      signedBy: '钱主任',
      hasSignature: true,
    });

    const pdfRow = await t.database.db
      .selectFrom('ticket_attachments')
      .select(['content_type', 'visibility'])
      .where('ticket_id', '=', ticketId)
      .where('content_type', '=', 'application/pdf')
      .execute();
    expect(pdfRow).toEqual([{ content_type: 'application/pdf', visibility: 'public' }]);
    const pdf = await w.supervisor.get(api(`/field/letters/${letterId}/service-record.pdf`));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (hasPdftotext) {
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('华信医疗设备技术服务有限公司');
      expect(text).not.toContain('TechServe 技术服务管理系统');
      expect(text).toContain('so-市第一医院');
      expect(text).toContain('优');
      expect(text).toContain('钱主任');
      expect(text).not.toContain('UNSIGNED');
    }
    expect((await w.engineer2.get(api(`/field/letters/${letterId}/service-record.pdf`))).statusCode).toBe(404);

    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', CONTACT_EMAIL)
      .where('subject', 'like', '服务记录%')
      .execute();
    // The service record mail, once (the appointment confirmations of FS-5b are separate mails).
    expect(mail).toHaveLength(1);
    expect(mail[0].text_body).toContain('上门服务已完成');
    expect(mail[0].subject).toContain(`ZR-`);
    expect(mail[0].text_body).toContain('/api/v1/attachments/');
    const files = await t.database.db
      .selectFrom('mail_attachments')
      .innerJoin('mail_outbox', 'mail_outbox.id', 'mail_attachments.mail_id')
      .select(['file_name', 'content_type', 'content_base64'])
      .where('to_address', '=', CONTACT_EMAIL)
      .execute();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ content_type: 'application/pdf', file_name: expect.stringMatching(/\.pdf$/) });
    expect(Buffer.from(files[0].content_base64, 'base64').equals(Buffer.from(pdf.rawPayload))).toBe(true); // the PDF mailed is the one kept

    const again = await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), signedBody());
    expect(again.statusCode).toBe(409);
    expect((await w.engineer.put(api(`/field/letters/${letterId}/service-record`), recordBody({ version: 1 }))).statusCode).toBe(409);
  });

  it('FS-8/AP-9: a record without the customer’s signature is marked unsigned in every read shape and in the PDF', async () => {
    const { letterId, ticketId } = await readyLetter();
    const live = await w.engineer.get(api(`/field/letters/${letterId}/service-record.pdf`));
    expect(live.statusCode).toBe(200);
    if (hasPdftotext) expect(pdfText(live.rawPayload)).toContain('UNSIGNED');

    const v = await expectStatus(
      await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), { unsignedReason: '客户负责人临时外出' }),
      201,
    );
    expect(v.customerSigned).toBe(false);
    expect(v.signOff).toMatchObject({
      customerSigned: false,
      unsignedReason: '客户负责人临时外出',
      signatureUrl: null,
      attitude: null,
      ratingRecordedOnRequest: false,
    });
    const jobs = await expectStatus(await w.engineer.get(api('/field/my-jobs')), 200);
    expect(jobs.items.find((j: Json) => j.letterId === letterId).customerSigned).toBe(false);
    const ticket = await expectStatus(await w.supervisor.get(api(`/tickets/${ticketId}`)), 200);
    expect(ticket.rating).toBeNull();
    if (hasPdftotext) {
      const text = pdfText((await w.supervisor.get(api(`/field/letters/${letterId}/service-record.pdf`))).rawPayload);
      expect(text).toContain('UNSIGNED');
      expect(text).toContain('客户负责人临时外出');
    }
  });

  it('FS-8/SR-9: the signed sign-off confirms the request with the signed rating; a second confirmation is refused (409)', async () => {
    const { letterId, ticketId } = await readyLetter();
    await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), signedBody()), 201);
    const cur = await expectStatus(await w.supervisor.get(api(`/tickets/${ticketId}`)), 200);
    expect(cur.state).toBe('confirmed');
    const again = await w.supervisor.post(api(`/tickets/${ticketId}/transitions`), {
      version: cur.version,
      action: 'confirm',
      rating: { attitude: 'poor', skill: 'poor', result: 'poor' },
      signedBy: '钱主任',
      signature: dataUrl(signature),
    });
    expect(again.statusCode).toBe(409);
    const ratings = await t.database.db.selectFrom('ticket_ratings').selectAll().where('ticket_id', '=', ticketId).execute();
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({ attitude: 'excellent', via: 'device' });
  });
});
