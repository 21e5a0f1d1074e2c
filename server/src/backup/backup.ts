import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import SQLite from 'better-sqlite3';
import { readTar, tarWriter } from './tar';

// Issue 18 item 10: one archive holds the database and the files (attachments, visit photos and signatures,
// receipts, handover documents — everything the file storage keeps under the data folder), with a manifest that
// lists every entry's size and SHA-256. The database is copied first, then the files: stored files are written
// before the row that names them and never changed or removed, so every file the copied database refers to is in
// the archive, even while the server runs.

export const MANIFEST = 'manifest.json';
export const DATABASE_ENTRY = 'database.sqlite';
const FILES = 'files/';

type Entry = { path: string; bytes: number; sha256: string };
export type Manifest = {
  format: 'techserve-backup';
  formatVersion: 1;
  createdAt: string;
  /** sqlite: the database is the entry database.sqlite; postgresql: it is a separate pg_dump file (command given). */
  database: { kind: 'sqlite'; entry: Entry } | { kind: 'postgresql'; dumpCommand: string };
  files: Entry[];
};

function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1024 * 1024);
  try {
    for (let at = 0; ;) {
      const n = readSync(fd, buffer, 0, buffer.length, at);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Every regular file under dir, as paths relative to it with forward slashes, sorted. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Writes the archive: manifest, the SQLite database (online backup) when there is one, then the files. */
export async function createBackup(opts: {
  archive: string;
  sqliteFile: string | null;
  filesDir: string;
  now: Date;
  dumpCommand?: string;
}) {
  const work = mkdtempSync(join(tmpdir(), 'techserve-backup-'));
  try {
    let database: Manifest['database'];
    const dbCopy = join(work, DATABASE_ENTRY);
    if (opts.sqliteFile) {
      const db = new SQLite(opts.sqliteFile, { readonly: true, fileMustExist: true });
      try {
        await db.backup(dbCopy); // SQLite online backup API: consistent while the server runs
      } finally {
        db.close();
      }
      database = { kind: 'sqlite', entry: { path: DATABASE_ENTRY, bytes: statSync(dbCopy).size, sha256: sha256File(dbCopy) } };
    } else {
      database = { kind: 'postgresql', dumpCommand: opts.dumpCommand ?? 'pg_dump' };
    }
    const files = listFiles(opts.filesDir).map((rel) => {
      const abs = join(opts.filesDir, rel);
      return { rel, abs, entry: { path: `${FILES}${rel}`, bytes: statSync(abs).size, sha256: sha256File(abs) } };
    });
    const manifest: Manifest = {
      format: 'techserve-backup',
      formatVersion: 1,
      createdAt: opts.now.toISOString(),
      database,
      files: files.map((f) => f.entry),
    };
    const tar = tarWriter(opts.archive, opts.now);
    tar.addBuffer(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2)));
    if (database.kind === 'sqlite') tar.addFile(DATABASE_ENTRY, dbCopy, database.entry.bytes);
    for (const f of files) tar.addFile(f.entry.path, f.abs, f.entry.bytes);
    tar.close();
    return manifest;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** True when the file is a backup archive of this kind (an old plain SQLite backup is not). */
export function isBackupArchive(path: string): boolean {
  let found = false;
  try {
    readTar(path, (name) => {
      if (name === MANIFEST) found = true;
      throw new StopReading();
    });
  } catch (e) {
    if (!(e instanceof StopReading)) return false;
  }
  return found;
}
class StopReading extends Error {}

/**
 * Unpacks an archive: every entry is checked against the manifest (size and SHA-256) and every manifest entry must be
 * present, and verifyDatabase must accept the database, or nothing is kept. Files go into filesDir (a file already
 * there must be identical); the SQLite database is returned as a checked temporary file for the caller to restore
 * (and remove with cleanup()).
 */
export function unpackBackup(archive: string, filesDir: string, verifyDatabase: (file: string) => void = () => undefined) {
  const work = mkdtempSync(join(tmpdir(), 'techserve-restore-'));
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  try {
    let manifest: Manifest | null = null;
    const seen = new Map<string, Entry>();
    readTar(archive, (name, size, read) => {
      if (name === MANIFEST) {
        const chunks: Buffer[] = [];
        read((c) => chunks.push(Buffer.from(c)));
        manifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Manifest;
        if (manifest.format !== 'techserve-backup') throw new Error('not a TechServe backup');
        return;
      }
      if (!manifest) throw new Error('the archive does not start with its manifest');
      const m = manifest as Manifest;
      const expected = name === DATABASE_ENTRY && m.database.kind === 'sqlite' ? m.database.entry : m.files.find((f) => f.path === name);
      if (!expected) throw new Error(`${name} is in the archive but not in its manifest`);
      const rel = name.slice(FILES.length);
      if (name !== DATABASE_ENTRY && (!name.startsWith(FILES) || rel.split('/').some((p) => p === '' || p === '.' || p === '..')))
        throw new Error(`unsafe entry name ${name}`);
      const target = name === DATABASE_ENTRY ? join(work, DATABASE_ENTRY) : join(work, 'files', ...rel.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      const fd = openSync(target, 'wx');
      const hash = createHash('sha256');
      try {
        read((c) => {
          hash.update(c);
          writeSync(fd, c);
        });
      } finally {
        closeSync(fd);
      }
      if (size !== expected.bytes || hash.digest('hex') !== expected.sha256) throw new Error(`${name} does not match its checksum`);
      seen.set(name, expected);
    });
    const m = manifest as Manifest | null;
    if (!m) throw new Error('no manifest in the archive');
    const wanted = [...(m.database.kind === 'sqlite' ? [m.database.entry] : []), ...m.files];
    const missing = wanted.filter((e) => !seen.has(e.path));
    if (missing.length) throw new Error(`missing from the archive: ${missing.map((e) => e.path).join(', ')}`);
    if (m.database.kind === 'sqlite') verifyDatabase(join(work, DATABASE_ENTRY));
    // A file already in the folder must be the same file (stored files never change under their name); files the
    // folder has beyond the archive (stored after the backup) are left as they are.
    const targetOf = (f: Entry) => join(filesDir, ...f.path.slice(FILES.length).split('/'));
    const present = m.files.filter((f) => existsSync(targetOf(f)));
    const differing = present.filter((f) => statSync(targetOf(f)).size !== f.bytes || sha256File(targetOf(f)) !== f.sha256);
    if (differing.length)
      throw new Error(`${filesDir} holds different files under the same names: ${differing.map((f) => f.path).join(', ')}`);
    // Checked: now copy the files into place.
    mkdirSync(filesDir, { recursive: true });
    for (const f of m.files) {
      if (present.includes(f)) continue;
      const rel = f.path.slice(FILES.length);
      const to = targetOf(f);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(join(work, 'files', ...rel.split('/')), to, constants.COPYFILE_EXCL);
    }
    return { manifest: m, databaseFile: m.database.kind === 'sqlite' ? join(work, DATABASE_ENTRY) : null, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
