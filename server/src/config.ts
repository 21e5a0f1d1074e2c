import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEFAULT_TIME_ZONE } from '@techserve/core';
import { DEFAULT_SQLITE_CACHE_MB } from './db/database';

export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  adminPassword: string | null;
  demo: boolean;
  logLevel: string;
  secureCookies: boolean;
  /** `smtp://user:pass@host:port` or `smtps://…`; null keeps e-mail queued in the outbox. */
  smtpUrl: string | null;
  mailFrom: string;
  /** SQLite's page cache in MB (grown as pages are read, up to this). */
  sqliteCacheMb: number;
  /** Printed at the top of the customer's documents (FS-8 service record PDF). */
  companyName: string | undefined;
  /** The address customers reach the app at, for links in e-mail (SR-11b survey links); default http://localhost:PORT. */
  publicUrl: string | undefined;
  /** Where stored files live (attachments, visit photos and signatures, receipts, documents); in every backup. */
  filesDir: string;
  /** The company's IANA time zone: local dates, months, due days and the policy in force (issue 13 item 7). */
  timeZone: string;
};

/** Configuration comes from the environment only (README: configuration table). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  const databaseUrl = env.DATABASE_URL?.trim() || 'sqlite:./data/techserve.db';
  const smtpUrl = env.TECHSERVE_SMTP_URL?.trim() || null;
  const sqliteCacheMb = Number(env.TECHSERVE_SQLITE_CACHE_MB ?? DEFAULT_SQLITE_CACHE_MB);
  if (!Number.isInteger(sqliteCacheMb) || sqliteCacheMb < 1 || sqliteCacheMb > 65536)
    throw new Error(`TECHSERVE_SQLITE_CACHE_MB must be a whole number of MB from 1 to 65536 (got "${env.TECHSERVE_SQLITE_CACHE_MB}")`);
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl))
    throw new Error('TECHSERVE_SMTP_URL must look like smtp://user:pass@host:port or smtps://…');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: normaliseSqliteUrl(databaseUrl),
    adminPassword: env.TECHSERVE_ADMIN_PASSWORD || null,
    demo: env.TECHSERVE_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.TECHSERVE_SECURE_COOKIES === '1',
    smtpUrl,
    mailFrom: env.TECHSERVE_MAIL_FROM?.trim() || 'TechServe <no-reply@localhost>',
    sqliteCacheMb,
    companyName: env.TECHSERVE_COMPANY_NAME?.trim() || undefined,
    publicUrl: publicUrlOf(env.TECHSERVE_PUBLIC_URL),
    filesDir: resolve(env.TECHSERVE_FILES_DIR?.trim() || 'data/attachments'),
    timeZone: timeZoneOf(env.TECHSERVE_TIME_ZONE),
  };
}

/** An IANA time zone the runtime knows (e.g. Asia/Shanghai), or DEFAULT_TIME_ZONE when unset; anything else stops start-up. */
export function timeZoneOf(value: string | undefined): string {
  const zone = value?.trim();
  if (!zone) return DEFAULT_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new Error(`TECHSERVE_TIME_ZONE must be an IANA time zone such as Asia/Shanghai or Europe/Berlin (got "${value}")`);
  }
}

/** An http(s) origin without a trailing slash, or undefined when unset. */
function publicUrlOf(value: string | undefined): string | undefined {
  const url = value?.trim().replace(/\/+$/, '');
  if (!url) return undefined;
  if (!/^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(url))
    throw new Error(`TECHSERVE_PUBLIC_URL must look like https://service.example.com (got "${value}")`);
  return url;
}

/** Make a relative SQLite path absolute and create its folder so a fresh checkout just works. */
function normaliseSqliteUrl(url: string): string {
  if (!url.startsWith('sqlite:')) return url;
  const file = url.slice('sqlite:'.length);
  if (file === '' || file === ':memory:') return 'sqlite::memory:';
  const abs = resolve(file);
  mkdirSync(dirname(abs), { recursive: true });
  return `sqlite:${abs}`;
}
