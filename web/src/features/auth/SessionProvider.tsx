import type { TLoginAnswer, TPermission, TSession } from '@techserve/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, api, onUnauthorized, setCsrfToken } from '../../api/client';
import { SessionContext, type TSessionContext } from './SessionContext';

/** Loads the session once on start and drops it (back to the login page) on any 401. */
export function SessionProvider({ children, initial }: { children: ReactNode; initial?: TSession | null }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<TSession | null | undefined>(initial);

  const apply = useCallback((next: TSession | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSession(next);
  }, []);

  useEffect(() => {
    if (initial !== undefined) {
      setCsrfToken(initial?.csrfToken ?? null);
      return;
    }
    let active = true;
    api<TSession>('/auth/session')
      .then((value) => active && apply(value))
      .catch((error: unknown) => {
        if (active && error instanceof ApiError) apply(null);
        else if (active) apply(null);
      });
    return () => {
      active = false;
    };
  }, [apply, initial]);

  useEffect(
    () =>
      onUnauthorized(() => {
        apply(null);
        queryClient.clear();
      }),
    [apply, queryClient],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const value = await api<TLoginAnswer>('/auth/login', { method: 'POST', body: { username, password } });
      if ('twoFactorRequired' in value) return value;
      queryClient.clear();
      apply(value);
      return null;
    },
    [apply, queryClient],
  );

  const loginSecondStep = useCallback(
    async (challenge: string, code: string) => {
      const value = await api<TSession>('/auth/login/two-factor', { method: 'POST', body: { challenge, code } });
      queryClient.clear();
      apply(value);
    },
    [apply, queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api('/auth/logout', { method: 'POST' });
    } finally {
      queryClient.clear();
      apply(null);
    }
  }, [apply, queryClient]);

  const refresh = useCallback(async () => {
    apply(await api<TSession>('/auth/session'));
  }, [apply]);

  const value = useMemo<TSessionContext>(
    () => ({
      session,
      login,
      loginSecondStep,
      logout,
      refresh,
      can: (permission: TPermission) => Boolean(session?.user.permissions.includes(permission)),
    }),
    [session, login, loginSecondStep, logout, refresh],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
