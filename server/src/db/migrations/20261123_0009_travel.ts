import type { Dialect } from '../database';
import type { AnyDb } from './helpers';

// Placeholder: the travel tables are added by the travel module's work.
export function travel(_dialect: Dialect) {
  return {
    async up(_db: AnyDb) {},
  };
}
