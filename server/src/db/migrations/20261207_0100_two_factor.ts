import type { Dialect } from '../database';
import { type AnyDb, tableWithId } from './helpers';

/**
 * Issue 18 item 6: optional two-factor sign-in (TOTP). A role may require it (off for every role until an
 * administrator turns it on); a user's authenticator secret (pending until confirmed with a code), the last time
 * step used (replay), hashed single-use recovery codes, and the short-lived challenges between password and code.
 */
export function twoFactor(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await db.schema
        .alterTable('roles')
        .addColumn('require_two_factor', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('user_two_factor')
        .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('enabled_at', 'text')
        .addColumn('last_step', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await tableWithId(db, dialect, 'two_factor_recovery_codes')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createIndex('two_factor_recovery_codes_user')
        .on('two_factor_recovery_codes')
        .columns(['user_id', 'code_hash'])
        .execute();
      await db.schema
        .createTable('two_factor_challenges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('two_factor_challenges_user').on('two_factor_challenges').column('user_id').execute();
    },
  };
}
