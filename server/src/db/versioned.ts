import { sql } from 'kysely';
import type { Db } from '../http/context';
import { versionConflict } from '../http/errors';
import type { DB } from './schema';

/** Tables whose rows carry `id`, `version` and `updated_at` (optimistic locking). */
export type VersionedTable = {
  [K in keyof DB]: DB[K] extends { id: unknown; version: unknown; updated_at: unknown } ? K : never;
}[keyof DB];

/**
 * UPDATE … WHERE id = ? AND version = ? with `version + 1` and `updated_at`: 409 (`what` was changed by someone else)
 * when the version read is stale. Used by the repositories of the people half (complaints, incidents, surveys, internal
 * training, meetings).
 */
export async function updateVersioned(
  db: Db,
  table: VersionedTable,
  id: number,
  version: number,
  set: Record<string, unknown>,
  at: string,
  what: string,
): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table is checked by VersionedTable; its columns by the caller's service.
  const res = await (db as any)
    .updateTable(table)
    .set({ ...set, updated_at: at, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict(what);
}
