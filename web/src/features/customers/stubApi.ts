import { vi } from 'vitest';

type TAnswer = { status?: number; body: unknown };
/** `'GET /customers/7/file'` → the answer (or a function of the request body giving it). */
export type TApiRoutes = Record<string, TAnswer | ((body: unknown) => TAnswer)>;

/** Test helper: stubs fetch with answers per `METHOD /path` (under /api/v1, query ignored); others get 404. */
export function stubApi(routes: TApiRoutes) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = String(url)
      .replace(/^\/api\/v1/, '')
      .replace(/\?.*$/, '');
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const route = routes[`${method} ${path}`];
    const answer =
      typeof route === 'function'
        ? route(body)
        : (route ?? { status: 404, body: { error: { code: 'not_found', message: `${method} ${path}` } } });
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
  });
  vi.stubGlobal('fetch', fetchMock);
  /** The parsed bodies sent with `METHOD /path`. */
  const sent = (key: string) =>
    fetchMock.mock.calls
      .filter(
        ([url, init]) =>
          `${init?.method ?? 'GET'} ${String(url)
            .replace(/^\/api\/v1/, '')
            .replace(/\?.*$/, '')}` === key,
      )
      .map(([, init]) => JSON.parse(String(init?.body)) as Record<string, unknown>);
  return { fetchMock, sent };
}
