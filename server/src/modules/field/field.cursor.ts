import { MAX_DB_ID } from '@techserve/core';
import { AppError } from '../../http/errors';
import { decodeCursor } from '../../http/pagination';

/** The row id of an id-keyed cursor; a forged cursor is a 400, never a database error. */
export function cursorId(cursor: string | undefined): number | null {
  const key = decodeCursor(cursor, 1);
  if (!key) return null;
  const id = key[0];
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > MAX_DB_ID) {
    throw new AppError('validation_failed', 'cursor is not valid; use nextCursor from the previous page', { details: [{ path: 'querystring.cursor', message: 'invalid cursor' }] });
  }
  return id;
}
