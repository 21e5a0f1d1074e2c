import { PORTAL_PERMISSIONS } from '@techserve/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../test/harness';

// Sends bad requests to every route the app registers: each gets its 4xx with the error format and changes nothing.

let t: TestApp;
let admin: Agent;
let contact: Agent;
let nobody: Agent;
let auditCount: () => Promise<number>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  await createUser(admin, { username: 'contact', roleKey: 'customer_contact' });
  contact = await t.login('contact', 'password-123');
  const role = await admin.post('/api/v1/roles', { key: 'nothing', name: '无权限', scope: 'own', permissions: [] });
  if (role.statusCode !== 201) throw new Error(role.body);
  await createUser(admin, { username: 'nobody', roleKey: 'nothing' });
  nobody = await t.login('nobody', 'password-123');
  auditCount = async () => (await t.database.db.selectFrom('audit_log').select('id').execute()).length;
});
afterAll(async () => t.close());

const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, '1');
const apiRoutes = () => t.app.routeList.filter((r) => r.url.startsWith('/api/v1/'));
const hasBody = (m: string) => ['POST', 'PATCH', 'PUT'].includes(m);

function expectErrorShape(body: string) {
  const parsed = JSON.parse(body);
  expect(parsed.error.code).toEqual(expect.any(String));
  expect(parsed.error.message).toEqual(expect.any(String));
  expect(body).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
}

describe('every route', () => {
  it('is listed in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const missing = t.app.routeList
      .filter((r) => !r.hidden && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
    expect(apiRoutes().length).toBeGreaterThan(30);
  });

  it('answers 401 without credentials, unless public', async () => {
    const before = await auditCount();
    for (const r of apiRoutes().filter((x) => !x.public)) {
      const res = await t.app.inject({ method: r.method as 'GET', url: concrete(r.url), payload: hasBody(r.method) ? {} : undefined });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expectErrorShape(res.body);
    }
    expect(await auditCount()).toBe(before);
  });

  it('answers 403 to a role without the permission', async () => {
    const before = await auditCount();
    for (const r of apiRoutes().filter((x) => x.permission)) {
      const res = await nobody.request(r.method as 'GET', concrete(r.url), hasBody(r.method) ? {} : undefined);
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expectErrorShape(res.body);
    }
    expect(await auditCount()).toBe(before);
  });

  it('answers 403 to a customer contact on every route outside the portal’s permissions', async () => {
    const before = await auditCount();
    for (const r of apiRoutes().filter((x) => x.permission && !(PORTAL_PERMISSIONS as string[]).includes(x.permission))) {
      const res = await contact.request(r.method as 'GET', concrete(r.url), hasBody(r.method) ? {} : undefined);
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
    expect(await auditCount()).toBe(before);
  });

  it('answers 400 to malformed JSON and to unknown fields', async () => {
    const before = await auditCount();
    for (const r of apiRoutes().filter((x) => x.hasBody && !x.public)) {
      const malformed = await admin.request(r.method as 'POST', concrete(r.url), '{"broken":', { 'content-type': 'application/json' });
      expect(malformed.statusCode, `${r.method} ${r.url}`).toBe(400);
      expectErrorShape(malformed.body);
      const unknown = await admin.request(r.method as 'POST', concrete(r.url), { version: 1, surprise: true });
      expect([400, 404], `${r.method} ${r.url}`).toContain(unknown.statusCode);
      expectErrorShape(unknown.body);
    }
    expect(await auditCount()).toBe(before);
  });

  it('names each unknown field in the details', async () => {
    const res = await admin.post('/api/v1/regions', { name: 'x', colour: 'red' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body.colour', message: 'unknown field' }]);
  });

  it('answers 400 with the field at fault for wrong types', async () => {
    const res = await admin.post('/api/v1/users', { username: 123, password: 'password-123', name: 'x', roleId: 'six' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.username', 'body.roleId']));
  });

  it('answers 413 to an oversize body', async () => {
    const res = await admin.post('/api/v1/regions', { name: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expectErrorShape(res.body);
  });

  it('answers 404 in the error format for unknown routes and ids', async () => {
    const route = await admin.get('/api/v1/nothing-here');
    expect(route.statusCode).toBe(404);
    expectErrorShape(route.body);
    const id = await admin.get('/api/v1/users/99999');
    expect(id.statusCode).toBe(404);
    expect((await admin.get('/api/v1/users/abc')).statusCode).toBe(400);
  });

  it('answers 4xx, never 500, to ids beyond 32 bits on every route with an id', async () => {
    for (const r of apiRoutes().filter((x) => x.url.includes(':id') && !x.public)) {
      const res = await admin.request(r.method as 'GET', r.url.replace(/:[a-zA-Z]+/g, '99999999999'), hasBody(r.method) ? {} : undefined);
      expect(res.statusCode, `${r.method} ${r.url}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${r.method} ${r.url}`).toBeLessThan(500);
    }
    const body = await admin.post('/api/v1/tickets', {
      customerId: 99_999_999_999,
      title: 't',
      description: 'd',
      urgency: 'high',
      impact: 'single',
    });
    expect(body.statusCode).toBe(400);
  });

  it('refuses NUL characters in bodies and query strings with 400 and saves nothing', async () => {
    const before = await auditCount();
    const res = await admin.post('/api/v1/regions', { name: 'a\u0000b' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/NUL/);
    expect((await admin.get('/api/v1/customers?q=a%00b')).statusCode).toBe(400);
    expect((await admin.post('/api/v1/regions', { name: 'a\\u0000b' })).statusCode).toBe(201); // an escaped backslash is fine
    expect(await auditCount()).toBe(before + 1);
  });

  it('reports the database in use on /api/health', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', database: t.database.dialect });
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response for a retry and refuses the key with a different body', async () => {
    const first = await admin.post('/api/v1/regions', { name: '西北' }, { 'idempotency-key': 'k-1' });
    const retry = await admin.post('/api/v1/regions', { name: '西北' }, { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const other = await admin.post('/api/v1/regions', { name: '东北' }, { 'idempotency-key': 'k-1' });
    expect(other.statusCode).toBe(409);
    const rows = await t.database.db.selectFrom('regions').select('name').where('name', 'in', ['西北', '东北']).execute();
    expect(rows).toHaveLength(1);
  });

  it('creates once when two retries with the same key arrive together', async () => {
    const [a, b] = await Promise.all([
      admin.post('/api/v1/regions', { name: '并发' }, { 'idempotency-key': 'k-race' }),
      admin.post('/api/v1/regions', { name: '并发' }, { 'idempotency-key': 'k-race' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual(expect.arrayContaining([201]));
    expect([a.statusCode, b.statusCode].every((c) => c === 201 || c === 409)).toBe(true);
    const rows = await t.database.db.selectFrom('regions').select('id').where('name', '=', '并发').execute();
    expect(rows).toHaveLength(1);
  });

  it('releases the key when the request fails, so a corrected retry can use it', async () => {
    const bad = await admin.post('/api/v1/teams', { name: 'T', departmentId: 9999 }, { 'idempotency-key': 'k-fail' });
    expect(bad.statusCode).toBe(422);
    const dept = (await admin.post('/api/v1/departments', { name: '部门' })).json();
    const good = await admin.post('/api/v1/teams', { name: 'T', departmentId: 9999 }, { 'idempotency-key': 'k-fail' });
    expect(good.statusCode).toBe(422); // same body, still failing, key still free
    const fixed = await admin.post('/api/v1/teams', { name: 'T', departmentId: dept.id }, { 'idempotency-key': 'k-fail' });
    expect(fixed.statusCode).toBe(201);
  });
});
