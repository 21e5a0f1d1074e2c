import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, api, createTestApp } from '../test/harness';

// Issue 18 item 7: browser security headers on the SPA and the API (the browser check is e2e/: every journey
// fails on a CSP violation).

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'ts-web-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>TechServe</title>');
  t = await createTestApp({ webRoot: root });
  admin = await t.login('admin');
});
afterAll(async () => t.close());

const directives = (csp: unknown) =>
  Object.fromEntries(
    String(csp)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );

function expectBrowserHeaders(headers: Record<string, unknown>, what: string) {
  const csp = directives(headers['content-security-policy']);
  expect(csp['frame-ancestors'], what).toEqual(["'none'"]);
  expect(csp['default-src'], what).toEqual(["'self'"]);
  expect(csp['script-src'], what).toEqual(["'self'"]);
  expect(csp['object-src'], what).toEqual(["'none'"]);
  expect(csp['upgrade-insecure-requests'], what).toBeUndefined();
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(headers['x-frame-options'], what).toBe('DENY');
}

describe('security headers', () => {
  it('are on the single-page app, its client routes and the API, errors included', async () => {
    for (const url of ['/', '/tickets/1', '/api/health', '/api/v1/nothing', '/api/v1/tickets/%E0%A4%A']) {
      expectBrowserHeaders((await t.app.inject({ method: 'GET', url })).headers, url);
    }
    expectBrowserHeaders((await admin.get(api('/auth/session'))).headers, 'signed in');
    expectBrowserHeaders((await t.anonymous().get(api('/tickets'))).headers, '401');
  });

  it('keep no authenticated API response in a cache', async () => {
    for (const url of ['/auth/session', '/tickets', '/users/1', '/no-such-route']) {
      const res = await admin.get(api(url));
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const login = await t.app.inject({ method: 'POST', url: api('/auth/login'), payload: { username: 'x', password: 'y' } });
    expect(login.headers['cache-control']).toBe('no-store');
  });

  it('let the API explorer run under its own policy, framed nowhere', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    const csp = directives(res.headers['content-security-policy']);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['script-src']).toContain("'self'");
  });
});
