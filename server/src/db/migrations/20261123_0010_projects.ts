import type { Dialect } from '../database';
import type { AnyDb } from './helpers';

// Placeholder: the projects tables are added by the projects module's work.
export function projects(_dialect: Dialect) {
  return {
    async up(_db: AnyDb) {},
  };
}
