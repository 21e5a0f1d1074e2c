import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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

  // Issue 18 item 8: the static plugin's max-age=3600 used to override index.html's no-cache.
  it('never lets a browser keep index.html, on any path that serves it', async () => {
    for (const url of ['/', '/users/42', '/index.html']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers.etag, url).toBeTruthy();
    }
  });

  it('marks hashed build assets immutable and answers a missing one 404, not index.html', async () => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'assets', 'index-B4x_9kQz.js'), 'console.log(2)');
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index-B4x_9kQz.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await t.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
    const gone = await t.app.inject({ method: 'GET', url: '/assets/index-Old12345.js' });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('not_found');
  });
});
