import { sql } from 'kysely';
import type { Db } from '../http/context';
import { versionConflict } from '../http/errors';
import type { DB } from './schema';

/** Tables whose rows carry `id`, `version` and `updated_at` (optimistic locking). */
export type VersionedTable = {
  [K in keyof DB]: DB[K] extends { id: unknown; version: unknown; updated_at: unknown } ? K : never;
}[keyof DB];

/** What a stale version turns into: the 409 "`what` was changed by someone else", or the module's own error. */
export type OnStale = string | (() => Error);

/**
 * The one optimistic-lock update: UPDATE … SET …, version = version + 1, updated_at = at WHERE id = ? AND version = ?
 * (and, when given, the extra column conditions, e.g. the status the row must still be in). Without `onStale` it says
 * whether the row changed; with it, a stale version throws (409 `version_conflict` for a string, else the factory's
 * error).
 */
export async function updateVersioned(
  db: Db,
  table: VersionedTable,
  id: number,
  version: number,
  set: Record<string, unknown>,
  at: string,
): Promise<boolean>;
export async function updateVersioned(
  db: Db,
  table: VersionedTable,
  id: number,
  version: number,
  set: Record<string, unknown>,
  at: string,
  onStale: OnStale,
  where?: Record<string, unknown>,
): Promise<void>;
export async function updateVersioned(
  db: Db,
  table: VersionedTable,
  id: number,
  version: number,
  set: Record<string, unknown>,
  at: string,
  onStale?: OnStale,
  where: Record<string, unknown> = {},
): Promise<boolean | void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table is checked by VersionedTable; its columns by the caller's service.
  let q = (db as any)
    .updateTable(table)
    .set({ ...set, updated_at: at, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version);
  for (const [column, value] of Object.entries(where))
    q = Array.isArray(value) ? q.where(column, 'in', value) : q.where(column, '=', value);
  const res = await q.executeTakeFirst();
  const changed = Number(res.numUpdatedRows) === 1;
  if (onStale === undefined) return changed;
  if (!changed) throw typeof onStale === 'string' ? versionConflict(onStale) : onStale();
}
