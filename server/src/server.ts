import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { ensureAdmin, ensureRoles, generatePassword } from './bootstrap';
import type { Config } from './config';
import { openDatabase, redactUrl } from './db/database';
import { migrateToLatest } from './db/migrate';
import { seedDemoOrganisation } from './demo/seed-demo';
import { systemClock } from './http/clock';
import { DEFAULT_COMPANY_NAME } from './http/deps';
import { backgroundJobs } from './jobs/jobs';
import { startScheduler } from './jobs/scheduler';
import { createMailer } from './mail/mailer';
import { DEFAULT_PASSWORD_COST } from './modules/auth/password';
import { ensureDefaultPolicy } from './modules/policy/policy.service';
import { ensureDefaultCalendar } from './modules/calendars/calendars.service';

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_ROOT = resolve(here, '../../web/dist');

/** `npm start`: migrate, create the first admin and demo data on first start, serve web + API. */
export async function serve(config: Config) {
  const database = openDatabase(config.databaseUrl, { sqliteCacheMb: config.sqliteCacheMb });
  const applied = await migrateToLatest(database);
  await ensureRoles(database.db, systemClock);
  await ensureDefaultPolicy(database.db, systemClock);
  await ensureDefaultCalendar(database.db, systemClock);
  const adminPassword = await ensureAdmin(database.db, systemClock, DEFAULT_PASSWORD_COST, {
    password: config.adminPassword,
    companyName: config.companyName ?? DEFAULT_COMPANY_NAME,
  });
  let demoCreated = false;
  if (config.demo && adminPassword) {
    demoCreated = await seedDemoOrganisation(database, systemClock, DEFAULT_PASSWORD_COST, adminPassword);
  }
  const app = await buildApp({
    database,
    clock: systemClock,
    passwordCost: DEFAULT_PASSWORD_COST,
    webRoot: WEB_ROOT,
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    secureCookies: config.secureCookies,
    attachmentsDir: config.filesDir,
    companyName: config.companyName,
    publicUrl: config.publicUrl,
    timeZone: config.timeZone,
  });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger: app.log });
  let scheduler: { stop(): Promise<void> } | null = null;
  // The scheduler stops first so no job is cut off by the database closing under it.
  app.addHook('onClose', async () => {
    await scheduler?.stop();
    mailer.close();
  });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  scheduler = startScheduler({
    db: database.db,
    clock: systemClock,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    jobs: backgroundJobs({
      db: database.db,
      clock: systemClock,
      timeZone: config.timeZone,
      mailer,
      logger: app.log,
      publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    }),
    logger: app.log,
  });

  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `TechServe 技术服务管理系统 is running at ${url}`,
    `  database: ${database.dialect} (${redactUrl(config.databaseUrl)})${applied.length ? `, applied ${applied.length} migration(s)` : ''}`,
    `  API docs: ${url}/api/docs`,
  ];
  if (adminPassword) {
    lines.push(`  first start: sign in as  admin / ${config.adminPassword ? '(the TECHSERVE_ADMIN_PASSWORD you set)' : adminPassword}`);
    if (!config.adminPassword) lines.push('  (this generated password is shown once; change it under 我的账户 / My account)');
    if (demoCreated)
      lines.push(
        '  demo organisation created: users gm, supervisor, lead.east, eng.liu, expert.sun, agent, finance, hr, contact.qian (customer) … share the admin password',
      );
  } else {
    lines.push('  sign in as admin (password as set on first start; reset with: npm run cli -- create-admin --reset)');
  }
  console.log(lines.join('\n'));
  return { app, database, generatedPassword: adminPassword ?? generatePassword() };
}
