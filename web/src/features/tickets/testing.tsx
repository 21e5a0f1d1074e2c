import { QueryClientProvider } from '@tanstack/react-query';
import type { TDataScope, TPermission, TSession } from '@techserve/core';
import { render } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { vi } from 'vitest';
import { createQueryClient } from '../../api/client';
import { SessionContext } from '../auth/SessionContext';

/** Test helper: shows where the app navigated to. */
function Elsewhere() {
  const location = useLocation();
  return <div data-testid="elsewhere">{location.pathname}</div>;
}

/** Test helper: renders `element` at `url` (matched by `path`) for user `userId` with `permissions` and data `scope`. */
export function renderAs(
  element: ReactElement,
  {
    path,
    url,
    permissions,
    scope = 'all',
    userId = 1,
  }: { path: string; url: string; permissions: TPermission[]; scope?: TDataScope; userId?: number },
) {
  const session: TSession = {
    csrfToken: 'csrf',
    user: {
      id: userId,
      username: 'u',
      name: '测试用户',
      role: { id: 1, key: scope === 'company' ? 'customer_contact' : 'agent', name: 'r', scope },
      permissions,
      mustChangePassword: false,
      customerId: scope === 'company' ? 7 : null,
    },
  };
  const value = {
    session,
    login: async () => {},
    logout: async () => {},
    can: (permission: TPermission) => permissions.includes(permission),
  };
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <SessionContext.Provider value={value}>
        <App>
          <MemoryRouter initialEntries={[url]}>
            <Routes>
              <Route path={path} element={element} />
              <Route path="*" element={<Elsewhere />} />
            </Routes>
          </MemoryRouter>
        </App>
      </SessionContext.Provider>
    </QueryClientProvider>,
  );
}

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
  return { sent: (key: string) => sent.filter((call) => call.key === key), all: sent };
}

/** The viewport as antd's breakpoints see it — `(min-width: …)` / `(max-width: …)` media queries answered for `width`. */
export function viewportWidth(width: number) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    configurable: true,
    value: (query: string) => {
      const min = /min-width:\s*([\d.]+)px/.exec(query);
      const max = /max-width:\s*([\d.]+)px/.exec(query);
      const matches = (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
      return {
        matches,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      };
    },
  });
}
