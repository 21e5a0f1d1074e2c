import { QueryClientProvider } from '@tanstack/react-query';
import type { TPermission } from '@techserve/core';
import { render } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createQueryClient } from '../../api/client';
import { SessionContext } from '../auth/SessionContext';

/** Test helper: renders `element` at `url` (matched by `path`) for a user holding `permissions`. */
export function renderWithSession(
  element: ReactElement,
  { path, url, permissions }: { path: string; url: string; permissions: TPermission[] },
) {
  const session = {
    session: undefined,
    login: async () => {},
    logout: async () => {},
    can: (permission: TPermission) => permissions.includes(permission),
  };
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <SessionContext.Provider value={session}>
        <App>
          <MemoryRouter initialEntries={[url]}>
            <Routes>
              <Route path={path} element={element} />
              <Route path="*" element={<div data-testid="elsewhere" />} />
            </Routes>
          </MemoryRouter>
        </App>
      </SessionContext.Provider>
    </QueryClientProvider>,
  );
}
