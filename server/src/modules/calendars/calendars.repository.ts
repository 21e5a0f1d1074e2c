import type { Db } from '../../http/context';

const columns = ['id', 'name', 'is_default', 'definition', 'version', 'created_at', 'updated_at'] as const;

export const listCalendarRows = (db: Db) =>
  db.selectFrom('calendars').select(columns).orderBy('is_default', 'desc').orderBy('name').execute();

export const findCalendarRow = (db: Db, id: number) => db.selectFrom('calendars').select(columns).where('id', '=', id).executeTakeFirst();

export const findDefaultCalendarRow = (db: Db) => db.selectFrom('calendars').select(columns).where('is_default', '=', 1).executeTakeFirst();

export const anyCalendarExists = async (db: Db) =>
  (await db.selectFrom('calendars').select('id').limit(1).executeTakeFirst()) !== undefined;

export const calendarNameTaken = (db: Db, name: string, exceptId = 0) =>
  db.selectFrom('calendars').select('id').where('name', '=', name).where('id', '!=', exceptId).executeTakeFirst();

export function insertCalendarRow(db: Db, v: { name: string; isDefault: boolean; definition: string; now: string }) {
  return db
    .insertInto('calendars')
    .values({ name: v.name, is_default: v.isDefault ? 1 : 0, definition: v.definition, created_at: v.now, updated_at: v.now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateCalendarRow(
  db: Db,
  id: number,
  version: number,
  v: { name?: string; isDefault?: boolean; definition?: string; now: string },
) {
  const res = await db
    .updateTable('calendars')
    .set((eb) => ({
      ...(v.name !== undefined && { name: v.name }),
      ...(v.isDefault !== undefined && { is_default: v.isDefault ? 1 : 0 }),
      ...(v.definition !== undefined && { definition: v.definition }),
      updated_at: v.now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Only one default calendar: clearing the others is part of making one the default. */
export const clearDefaultExcept = (db: Db, id: number) =>
  db.updateTable('calendars').set({ is_default: 0 }).where('id', '!=', id).where('is_default', '=', 1).execute();

export const deleteCalendarRow = (db: Db, id: number) => db.deleteFrom('calendars').where('id', '=', id).execute();
