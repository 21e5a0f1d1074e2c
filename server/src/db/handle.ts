import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

/** The engines the same queries run on (design: one code path, two databases). */
export type Dialect = 'sqlite' | 'postgres';

/** A database handle or a transaction on it: repositories take either. */
export type Db = Kysely<DB> | Transaction<DB>;
