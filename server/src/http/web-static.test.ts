import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../test/harness';

let t: TestApp;
let root: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ts-web-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>TechServe</title>');
  t = await createTestApp({ webRoot: root });
});
afterAll(async () => t.close());

describe('serving the web app', () => {
  it('serves index.html for client-side routes and JSON 404 under /api', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<title>TechServe</title>');
    const page = await t.app.inject({ method: 'GET', url: '/users/42' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>TechServe</title>');
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
  });

  it('serves files added after start (a rebuilt web app needs no restart)', async () => {
    writeFileSync(join(root, 'app-123.js'), 'console.log(1)');
    const res = await t.app.inject({ method: 'GET', url: '/app-123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1)');
  });
});
