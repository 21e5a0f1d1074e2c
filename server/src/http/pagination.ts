import { MAX_DB_ID } from '@techserve/core';
import { AppError } from './errors';

/** Keyset cursors: an opaque base64url of the last row's sort key. */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'cursor is not valid; use nextCursor from the previous page', {
    details: [{ path: 'querystring.cursor', message: 'invalid cursor' }],
  });
}

/** Fetch limit+1 rows, return `limit` and the cursor of the last one when more exist. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(keyOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}

/** The row id of an id-keyed cursor (newest first); a forged cursor is a 400, never a database error. */
export function cursorId(cursor: string | undefined): number | null {
  const key = decodeCursor(cursor, 1);
  if (!key) return null;
  const id = key[0];
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > MAX_DB_ID) {
    throw new AppError('validation_failed', 'cursor is not valid; use nextCursor from the previous page', {
      details: [{ path: 'querystring.cursor', message: 'invalid cursor' }],
    });
  }
  return id;
}
