import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app';
import { ensureAdmin, ensureRoles } from '../bootstrap';
import { type Database, openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import type { App } from '../http/app-types';
import type { Clock } from '../http/clock';
import type { AppDeps } from '../http/deps';
import { type PasswordCost, hashPassword } from '../modules/auth/password';
import { ensureDefaultPolicy } from '../modules/policy/policy.service';
import { ensureDefaultCalendar } from '../modules/calendars/calendars.service';

export const TEST_DB = (process.env.TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';
export const ADMIN_PASSWORD = 'admin-password-1';
/** A password that passes ACC-1 (issue 18 item 3), for accounts created through the API in tests. */
export const HARNESS_STRONG_PASSWORD = 'Kestrel-harbour-lantern-9';
/** Still argon2id, just cheap enough for hundreds of logins in a test run. */
export const TEST_PASSWORD_COST: PasswordCost = { memoryCost: 1024, timeCost: 1 };

/** A clock tests move by hand. */
export class TestClock implements Clock {
  constructor(private ms = Date.parse('2026-03-02T01:00:00.000Z')) {}
  now = () => new Date(this.ms);
  set(iso: string) {
    this.ms = Date.parse(iso);
  }
  advance(minutes: number) {
    this.ms += minutes * 60_000;
  }
}

/** A fresh, migrated database: in-memory SQLite, or a new PostgreSQL database created for this test file. */
export async function freshDatabase(): Promise<Database & { drop: () => Promise<void> }> {
  if (TEST_DB === 'sqlite') {
    const database = openDatabase('sqlite::memory:');
    await migrateToLatest(database);
    return { ...database, drop: database.close };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `ts_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString());
  await migrateToLatest(database);
  return {
    ...database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const harnessOf = new WeakMap<App, { database: Database; cost: PasswordCost }>();

export type TestApp = {
  app: App;
  database: Database;
  clock: TestClock;
  /** Sign in and get an agent that carries the cookie and CSRF token. */
  login: (username: string, password?: string) => Promise<Agent>;
  /** An unauthenticated agent. */
  anonymous: () => Agent;
  close: () => Promise<void>;
};

export async function createTestApp(overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const clock = new TestClock();
  await ensureRoles(database.db, clock);
  await ensureDefaultPolicy(database.db, clock);
  await ensureDefaultCalendar(database.db, clock);
  await ensureAdmin(database.db, clock, TEST_PASSWORD_COST, { password: ADMIN_PASSWORD });
  // Attachments go to a fresh temporary directory unless the test names one (and then cleans it up itself).
  const ownDir = overrides.attachmentsDir ? null : mkdtempSync(join(tmpdir(), 'ts-attachments-'));
  const app = await buildApp({
    database,
    clock,
    passwordCost: TEST_PASSWORD_COST,
    logger: false,
    attachmentsDir: ownDir ?? undefined,
    ...overrides,
  });
  await app.ready();
  harnessOf.set(app, { database, cost: overrides.passwordCost ?? TEST_PASSWORD_COST });
  let ipCounter = 1;
  return {
    app,
    database,
    clock,
    anonymous: () => new Agent(app, null, null),
    login: async (username, password = ADMIN_PASSWORD) => {
      // Each login comes from its own address so the per-IP login limiter does not interfere with other tests.
      const ip = `10.0.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'ts_session');
      return new Agent(app, cookie?.value ?? null, res.json().csrfToken);
    },
    close: async () => {
      await app.close();
      await database.drop();
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export class Agent {
  constructor(
    readonly app: App,
    readonly cookie: string | null,
    readonly csrf: string | null,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  withHeaders(h: Record<string, string>) {
    return new Agent(this.app, this.cookie, this.csrf, { ...this.extraHeaders, ...h });
  }

  request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      ...(body !== undefined && { payload: body as object }),
      headers: {
        ...(this.csrf && method !== 'GET' && { 'x-csrf-token': this.csrf }),
        ...this.extraHeaders,
        ...headers,
      },
      ...(this.cookie && { cookies: { ts_session: this.cookie } }),
    });
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

/** Create a user through the API as `by` and return its id. */
export async function createUser(
  by: Agent,
  fields: { username: string; roleKey: string; password?: string; keepOneTimePassword?: boolean } & Record<string, unknown>,
) {
  const roles = (await by.get('/api/v1/roles')).json().items as { id: number; key: string }[];
  const role = roles.find((r) => r.key === fields.roleKey);
  if (!role) throw new Error(`no role ${fields.roleKey}`);
  const { roleKey: _k, keepOneTimePassword: _o, ...rest } = fields;
  // Created with a password that passes ACC-1, then given the one the test signs in with (default 'password-123'):
  // the test stands for a user who chose their own password (issue 18 items 1 and 3).
  const { password = 'password-123', ...others } = rest;
  const res = await by.post('/api/v1/users', { name: fields.username, password: HARNESS_STRONG_PASSWORD, roleId: role.id, ...others });
  if (res.statusCode !== 201) throw new Error(`create user ${fields.username}: ${res.statusCode} ${res.body}`);
  const id = res.json().id as number;
  const harness = harnessOf.get(by.app);
  if (!harness) throw new Error('createUser needs an agent of createTestApp');
  const stored = { password_hash: await hashPassword(String(password), harness.cost) };
  // The password an administrator sets is one-time (issue 18 item 1); tests stand for a user who already chose theirs.
  const flags = fields.keepOneTimePassword ? {} : { must_change_password: 0 };
  await harness.database.db
    .updateTable('users')
    .set({ ...stored, ...flags })
    .where('id', '=', id)
    .execute();
  return id;
}

/** An API path under /api/v1. */
export const api = (path: string) => `/api/v1${path}`;

/** A JSON response body as tests read it. */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses

/** The body of a response that must have this status (201 unless said); otherwise the test fails showing the body. */
export async function expectStatus(res: { statusCode: number; body: string; json: () => unknown }, status = 201): Promise<Json> {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json() as Json;
}
