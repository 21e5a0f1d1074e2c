import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB, freshDatabase } from '../test/harness';

// Issue 13 item 4: the hand-written row types (db/schema*.ts, the `DB` interface) are what the migrations build, on
// both engines. The declared side is read with the TypeScript checker (interfaces, `extends`, intersections resolved),
// the database side with Kysely's introspection of a freshly migrated database.

const here = dirname(fileURLToPath(import.meta.url));

/** Tables and columns of `DB` as declared, `table.column` sorted. */
function declaredColumns(): Map<string, string[]> {
  const file = join(here, 'schema.ts');
  const program = ts.createProgram([file], { strict: true, skipLibCheck: true, noEmit: true, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const db = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'DB');
  if (!db) throw new Error(`no interface DB in ${file} (${readFileSync(file, 'utf8').length} chars)`);
  const out = new Map<string, string[]>();
  for (const table of checker.getTypeAtLocation(db).getProperties()) {
    const rowType = checker.getTypeOfSymbolAtLocation(table, db);
    out.set(
      table.name,
      rowType
        .getProperties()
        .map((c) => c.name)
        .sort(),
    );
  }
  return out;
}

/**
 * The one deliberate difference between the engines: ticket search (SR-2). SQLite keeps it in the FTS5 table
 * `ticket_search` (its implicit `rowid` is the ticket id; FTS5 adds shadow tables); PostgreSQL in the column
 * `tickets.search_vector` instead.
 */
const ENGINE_ONLY = {
  sqlite: {
    tables: ['ticket_search_config', 'ticket_search_content', 'ticket_search_data', 'ticket_search_docsize', 'ticket_search_idx'],
    absent: ['tickets.search_vector', 'ticket_search.rowid'],
  },
  postgres: { tables: [] as string[], absent: ['ticket_search'] },
}[TEST_DB];

describe(`the schema types and the migrated database (${TEST_DB})`, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase();
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });

  it('declare the same tables and columns', async () => {
    const declared = declaredColumns();
    const tables = (await database.db.introspection.getTables()).filter((t) => !t.isView);
    const actual = new Map(tables.map((t) => [t.name, t.columns.map((c) => c.name).sort()]));

    const missingTables = [...declared.keys()].filter((t) => !actual.has(t) && !ENGINE_ONLY.absent.includes(t)).sort();
    const extraTables = [...actual.keys()].filter((t) => !declared.has(t) && !ENGINE_ONLY.tables.includes(t)).sort();
    const columnDiffs: string[] = [];
    for (const [table, columns] of declared) {
      const got = actual.get(table);
      if (!got) continue;
      for (const c of columns)
        if (!got.includes(c) && !ENGINE_ONLY.absent.includes(`${table}.${c}`))
          columnDiffs.push(`${table}.${c} declared, not in the database`);
      for (const c of got) if (!columns.includes(c)) columnDiffs.push(`${table}.${c} in the database, not declared`);
    }
    expect({ missingTables, extraTables, columnDiffs }).toEqual({ missingTables: [], extraTables: [], columnDiffs: [] });
    expect(declared.size).toBeGreaterThan(100);
  }, 120_000);
});
