import type { DB } from '../db/schema';
import type { Db } from './context';
import { AppError } from './errors';

type TableWithId = { [K in keyof DB]: DB[K] extends { id: unknown } ? K : never }[keyof DB];
export type Ref = { table: TableWithId; id: number | null | undefined; path: string };

/** Every referenced id must exist; otherwise 422 naming each field at fault, before anything is written. */
export async function assertRefsExist(db: Db, refs: Ref[]): Promise<void> {
  const details: { path: string; message: string }[] = [];
  for (const ref of refs) {
    if (ref.id == null) continue;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table is checked by the Ref type above.
    const found = await (db as any).selectFrom(ref.table).select('id').where('id', '=', ref.id).executeTakeFirst();
    if (!found) details.push({ path: ref.path, message: `no ${ref.table.replace(/_/g, ' ').replace(/s$/, '')} with id ${ref.id}` });
  }
  if (details.length) {
    throw new AppError('invalid_value', details.map((d) => `${d.path}: ${d.message}`).join('; '), { details });
  }
}
