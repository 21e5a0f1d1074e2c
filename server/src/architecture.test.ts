import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Guard rails of the house (issue 13 items 2 and 8, design.md): the Kysely queries of a module live in its
// *.repository.ts files only, and no source file grows past 600 lines. Every file holds to both today (the tickets
// module untangled, letters.service and personnel.service split), so neither check has an allow-list.

const ROOT = join(import.meta.dirname, '..', '..');
const MODULES = join(ROOT, 'server', 'src', 'modules');
const MAX_LINES = 600;

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : files(path, keep);
    return keep(e.name) ? [path] : [];
  });
}

/** A query-builder call, or a raw SQL statement (a `sql` template that starts with a statement keyword). */
const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql(<[^`]*>)?`\s*(select|insert|update|delete|with)\b/i;

/** Module files that may hold queries: repositories, tests, test fixtures and the demo data seeders. */
const mayQuery = (name: string) => /\.repository\.ts$|\.test\.ts$|\.fixtures\.ts$|\.demo\.ts$/.test(name);

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

describe('architecture guard rails (issue 13)', () => {
  it('finds a query-builder call and a raw statement, not a SQL fragment (the check itself)', () => {
    expect(QUERY.test("await db.selectFrom('roles').selectAll().execute();")).toBe(true);
    expect(QUERY.test('  .insertInto(e.table)')).toBe(true);
    expect(QUERY.test('await sql`select 1`.execute(db);')).toBe(true);
    expect(QUERY.test('sql<Row>`SELECT id FROM travel_requests`')).toBe(true);
    expect(QUERY.test('const all = () => sql<boolean>`1 = 1` as unknown as Cond;')).toBe(false);
    expect(QUERY.test("import * as repo from './roles.repository';")).toBe(false);
    expect(mayQuery('roles.repository.ts') && mayQuery('attendance.spot-checks.repository.ts')).toBe(true);
    expect(mayQuery('roles.service.ts')).toBe(false);
    expect(lineCount('a\nb\n')).toBe(2);
  });

  it('queries only in repositories: no Kysely query outside *.repository.ts in server/src/modules', () => {
    const offenders = files(MODULES, (n) => n.endsWith('.ts') && !mayQuery(n))
      .filter((f) => QUERY.test(readFileSync(f, 'utf8')))
      .map((f) => relative(MODULES, f).split('\\').join('/'));
    expect(offenders).toEqual([]);
  });

  it(`no source file in core, server or web is longer than ${MAX_LINES} lines`, () => {
    const long = ['core/src', 'server/src', 'web/src']
      .flatMap((d) => files(join(ROOT, d), (n) => /\.tsx?$/.test(n)))
      .filter((f) => lineCount(readFileSync(f, 'utf8')) > MAX_LINES)
      .map((f) => relative(ROOT, f).split('\\').join('/'));
    expect(long).toEqual([]);
  });
});
