import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { Dialect } from '../database';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against the schema of their own day.
export type AnyDb = Kysely<any>;

/** A table with an integer identity `id` on both databases. */
export function tableWithId(db: AnyDb, dialect: Dialect, name: string): CreateTableBuilder<string, 'id'> {
  return db.schema
    .createTable(name)
    .addColumn('id', 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    );
}

/** created_at / updated_at / version, the stamps of every updatable record. */
export function withStamps<T extends string>(t: CreateTableBuilder<T, 'id'>): CreateTableBuilder<T, 'id'> {
  return t
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
}

/** Refuse UPDATE and DELETE on a table at the database level (append-only records). */
export async function makeAppendOnly(db: AnyDb, dialect: Dialect, table: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '${table} is append-only'; END $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`)
    .execute(db);
}

/** Adds a release's new permissions to an existing install's built-in roles (a fresh install gets them from DEFAULT_ROLES). */
export async function grantToBuiltinRoles(db: AnyDb, grants: Record<string, string[]>) {
  const roles = (await db.selectFrom('roles').select(['id', 'key', 'permissions']).where('builtin', '=', 1).execute()) as Array<{
    id: number;
    key: string;
    permissions: string;
  }>;
  for (const r of roles) {
    const add = grants[r.key];
    if (!add) continue;
    const merged = [...new Set([...(JSON.parse(r.permissions) as string[]), ...add])];
    await db
      .updateTable('roles')
      .set({ permissions: JSON.stringify(merged) })
      .where('id', '=', r.id)
      .execute();
  }
}
