import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
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

  // Issue 12 item 18: the build's brotli and gzip copies are sent to a browser that accepts them, with the original's
  // type and caching, and the original to one that does not.
  it('sends the pre-compressed copy the browser accepts, the original otherwise', async () => {
    const script = `console.log(${JSON.stringify('服务请求 '.repeat(300))})`;
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'assets', 'route-Ck3m_a9Z.js'), script);
    writeFileSync(join(root, 'assets', 'route-Ck3m_a9Z.js.br'), brotliCompressSync(script));
    writeFileSync(join(root, 'assets', 'route-Ck3m_a9Z.js.gz'), gzipSync(script));
    const url = '/assets/route-Ck3m_a9Z.js';

    const br = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('sends index.html compressed when the build compressed it, still never cached', async () => {
    const html = `<!doctype html><title>TechServe</title>${'<!-- 技术服务 -->'.repeat(200)}`;
    const dir = mkdtempSync(join(tmpdir(), 'ts-web-br-'));
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'index.html.br'), brotliCompressSync(html));
    const app = await createTestApp({ webRoot: dir });
    try {
      for (const url of ['/', '/tickets/7']) {
        const res = await app.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-encoding'], url).toBe('br');
        expect(res.headers['cache-control'], url).toBe('no-cache');
        expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(html);
      }
    } finally {
      await app.close();
    }
  });
});
