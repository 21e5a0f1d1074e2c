import type { TPermission, TSession } from '@techserve/core';
import { createContext } from 'react';

export type TSessionContext = {
  /** undefined while the first `GET /auth/session` is under way; null when signed out. */
  session: TSession | null | undefined;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Reloads the session (after the one-time password was replaced). */
  refresh: () => Promise<void>;
  can: (permission: TPermission) => boolean;
};

export const SessionContext = createContext<TSessionContext | null>(null);
