import { vi } from 'vitest';

type TAnswer = { status?: number; body: unknown };
export type TRoutes = Record<string, TAnswer | ((body: unknown) => TAnswer)>;
export type TSent = { key: string; body: unknown; headers: Record<string, string> };

/** Test helper: stubs fetch with answers per `METHOD /path` (under /api/v1, query ignored); others get 404. Records what was sent. */
export function stubFetch(routes: TRoutes) {
  const sent: TSent[] = [];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const key = `${method} ${String(url)
      .replace(/^\/api\/v1/, '')
      .replace(/\?.*$/, '')}`;
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    sent.push({ key, body, headers: (init?.headers ?? {}) as Record<string, string> });
    const route = routes[key];
    const answer =
      typeof route === 'function' ? route(body) : (route ?? { status: 404, body: { error: { code: 'not_found', message: key } } });
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
  });
  vi.stubGlobal('fetch', fetchMock);
  const calls = (key: string) => sent.filter((call) => call.key === key);
  /** The calls of `METHOD /path`, all of them, and the parsed bodies of that key's calls. */
  return { sent: calls, all: sent, bodies: (key: string) => calls(key).map((call) => call.body), fetchMock };
}
