import type { Dialect } from '../database';
import type { AnyDb } from './helpers';

// Placeholder: the field tables are added by the field module's work.
export function field(_dialect: Dialect) {
  return {
    async up(_db: AnyDb) {},
  };
}
