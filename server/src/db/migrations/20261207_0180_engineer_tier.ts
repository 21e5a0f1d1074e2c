import { sql } from 'kysely';
import type { AnyDb } from './helpers';

/**
 * ORG-1: tier 2 (二线) is a property of the engineer, no longer the skill tag "L2". Engineers who carried the tag
 * become tier 2, so escalation (SR-6) keeps finding the same people; the tag stays as an ordinary skill.
 */
export function engineerTier() {
  return {
    async up(db: AnyDb) {
      await db.schema
        .alterTable('users')
        .addColumn('tier', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await sql`update users set tier = 2 where id in (select user_id from user_skills where lower(skill) = 'l2')`.execute(db);
    },
  };
}
