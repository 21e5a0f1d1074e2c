import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app';
import { ensureAdmin, ensureRoles } from '../bootstrap';
import { runCli } from '../cli';
import { type Database, openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import type { App } from '../http/app-types';
import { ensureDefaultCalendar } from '../modules/calendars/calendars.service';
import { ensureDefaultPolicy } from '../modules/policy/policy.service';
import { ADMIN_PASSWORD, TEST_DB, TEST_PASSWORD_COST, TestClock } from '../test/harness';
import { MANIFEST, type Manifest } from './backup';
import { readTar } from './tar';

// Issue 18 item 10: `techserve backup` keeps the files with the database. A restore into an empty folder (and an
// empty database) serves byte-identical downloads; a damaged archive, or a folder holding another file
// under a stored name, restores nothing.

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(300_000)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(5000), Buffer.from('\n%%EOF\n')]);

let work: string;
const lines: string[] = [];
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ts-backup-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeEach(() => {
  lines.length = 0;
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** The app as `techserve serve` builds it, on this database and files folder; returns it with an admin session. */
async function serveOn(database: Database, filesDir: string) {
  const clock = new TestClock();
  await migrateToLatest(database);
  await ensureRoles(database.db, clock);
  await ensureDefaultPolicy(database.db, clock);
  await ensureDefaultCalendar(database.db, clock);
  await ensureAdmin(database.db, clock, TEST_PASSWORD_COST, { password: ADMIN_PASSWORD });
  const app: App = await buildApp({ database, clock, passwordCost: TEST_PASSWORD_COST, attachmentsDir: filesDir });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: ADMIN_PASSWORD } });
  const cookies = { ts_session: login.cookies.find((c) => c.name === 'ts_session')?.value ?? '' };
  const csrf = login.json().csrfToken as string;
  const send = (method: 'GET' | 'POST', url: string, payload?: object | Buffer, headers: Record<string, string> = {}) =>
    app.inject({ method, url: `/api/v1${url}`, cookies, payload, headers: { 'x-csrf-token': csrf, ...headers } });
  return { app, send };
}

