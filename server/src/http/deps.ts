import type { Database } from '../db/database';
import type { PasswordCost } from '../modules/auth/password';
import type { Clock } from './clock';

/** Everything the app is wired from (style.md 6: explicit dependencies, no singletons). */
export type AppDeps = {
  database: Database;
  clock: Clock;
  passwordCost: PasswordCost;
  /** Built web app to serve at `/`; omitted in API tests. */
  webRoot?: string;
  /** Pino logger options; false in tests. */
  logger?: boolean | object;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies?: boolean;
  security?: Partial<SecuritySettings>;
};

export type SecuritySettings = {
  sessionIdleMinutes: number;
  maxFailedLogins: number;
  lockMinutes: number;
  /** Login attempts per IP per window before 429. */
  loginAttemptsPerWindow: number;
  loginWindowSeconds: number;
};

export const DEFAULT_SECURITY: SecuritySettings = {
  sessionIdleMinutes: 12 * 60,
  maxFailedLogins: 5,
  lockMinutes: 15,
  loginAttemptsPerWindow: 20,
  loginWindowSeconds: 300,
};
