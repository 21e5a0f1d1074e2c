import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { ensureAdmin, ensureRoles, generatePassword } from './bootstrap';
import { createBackup, isBackupArchive, unpackBackup } from './backup/backup';
import { type Config, loadConfig } from './config';
import { openDatabase } from './db/database';
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
  backup <file>          one archive of the database (SQLite, online) and the stored files, with a manifest and
                         SHA-256 checksums; PostgreSQL: the archive holds the files and the pg_dump command is printed
  restore <file>         check the archive, restore the files into the (empty) files folder and the SQLite database
                         (stop the server first); PostgreSQL: prints the pg_restore command
  seed-demo              add the demo organisation if the database has none

Configuration by environment: PORT, DATABASE_URL (sqlite:<path> | postgres://...), TECHSERVE_ADMIN_PASSWORD, TECHSERVE_DEMO=0,
TECHSERVE_FILES_DIR (default data/attachments)`;

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
      return command === 'backup' ? backup(config, file) : restore(config, file);
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

/** The PostgreSQL dump that goes beside a backup archive (the password, if any, comes from PGPASSWORD or ~/.pgpass). */
const pgDumpFile = (archive: string) => `${archive}.pgdump`;
const pgUrl = (url: string) => url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1@');

async function backup(config: Config, file: string): Promise<number> {
  const dbFile = sqlitePath(config.databaseUrl);
  const dumpCommand = `pg_dump --format=custom --file="${pgDumpFile(file)}" "${pgUrl(config.databaseUrl)}"`;
  const manifest = await createBackup({ archive: file, sqliteFile: dbFile, filesDir: config.filesDir, now: new Date(), dumpCommand });
  const bytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
  console.log(
    `backed up ${dbFile ? `the database ${dbFile} and ` : ''}${manifest.files.length} files (${bytes} bytes) from ${config.filesDir} to ${file}`,
  );
  if (!dbFile) console.log(`PostgreSQL: the archive holds the files only; back up the database now with\n  ${dumpCommand}`);
  return 0;
}

async function restore(config: Config, file: string): Promise<number> {
  if (!existsSync(file)) {
    console.error(`no such file: ${file}`);
    return 1;
  }
  const dbFile = sqlitePath(config.databaseUrl);
  if (!isBackupArchive(file)) {
    // A backup made before the archive format: a plain SQLite database file.
    if (dbFile) return restoreSqlite(file, dbFile);
    console.error(`${file} is not a TechServe backup archive`);
    return 1;
  }
  let unpacked: ReturnType<typeof unpackBackup>;
  try {
    unpacked = unpackBackup(file, config.filesDir, (db) => {
      const problem = sqliteBackupProblem(db);
      if (problem) throw new Error(problem);
    });
  } catch (error) {
    console.error(`${file} was not restored: ${(error as Error).message}`);
    return 1;
  }
  try {
    console.log(`restored ${unpacked.manifest.files.length} files into ${config.filesDir} (checksums verified)`);
    if (unpacked.databaseFile && dbFile) return await restoreSqlite(unpacked.databaseFile, dbFile);
    if (!dbFile) {
      console.log(
        `PostgreSQL: restore the database into an empty database with\n  pg_restore --clean --if-exists --no-owner --dbname="${pgUrl(config.databaseUrl)}" "${pgDumpFile(file)}"`,
      );
      return 0;
    }
    console.error('the archive holds no SQLite database (it was made on PostgreSQL); restore its pg_dump file with pg_restore');
    return 1;
  } finally {
    unpacked.cleanup();
  }
}

/** Why a file is not a TechServe SQLite database, or null when it is one. */
function sqliteBackupProblem(file: string): string | null {
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const check = source.pragma('integrity_check', { simple: true });
    const hasTables = source.prepare("select count(*) as n from sqlite_master where name in ('users', 'kysely_migration')").get() as {
      n: number;
    };
    return check === 'ok' && hasTables.n >= 2 ? null : `${file} is not a TechServe backup (integrity: ${String(check)})`;
  } catch (error) {
    return `${file} is not a TechServe backup (${(error as Error).message})`;
  } finally {
    source.close();
  }
}

async function restoreSqlite(file: string, dbFile: string): Promise<number> {
  const problem = sqliteBackupProblem(file);
  if (problem) {
    console.error(problem);
    return 1;
  }
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(dbFile);
  } finally {
    source.close();
  }
  console.log(`restored ${dbFile}; start the server again`);
  return 0;
}
