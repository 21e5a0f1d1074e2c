import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, tableWithId, withStamps } from './helpers';

/** SR-11b: what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const SURVEYS_GRANTS: Record<string, string[]> = {
  admin: ['surveys.read', 'surveys.manage', 'surveys.answer'],
  gm: ['surveys.read'],
  vp: ['surveys.read'],
  supervisor: ['surveys.read', 'surveys.manage'],
  customer_contact: ['surveys.answer'],
};

/**
 * SR-11b: periodic satisfaction surveys. A round (`survey_rounds`) invites each contact of the chosen customers once
 * (`survey_invitations`, unique per round and contact); an answer is one `survey_responses` row per invitation (unique:
 * a contact answers once, even when two submissions race) with its `survey_answers`. `survey_round_engineers` holds
 * who served each customer in the surveyed period, for the per-engineer results. `survey_link_keys` keeps the secret
 * that signs the e-mailed links.
 */
export function surveys(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'survey_rounds'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('period_start', 'text', (c) => c.notNull())
        .addColumn('period_end', 'text', (c) => c.notNull())
        .addColumn('questions', 'text', (c) => c.notNull()) // JSON TSurveyQuestion[]
        // open | closed
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addColumn('closes_at', 'text', (c) => c.notNull())
        .addColumn('auto', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('explanation', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('policy_version', 'integer')
        .execute();
      await db.schema.createIndex('survey_rounds_period').on('survey_rounds').columns(['period_start']).execute();
      await tableWithId(db, dialect, 'survey_invitations')
        .addColumn('round_id', 'integer', (c) => c.notNull().references('survey_rounds.id'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('contact_id', 'integer', (c) => c.notNull().references('customer_contacts.id'))
        .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
        .addColumn('email', 'text')
        .addColumn('mailed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('answered_at', 'text')
        .addColumn('channel', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('survey_invitations_round_contact', ['round_id', 'contact_id'])
        .execute();
      await db.schema.createIndex('survey_invitations_customer').on('survey_invitations').columns(['customer_id']).execute();
      await db.schema
        .createTable('survey_round_engineers')
        .addColumn('round_id', 'integer', (c) => c.notNull().references('survey_rounds.id'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addPrimaryKeyConstraint('survey_round_engineers_pk', ['round_id', 'customer_id', 'user_id'])
        .execute();
      await tableWithId(db, dialect, 'survey_responses')
        .addColumn('invitation_id', 'integer', (c) => c.notNull().unique().references('survey_invitations.id'))
        .addColumn('round_id', 'integer', (c) => c.notNull().references('survey_rounds.id'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
        // link | portal
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('respondent_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('survey_responses_submitted').on('survey_responses').columns(['submitted_at']).execute();
      await db.schema
        .createTable('survey_answers')
        .addColumn('response_id', 'integer', (c) => c.notNull().references('survey_responses.id'))
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('grade', 'text')
        .addColumn('text', 'text')
        .addPrimaryKeyConstraint('survey_answers_pk', ['response_id', 'question_id'])
        .execute();
      await db.schema
        .createTable('survey_link_keys')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await grantToBuiltinRoles(db, SURVEYS_GRANTS);
    },
  };
}
