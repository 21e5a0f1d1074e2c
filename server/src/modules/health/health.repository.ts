import { sql } from 'kysely';
import type { Db } from '../../http/context';

/** The liveness probe's query: the database answers a trivial statement (throws when it does not). */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
