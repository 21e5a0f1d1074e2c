import { ApiError } from './client';

/** A 409 because the record changed since it was read — not other 409s such as a taken name. */
export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'version_conflict';
}