function multipart(fileName: string, data: Buffer) {
  const b = '----backup-test';
  const body = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

/** A request with two attachments; the ids and bytes of what a user downloads. */
async function withAttachments(send: Awaited<ReturnType<typeof serveOn>>['send']) {
  const customer = await send('POST', '/customers', { name: '备份测试医院' });
  const ticket = await send('POST', '/tickets', {
    customerId: customer.json().id,
    title: '阵列告警',
    description: '控制器 A 报警',
    urgency: 'medium',
    impact: 'singleUser',
  });
  expect(ticket.statusCode, ticket.body).toBe(201);
  const ids: number[] = [];
  for (const [name, data] of [
    ['现场照片.png', PNG],
    ['服务报告.pdf', PDF],
  ] as const) {
    const { body, headers } = multipart(name, data);
    const res = await send('POST', `/tickets/${ticket.json().id}/attachments`, body, headers);
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  return ids;
}

const download = async (send: Awaited<ReturnType<typeof serveOn>>['send'], id: number) => {
  const res = await send('GET', `/attachments/${id}`);
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
};

describe.runIf(TEST_DB === 'sqlite')('backup and restore on SQLite', () => {
  it('restores the database and the files into empty places, serving byte-identical downloads', async () => {
    const [dbA, filesA, dbB, filesB] = [join(work, 'a.db'), join(work, 'files-a'), join(work, 'b.db'), join(work, 'files-b')];
    const source = openDatabase(`sqlite:${dbA}`);
    const a = await serveOn(source, filesA);
    const ids = await withAttachments(a.send);
    const before = await Promise.all(ids.map((id) => download(a.send, id)));
    expect(before[0]?.equals(PNG)).toBe(true);

    // Online: the source app is still open while the backup runs.
    const archive = join(work, 'backup.tar');
    vi.stubEnv('DATABASE_URL', `sqlite:${dbA}`);
    vi.stubEnv('TECHSERVE_FILES_DIR', filesA);
    expect(await runCli(['backup', archive]), lines.join('\n')).toBe(0);
    await a.app.close();
    await source.close();

    const entries: Record<string, Buffer> = {};
    readTar(archive, (name, _size, read) => {
      const chunks: Buffer[] = [];
      read((c) => chunks.push(Buffer.from(c)));
      entries[name] = Buffer.concat(chunks);
    });
    const manifest = JSON.parse(entries[MANIFEST]?.toString() ?? '{}') as Manifest;
    expect(manifest.database.kind).toBe('sqlite');
    expect(manifest.files).toHaveLength(2);
    expect(Object.keys(entries).sort()).toEqual([MANIFEST, 'database.sqlite', ...manifest.files.map((f) => f.path)].sort());

    vi.stubEnv('DATABASE_URL', `sqlite:${dbB}`);
    vi.stubEnv('TECHSERVE_FILES_DIR', filesB);
    expect(await runCli(['restore', archive]), lines.join('\n')).toBe(0);
    const restored = openDatabase(`sqlite:${dbB}`);
    const b = await serveOn(restored, filesB);
    const after = await Promise.all(ids.map((id) => download(b.send, id)));
    expect(after.map((x) => x.toString('base64'))).toEqual(before.map((x) => x.toString('base64')));
    await b.app.close();
    await restored.close();

    // Again over the restored files: the same files are kept; a different file under a stored name is refused.
    expect(await runCli(['restore', archive])).toBe(0);
    writeFileSync(join(filesB, manifest.files[0]?.path.slice('files/'.length) ?? ''), 'changed');
    expect(await runCli(['restore', archive])).toBe(1);
    expect(lines.join('\n')).toMatch(/different files/);

    // A damaged archive: refused by its checksums, nothing restored.
    const damaged = join(work, 'damaged.tar');
    const bytes = readFileSync(archive);
    const at = bytes.indexOf(PDF.subarray(100, 140));
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    writeFileSync(damaged, bytes);
    vi.stubEnv('DATABASE_URL', `sqlite:${join(work, 'c.db')}`);
    vi.stubEnv('TECHSERVE_FILES_DIR', join(work, 'files-c'));
    expect(await runCli(['restore', damaged])).toBe(1);
    expect(lines.join('\n')).toMatch(/checksum/);
    expect(() => readdirSync(join(work, 'files-c'))).toThrow();
  });
});

describe.runIf(TEST_DB === 'postgres')('backup and restore on PostgreSQL', () => {
  const base = process.env.TEST_DATABASE_URL as string;
  const names = [`ts_backup_a_${randomBytes(4).toString('hex')}`, `ts_backup_b_${randomBytes(4).toString('hex')}`];
  const urlOf = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  beforeAll(async () => {
    for (const n of names) await admin(`CREATE DATABASE ${n}`);
  });
  afterAll(async () => {
    for (const n of names) await admin(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
  });

  it('archives the files, prints the exact pg_dump and pg_restore commands, and both together restore identical downloads', async () => {
    const [filesA, filesB] = [join(work, 'pg-files-a'), join(work, 'pg-files-b')];
    const source = openDatabase(urlOf(names[0] as string));
    const a = await serveOn(source, filesA);
    const ids = await withAttachments(a.send);
    const before = await Promise.all(ids.map((id) => download(a.send, id)));

    const archive = join(work, 'pg-backup.tar');
    vi.stubEnv('DATABASE_URL', urlOf(names[0] as string));
    vi.stubEnv('TECHSERVE_FILES_DIR', filesA);
    expect(await runCli(['backup', archive]), lines.join('\n')).toBe(0);
    const dump = lines.map((l) => /^\s+(pg_dump .*)$/m.exec(l)?.[1]).find(Boolean);
    expect(dump).toBeTruthy();
    execSync(dump as string, { stdio: 'pipe' });
    await a.app.close();
    await source.close();

    vi.stubEnv('DATABASE_URL', urlOf(names[1] as string));
    vi.stubEnv('TECHSERVE_FILES_DIR', filesB);
    expect(await runCli(['restore', archive]), lines.join('\n')).toBe(0);
    const restore = lines.map((l) => /^\s+(pg_restore .*)$/m.exec(l)?.[1]).find(Boolean);
    expect(restore).toContain(names[1]);
    execSync(restore as string, { stdio: 'pipe' });

    const restored = openDatabase(urlOf(names[1] as string));
    const b = await serveOn(restored, filesB);
    const after = await Promise.all(ids.map((id) => download(b.send, id)));
    expect(after.map((x) => x.toString('base64'))).toEqual(before.map((x) => x.toString('base64')));
    await b.app.close();
    await restored.close();
  });
});
