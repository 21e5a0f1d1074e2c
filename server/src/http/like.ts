import { type RawBuilder, sql } from 'kysely';

/**
 * Case-insensitive "column contains text" with the user's `%` and `_` taken literally (escaped), the same SQL on
 * SQLite and PostgreSQL.
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
