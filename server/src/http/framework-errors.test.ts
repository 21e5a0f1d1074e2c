import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../test/harness';

// Issue 18 item 9: the framework's own errors in the envelope {"error":{"code","message"}}, like every other.

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(async () => t.close());

function expectEnvelope(status: number, body: string, code: string) {
  const parsed = JSON.parse(body);
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(parsed.error).toMatchObject({ code, message: expect.any(String) });
  expect(body).not.toContain('FST_ERR');
  expect(status).toBeGreaterThanOrEqual(400);
}

/** Writes raw bytes and reads the whole answer (the server closes the connection after a parser error). */
function raw(text: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(head ?? '')?.[1]);
      if (!status) reject(new Error(`no answer: ${data}`));
      else resolve({ status, body: rest.join('\r\n\r\n') });
    });
  });
}

describe('framework errors', () => {
  it('answers a URL that does not decode with 400 in the envelope', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/tickets/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expectEnvelope(res.statusCode, res.body, 'malformed_request');
  });

  it('answers a path parameter over the length limit with 414 in the envelope', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/tickets/${'9'.repeat(500)}` });
    expect(res.statusCode).toBe(414);
    expectEnvelope(res.statusCode, res.body, 'uri_too_long');
  });

  it('answers oversized headers with 431 in the envelope', async () => {
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', path: '/api/v1/health', headers: { 'x-padding': 'a'.repeat(64 * 1024) } }, (r) => {
        let body = '';
        r.on('data', (d) => (body += d.toString()));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(431);
    expectEnvelope(res.status, res.body, 'headers_too_large');
  });

  it('answers a request that is not HTTP with 400 in the envelope', async () => {
    const res = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(res.status).toBe(400);
    expectEnvelope(res.status, res.body, 'malformed_request');
  });

  it('answers every unknown route with 404 in the envelope', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/no-such-thing'],
      ['POST', '/api/v1/no-such-thing'],
      ['DELETE', '/api/v1/tickets'],
      ['GET', '/api/nothing'],
      ['PUT', '/anything-else'],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        headers: { 'content-type': 'application/json' },
        payload: method === 'GET' ? undefined : '{}',
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expectEnvelope(res.statusCode, res.body, 'not_found');
    }
  });
});
