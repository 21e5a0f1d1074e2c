import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './cli';
import { TEST_DB } from './test/harness';

// The CLI works on the configured database file; these run once (in the SQLite project).
describe.runIf(TEST_DB === 'sqlite')('techserve CLI', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ts-cli-'));
    file = join(dir, 'app.db');
    vi.stubEnv('DATABASE_URL', `sqlite:${file}`);
    vi.stubEnv('TECHSERVE_FILES_DIR', join(dir, 'files'));
    vi.stubEnv('TECHSERVE_ADMIN_PASSWORD', '');
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  const users = (path: string) =>
    (new SQLite(path, { readonly: true }).prepare('select username from users order by id').all() as { username: string }[]).map(
      (u) => u.username,
    );

  it('migrates, creates an admin and refuses a second one without --reset', async () => {
    expect(await runCli(['migrate'])).toBe(0);
    expect(await runCli(['create-admin', '--password', 'secret-pass-1'])).toBe(0);
    expect(await runCli(['create-admin'])).toBe(1);
    expect(await runCli(['create-admin', '--reset'])).toBe(0);
    expect(users(file)).toEqual(['admin']);
  });

  it('refuses a weak first-admin password (ACC-1, issue 18 item 3)', async () => {
    await runCli(['migrate']);
    expect(await runCli(['create-admin', '--password', 'woaini1314'])).toBe(1);
    expect(await runCli(['create-admin', '--password', 'admin-Orchid-93'])).toBe(1);
    expect(users(file)).toEqual([]);
    expect(await runCli(['create-admin', '--password', 'Velvet-Orchid-93'])).toBe(0);
  });

  it('backs up online and restores the backup over later changes', async () => {
    await runCli(['create-admin', '--password', 'secret-pass-1']);
    const backup = join(dir, 'backup.db');
    expect(await runCli(['backup', backup])).toBe(0);
    expect(existsSync(backup)).toBe(true);
    await runCli(['create-admin', '--username', 'later', '--password', 'secret-pass-2']);
    expect(users(file)).toEqual(['admin', 'later']);
    expect(await runCli(['restore', backup])).toBe(0);
    expect(users(file)).toEqual(['admin']);
  });

  it('refuses to restore a file that is not a TechServe backup', async () => {
    await runCli(['migrate']);
    const junk = join(dir, 'junk.db');
    new SQLite(junk).exec('create table x (y)');
    expect(await runCli(['restore', junk])).toBe(1);
  });

  it('seeds the demo organisation once', async () => {
    expect(await runCli(['seed-demo'])).toBe(0);
    expect(users(file)).toContain('eng.liu');
    expect(await runCli(['seed-demo'])).toBe(0);
    expect(users(file).filter((u) => u === 'eng.liu')).toHaveLength(1);
  });

  it('answers an unknown command with usage and exit code 2', async () => {
    expect(await runCli(['frobnicate'])).toBe(2);
  });
});
