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
  /** Directory of the local-disk attachment storage (SR-10); default `./data/attachments` of the working directory. */
  attachmentsDir?: string;
  /** Largest attachment accepted, in bytes; default DEFAULT_ATTACHMENT_MAX_BYTES. */
  attachmentMaxBytes?: number;
  /** The company name printed at the top of documents the customer keeps (FS-8 service record); default DEFAULT_COMPANY_NAME. */
  companyName?: string;
  /** Where customers reach the app, for links in e-mail (SR-11b survey links); default: the address a request came to. */
  publicUrl?: string;
  /** The company's IANA time zone (TECHSERVE_TIME_ZONE, issue 13 item 7); default core's DEFAULT_TIME_ZONE. */
  timeZone?: string;
};

export const DEFAULT_COMPANY_NAME = 'TechServe 技术服务管理系统';

export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export type SecuritySettings = {
  sessionIdleMinutes: number;
  maxFailedLogins: number;
  lockMinutes: number;
  /** Login attempts per IP per window before 429. */
  loginAttemptsPerWindow: number;
  loginWindowSeconds: number;
  /** How long the second sign-in step waits for the authenticator code (issue 18 item 6). */
  twoFactorChallengeMinutes: number;
};

export const DEFAULT_SECURITY: SecuritySettings = {
  sessionIdleMinutes: 12 * 60,
  maxFailedLogins: 5,
  lockMinutes: 15,
  loginAttemptsPerWindow: 20,
  loginWindowSeconds: 300,
  twoFactorChallengeMinutes: 5,
};
