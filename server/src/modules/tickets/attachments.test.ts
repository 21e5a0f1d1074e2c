import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';
import { listAttachmentsForEntries } from './attachments.service';

const MAX_BYTES = 4096;
const api = (p: string) => `/api/v1${p}`;

let t: TestApp;
let dir: string;
let admin: Agent;
let agent: Agent;
let contact: Agent;
let otherContact: Agent;
let ticketId: number;
let otherTicketId: number;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body')]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(64, 0)]);

type Part = { name: string; value?: string; fileName?: string; contentType?: string; data?: Buffer };

/** A multipart/form-data body as a browser sends it (file names as raw UTF-8). */
function multipart(parts: Part[]) {
  const boundary = '----techserve-test-boundary';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.fileName !== undefined ? `; filename="${p.fileName}"` : ''}`;
    const type = p.fileName !== undefined ? `\r\nContent-Type: ${p.contentType ?? 'application/octet-stream'}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8'));
    chunks.push(p.data ?? Buffer.from(p.value ?? '', 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(as: Agent, id: number, file: { fileName: string; data: Buffer; contentType?: string }, visibility?: string) {
  const parts: Part[] = [];
  if (visibility !== undefined) parts.push({ name: 'visibility', value: visibility });
  parts.push({ name: 'file', ...file });
  const { body, headers } = multipart(parts);
  return as.request('POST', api(`/tickets/${id}/attachments`), body, headers);
}

let ticketSeq = 0;
/** A request row straight in the table (the tickets API is built separately); only the not-null columns. */
async function insertTicket(customerId: number, app: TestApp = t): Promise<number> {
  const now = app.clock.now().toISOString();
  const admin = await app.database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  const row = await app.database.db
    .insertInto('tickets')
    .values({
      number: `SR-20260302-${String(++ticketSeq).padStart(4, '0')}`,
      type: 'fault',
      channel: 'phone',
      title: '存储阵列告警',
      description: '控制器 A 报警',
      customer_id: customerId,
      urgency: 'medium',
      impact: 'singleUser',
      priority: 'P3',
      priority_explanation: '{}',
      eligibility: 'chargeable',
      eligibility_explanation: '{}',
      sla_level_id: 'standard',
      state: 'new',
      created_by: admin.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const counts = async () => ({
  entries: (await t.database.db.selectFrom('ticket_entries').select('id').execute()).length,
  attachments: (await t.database.db.selectFrom('ticket_attachments').select('id').execute()).length,
  files: readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ts-attach-test-'));
  t = await createTestApp({ attachmentsDir: dir, attachmentMaxBytes: MAX_BYTES });
  admin = await t.login('admin');
  const customer = (await admin.post(api('/customers'), { name: '上海市第一人民医院' })).json().id as number;
  const otherCustomer = (await admin.post(api('/customers'), { name: '苏州工业园区管委会' })).json().id as number;
  await createUser(admin, { username: 'agent1', roleKey: 'agent' });
  await createUser(admin, { username: 'contact1', roleKey: 'customer_contact', customerId: customer });
  await createUser(admin, { username: 'contact2', roleKey: 'customer_contact', customerId: otherCustomer });
  agent = await t.login('agent1', 'password-123');
  contact = await t.login('contact1', 'password-123');
  otherContact = await t.login('contact2', 'password-123');
  ticketId = await insertTicket(customer);
  otherTicketId = await insertTicket(otherCustomer);
});
afterAll(async () => {
  try {
    await t?.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('permissions and visibility', () => {
  it("answers 404 to a customer contact uploading to or downloading from another company's request", async () => {
    const own = await upload(admin, otherTicketId, { fileName: 'a.png', data: PNG });
    expect(own.statusCode).toBe(201);
    const before = await counts();
    const res = await upload(contact, otherTicketId, { fileName: 'b.png', data: PNG });
    expect(res.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
    expect((await contact.get(api(`/attachments/${own.json().id}`))).statusCode).toBe(404);
    expect((await otherContact.get(api(`/attachments/${own.json().id}`))).statusCode).toBe(200);
  });

  it("answers 404 to a customer contact for an internal attachment of its own company's request", async () => {
    const internal = await upload(admin, ticketId, { fileName: 'internal.png', data: PNG }, 'internal');
    expect(internal.statusCode).toBe(201);
    expect((await contact.get(api(`/attachments/${internal.json().id}`))).statusCode).toBe(404);
    expect((await admin.get(api(`/attachments/${internal.json().id}`))).statusCode).toBe(200);
    const entry = await t.database.db
      .selectFrom('ticket_entries')
      .select(['visibility'])
      .where('body', '=', 'internal.png')
      .executeTakeFirstOrThrow();
    expect(entry.visibility).toBe('internal');
  });

  it('answers 403 to a customer contact attaching an internal file, storing nothing', async () => {
    const before = await counts();
    const res = await upload(contact, ticketId, { fileName: 'x.png', data: PNG }, 'internal');
    expect(res.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('answers 403 to staff without tickets.work attaching an internal file', async () => {
    const res = await upload(agent, ticketId, { fileName: 'x.png', data: PNG }, 'internal');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('tickets.work');
  });

  it("lets a customer contact attach a public file to its own company's request and read it back", async () => {
    const res = await upload(contact, ticketId, { fileName: 'screen.png', data: PNG });
    expect(res.statusCode).toBe(201);
    const file = await contact.get(api(`/attachments/${res.json().id}`));
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);
  });
});

describe('upload and download', () => {
  it('stores a PNG by its magic bytes, links it to a timeline entry and serves the same bytes with a Chinese file name', async () => {
    const before = await counts();
    // The client's content type is not trusted: the bytes decide.
    const res = await upload(admin, ticketId, { fileName: '现场照片.png', data: PNG, contentType: 'text/html' });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toEqual({
      id: expect.any(Number),
      fileName: '现场照片.png',
      contentType: 'image/png',
      size: PNG.length,
      url: `/api/v1/attachments/${a.id}`,
    });
    expect(await counts()).toEqual({ entries: before.entries + 1, attachments: before.attachments + 1, files: before.files + 1 });

    const row = await t.database.db.selectFrom('ticket_attachments').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ ticket_id: ticketId, visibility: 'public', sha256: createHash('sha256').update(PNG).digest('hex') });
    expect(row.storage_key).toMatch(/^2026\/03\/[0-9a-f]{32}$/);
    const entry = await t.database.db
      .selectFrom('ticket_entries')
      .selectAll()
      .where('id', '=', row.entry_id as number)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ ticket_id: ticketId, kind: 'attachment', visibility: 'public', body: '现场照片.png' });
    expect(JSON.parse(entry.data as string)).toEqual({ attachmentId: a.id, fileName: '现场照片.png', size: PNG.length });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'ticket_attachment')
      .where('entity_id', '=', String(a.id))
      .execute();
    expect(audit.map((x) => x.action)).toEqual(['create']);

    const file = await admin.get(a.url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="____.png"; filename*=UTF-8''${encodeURIComponent('现场照片.png')}`,
    );
  });

  it('answers 415 to an executable renamed .png, storing nothing', async () => {
    const before = await counts();
    const res = await upload(admin, ticketId, { fileName: 'photo.png', data: ELF, contentType: 'image/png' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('photo.png') });
    const exe = await upload(admin, ticketId, { fileName: 'setup.png', data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 1)]) });
    expect(exe.statusCode).toBe(415);
    expect(await counts()).toEqual(before);
  });

  it('answers 413 to a file over the limit, storing nothing (no entry, no row, no file)', async () => {
    const before = await counts();
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES, 7)]);
    const res = await upload(admin, ticketId, { fileName: 'big.png', data: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('limit') });
    expect(await counts()).toEqual(before);
  });

  it('accepts a file of exactly the limit', async () => {
    const exact = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES - PNG.length, 7)]);
    expect((await upload(admin, ticketId, { fileName: 'exact.png', data: exact })).statusCode).toBe(201);
  });

  it('accepts UTF-8 text as .csv and refuses binary bytes named .txt', async () => {
    const csv = await upload(admin, ticketId, { fileName: '备件清单.csv', data: Buffer.from('备件,数量\n硬盘,2\n', 'utf8') });
    expect(csv.statusCode).toBe(201);
    expect(csv.json().contentType).toBe('text/csv; charset=utf-8');
    expect((await upload(admin, ticketId, { fileName: 'notes.txt', data: Buffer.from([0x00, 0xff, 0xfe, 0x01]) })).statusCode).toBe(415);
  });

  it('answers 400 without a file part, with an unknown visibility, or with an unknown field', async () => {
    const before = await counts();
    const noFile = multipart([{ name: 'visibility', value: 'public' }]);
    const a = await admin.request('POST', api(`/tickets/${ticketId}/attachments`), noFile.body, noFile.headers);
    expect(a.statusCode).toBe(400);
    expect(a.json().error.details).toEqual([{ path: 'body.file', message: 'required' }]);
    const b = await upload(admin, ticketId, { fileName: 'a.png', data: PNG }, 'secret');
    expect(b.statusCode).toBe(400);
    expect(b.json().error.details[0].path).toBe('body.visibility');
    const extra = multipart([
      { name: 'colour', value: 'red' },
      { name: 'file', fileName: 'a.png', data: PNG },
    ]);
    const c = await admin.request('POST', api(`/tickets/${ticketId}/attachments`), extra.body, extra.headers);
    expect(c.statusCode).toBe(400);
    expect(c.json().error.details).toEqual([{ path: 'body.colour', message: 'unknown field' }]);
    expect(await counts()).toEqual(before);
  });

  it('answers 415 to a JSON body and 404 to an unknown request', async () => {
    expect((await admin.post(api(`/tickets/${ticketId}/attachments`), { file: 'x' })).statusCode).toBe(415);
    expect((await upload(admin, 999_999, { fileName: 'a.png', data: PNG })).statusCode).toBe(404);
    expect((await admin.get(api('/attachments/999999'))).statusCode).toBe(404);
  });

  it('lists the attachments of timeline entries by entry id', async () => {
    const res = (await upload(admin, ticketId, { fileName: 'list.png', data: PNG })).json();
    const row = await t.database.db.selectFrom('ticket_attachments').select('entry_id').where('id', '=', res.id).executeTakeFirstOrThrow();
    const map = await listAttachmentsForEntries(t.database.db, [row.entry_id as number, 999_999]);
    expect([...map.keys()]).toEqual([row.entry_id]);
    expect(map.get(row.entry_id as number)).toEqual([res]);
    expect((await listAttachmentsForEntries(t.database.db, [])).size).toBe(0);
  });
});

describe('the default limit', () => {
  it('accepts a 2 MB photo under the default 10 MB limit, beyond the 1 MB limit of JSON bodies', async () => {
    const app = await createTestApp();
    try {
      const root = await app.login('admin');
      const customer = (await root.post(api('/customers'), { name: '默认限制医院' })).json().id as number;
      const id = await insertTicket(customer, app);
      const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2 * 1024 * 1024, 3)]);
      const res = await upload(root, id, { fileName: 'IMG_0001.jpg', data: photo });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ contentType: 'image/jpeg', size: photo.length });
      expect((await root.get(res.json().url)).rawPayload.equals(photo)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
