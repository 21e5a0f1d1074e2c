import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { ensureAdmin, ensureRoles, generatePassword } from './bootstrap';
import { loadConfig } from './config';
import { openDatabase, redactUrl } from './db/database';
import { migrateToLatest } from './db/migrate';
import { seedDemoOrganisation } from './demo/seed-demo';
import { systemClock } from './http/clock';
import { DEFAULT_COMPANY_NAME } from './http/deps';
import { AppError } from './http/errors';
import { DEFAULT_PASSWORD_COST } from './modules/auth/password';
import { serve } from './server';
import { ensureDefaultPolicy } from './modules/policy/policy.service';
import { ensureDefaultCalendar } from './modules/calendars/calendars.service';

const HELP = `techserve <command>

  serve                  run the web app and API (what npm start does)
  migrate                apply database migrations
  create-admin [--username admin] [--password P] [--reset]
                         create an admin user (or reset its password with --reset); prints the password
  backup <file>          SQLite: online backup to <file>; PostgreSQL: prints the pg_dump command
  restore <file>         SQLite: replace the database with <file> (stop the server first); PostgreSQL: prints pg_restore
  seed-demo              add the demo organisation if the database has none

Configuration by environment: PORT, DATABASE_URL (sqlite:<path> | postgres://...), TECHSERVE_ADMIN_PASSWORD, TECHSERVE_DEMO=0`;

async function withDatabase<T>(fn: (d: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const database = openDatabase(loadConfig().databaseUrl);
  try {
    await migrateToLatest(database);
    await ensureRoles(database.db, systemClock);
    await ensureDefaultPolicy(database.db, systemClock);
    await ensureDefaultCalendar(database.db, systemClock);
    return await fn(database);
  } finally {
    await database.close();
  }
}

function sqlitePath(url: string): string | null {
  return url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : null;
}

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case undefined:
    case 'serve':
      await serve(config);
      return -1; // keep running
    case 'migrate': {
      const database = openDatabase(config.databaseUrl, { sqliteCacheMb: config.sqliteCacheMb });
      const applied = await migrateToLatest(database);
      await database.close();
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return 0;
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { username: { type: 'string' }, password: { type: 'string' }, reset: { type: 'boolean' } },
      });
      const password = await withDatabase((d) =>
        ensureAdmin(d.db, systemClock, DEFAULT_PASSWORD_COST, {
          username: values.username,
          password: values.password ?? config.adminPassword,
          reset: values.reset,
          companyName: config.companyName ?? DEFAULT_COMPANY_NAME,
        }),
      ).catch((error: unknown) => {
        // ACC-1: a weak password is refused with its reason, as in the app.
        if (error instanceof AppError) return error;
        throw error;
      });
      if (password instanceof AppError) {
        console.error(password.message);
        return 1;
      }
      if (!password) {
        console.error(`user "${values.username ?? 'admin'}" already exists; use --reset to set a new password`);
        return 1;
      }
      console.log(`admin user "${values.username ?? 'admin'}" ready; password: ${values.password ? '(as given)' : password}`);
      return 0;
    }
    case 'seed-demo': {
      const password = config.adminPassword ?? generatePassword();
      const created = await withDatabase((d) => seedDemoOrganisation(d, systemClock, DEFAULT_PASSWORD_COST, password));
      console.log(
        created
          ? `demo organisation created; demo users' password: ${password}`
          : 'the database already has an organisation; nothing added',
      );
      return 0;
    }
    case 'backup':
    case 'restore': {
      const file = rest[0];
      if (!file) {
        console.error(`usage: techserve ${command} <file>`);
        return 2;
      }
      const dbFile = sqlitePath(config.databaseUrl);
      if (!dbFile) {
        const url = redactUrl(config.databaseUrl);
        console.log(
          command === 'backup'
            ? `PostgreSQL: back up with\n  pg_dump --format=custom --file=${file} "${url}"`
            : `PostgreSQL: restore into an empty database with\n  pg_restore --clean --if-exists --no-owner --dbname="${url}" ${file}`,
        );
        return 0;
      }
      if (command === 'backup') {
        const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
        await db.backup(file); // SQLite online backup API: consistent while the server runs
        db.close();
        console.log(`backed up ${dbFile} to ${file}`);
        return 0;
      }
      if (!existsSync(file)) {
        console.error(`no such file: ${file}`);
        return 1;
      }
      const source = new SQLite(file, { readonly: true, fileMustExist: true });
      const check = source.pragma('integrity_check', { simple: true });
      const hasTables = source.prepare("select count(*) as n from sqlite_master where name in ('users', 'kysely_migration')").get() as {
        n: number;
      };
      if (check !== 'ok' || hasTables.n < 2) {
        source.close();
        console.error(`${file} is not a TechServe backup (integrity: ${String(check)})`);
        return 1;
      }
      await source.backup(dbFile);
      source.close();
      console.log(`restored ${dbFile} from ${file}; start the server again`);
      return 0;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    default:
      console.error(`unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}
