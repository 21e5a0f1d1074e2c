import { QueryClientProvider } from '@tanstack/react-query';
import type { TDataScope, TPermission, TSession } from '@techserve/core';
import { render } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { createQueryClient } from '../api/client';
import { SessionContext } from '../features/auth/SessionContext';

/** Test helper: shows where the app navigated to (the query string in data-search). */
function Elsewhere() {
  const location = useLocation();
  return (
    <div data-testid="elsewhere" data-search={location.search}>
      {location.pathname}
    </div>
  );
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
    mustChangePassword = false,
    twoFactor = { enabled: false, required: false },
  }: {
    path: string;
    url: string;
    permissions: TPermission[];
    scope?: TDataScope;
    userId?: number;
    mustChangePassword?: boolean;
    twoFactor?: { enabled: boolean; required: boolean };
  },
) {
  const session: TSession = {
    csrfToken: 'csrf',
    user: {
      id: userId,
      username: 'u',
      name: '测试用户',
      role: { id: 1, key: scope === 'company' ? 'customer_contact' : 'agent', name: 'r', scope },
      permissions,
      mustChangePassword,
      twoFactor,
      customerId: scope === 'company' ? 7 : null,
    },
  };
  const value = {
    session,
    login: async () => null,
    loginSecondStep: async () => {},
    logout: async () => {},
    refresh: async () => {},
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
