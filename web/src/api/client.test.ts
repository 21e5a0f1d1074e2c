import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, onUnauthorized, setCsrfToken } from './client';

function mockFetch(status: number, body: unknown) {
  const fn = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('api client', () => {
  it('sends the CSRF token and JSON content type on a write', async () => {
    setCsrfToken('tok-123');
    const fetchMock = mockFetch(200, { ok: true });
    await api('/users/1', { method: 'PATCH', body: { version: 1, name: 'A' } });
    const [url, init] = fetchMock.mock.calls[0];
    const headers = init?.headers as Record<string, string>;
    expect(url).toBe('/api/v1/users/1');
    expect(headers['X-CSRF-Token']).toBe('tok-123');
    expect(headers['content-type']).toBe('application/json');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe(JSON.stringify({ version: 1, name: 'A' }));
  });

  it('does not send a body or CSRF header on a GET and drops empty query values', async () => {
    setCsrfToken('tok-123');
    const fetchMock = mockFetch(200, { items: [], nextCursor: null });
    await api('/users', { query: { q: 'liu', cursor: undefined, status: '' } });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/users?q=liu');
    expect((init?.headers as Record<string, string> | undefined)?.['X-CSRF-Token']).toBeUndefined();
    expect(init?.body).toBeUndefined();
  });

  it('turns an error body into an ApiError with status, code and details', async () => {
    mockFetch(422, {
      error: { code: 'validation_failed', message: 'Bad input', details: [{ path: 'body.name', message: 'required' }] },
    });
    const error = await api('/users', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'validation_failed',
      message: 'Bad input',
      details: [{ path: 'body.name', message: 'required' }],
    });
  });

  it('tells listeners about a 401', async () => {
    mockFetch(401, { error: { code: 'unauthenticated', message: 'Sign in' } });
    const listener = vi.fn();
    const off = onUnauthorized(listener);
    await expect(api('/auth/session')).rejects.toBeInstanceOf(ApiError);
    off();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('sends extra headers and a FormData body as multipart (no JSON content type), with the CSRF token', async () => {
    setCsrfToken('tok-9');
    const fetchMock = mockFetch(201, { id: 1 });
    const form = new FormData();
    form.append('visibility', 'internal');
    await api('/tickets/1/attachments', { method: 'POST', body: form, headers: { 'Idempotency-Key': 'k-1' } });
    const [, init] = fetchMock.mock.calls[0];
    const headers = init?.headers as Record<string, string>;
    expect(init?.body).toBe(form);
    expect(headers['content-type']).toBeUndefined();
    expect(headers['X-CSRF-Token']).toBe('tok-9');
    expect(headers['Idempotency-Key']).toBe('k-1');
  });
});
