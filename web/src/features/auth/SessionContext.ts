import type { TPermission, TSession, TTwoFactorPending } from '@techserve/core';
import { createContext } from 'react';

export type TSessionContext = {
  /** undefined while the first `GET /auth/session` is under way; null when signed out. */
  session: TSession | null | undefined;
  /** Signs in; answers the second step's challenge when the account has two-factor sign-in (issue 18 item 6). */
  login: (username: string, password: string) => Promise<TTwoFactorPending | null>;
  /** The second step: the challenge and a code of the authenticator app or a recovery code. */
  loginSecondStep: (challenge: string, code: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Reloads the session (after the one-time password was replaced). */
  refresh: () => Promise<void>;
  can: (permission: TPermission) => boolean;
};

export const SessionContext = createContext<TSessionContext | null>(null);
