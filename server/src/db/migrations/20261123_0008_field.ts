import type { Dialect } from '../database';
import { type AnyDb, makeAppendOnly, tableWithId, withStamps } from './helpers';

/**
 * FS-1 service notices, FS-2/4/5/10 responsibility letters with their engineers and appointment history,
 * FS-11 stand-up plans, and the per-user iCalendar feed tokens (only a hash is stored).
 */
export function field(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'service_notices'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
        .addColumn('customer_unit', 'text')
        .addColumn('site_id', 'integer', (c) => c.references('customer_sites.id'))
        .addColumn('site_address', 'text')
        .addColumn('contact_name', 'text', (c) => c.notNull())
        .addColumn('contact_phone', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('requirements', 'text', (c) => c.notNull())
        .addColumn('site_situation', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('signed_by', 'integer', (c) => c.references('users.id'))
        .addColumn('signed_as', 'text')
        .addColumn('signed_at', 'text')
        .addColumn('gm_absent_reason', 'text')
        .addColumn('rejected_by', 'integer', (c) => c.references('users.id'))
        .addColumn('rejected_at', 'text')
        .addColumn('reject_reason', 'text')
        .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
        .execute();
      await db.schema.createIndex('service_notices_status').on('service_notices').columns(['status', 'id']).execute();
      await db.schema.createIndex('service_notices_author').on('service_notices').columns(['created_by', 'id']).execute();

      await withStamps(tableWithId(db, dialect, 'responsibility_letters'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('notice_id', 'integer', (c) => c.references('service_notices.id'))
        .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('site_id', 'integer', (c) => c.references('customer_sites.id'))
        .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('site_confirmation', 'text') // JSON TSiteConfirmation
        .addColumn('site_mismatch', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('site_clarification', 'text') // JSON {note, by, at}
        .addColumn('planned_solution', 'text')
        .addColumn('kit', 'text', (c) => c.notNull().defaultTo('[]')) // JSON TKitItem[]
        .addColumn('appointment_at', 'text')
        .addColumn('estimated_minutes', 'integer')
        .addColumn('travel_plan', 'text') // JSON TTravelPlan
        .addColumn('submitted_at', 'text')
        .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
        .addColumn('approved_at', 'text')
        .addColumn('reject_reason', 'text')
        .addColumn('confirmed_by', 'integer', (c) => c.references('users.id'))
        .addColumn('confirmed_at', 'text')
        .addColumn('booked_by', 'integer', (c) => c.references('users.id'))
        .addColumn('booked_at', 'text')
        .addColumn('ledger_note', 'text')
        .addColumn('evaluation', 'text') // JSON, FS-10: the customer's rating at booking time
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .execute();
      await db.schema.createIndex('responsibility_letters_status').on('responsibility_letters').columns(['status', 'id']).execute();
      await db.schema.createIndex('responsibility_letters_appointment').on('responsibility_letters').columns(['appointment_at']).execute();
      await db.schema.createIndex('responsibility_letters_notice').on('responsibility_letters').columns(['notice_id']).execute();
      await db.schema.createIndex('responsibility_letters_ticket').on('responsibility_letters').columns(['ticket_id']).execute();
      await db.schema.createIndex('responsibility_letters_booked').on('responsibility_letters').columns(['booked_at']).execute();

      await db.schema
        .createTable('letter_engineers')
        .addColumn('letter_id', 'integer', (c) => c.notNull().references('responsibility_letters.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('is_lead', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('letter_engineers_pk', ['letter_id', 'user_id'])
        .execute();
      await db.schema.createIndex('letter_engineers_user').on('letter_engineers').columns(['user_id', 'letter_id']).execute();

      // FS-5: every re-booking with the call that announced it; append-only.
      await tableWithId(db, dialect, 'letter_appointment_changes')
        .addColumn('letter_id', 'integer', (c) => c.notNull().references('responsibility_letters.id'))
        .addColumn('from_at', 'text')
        .addColumn('to_at', 'text', (c) => c.notNull())
        .addColumn('called_at', 'text', (c) => c.notNull())
        .addColumn('called_whom', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('changed_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('letter_appointment_changes_letter')
        .on('letter_appointment_changes')
        .columns(['letter_id', 'id'])
        .execute();
      await makeAppendOnly(db, dialect, 'letter_appointment_changes');

      // FS-11: the plan an engineer (or their lead) writes for a day.
      await withStamps(tableWithId(db, dialect, 'standup_plans'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
        .addUniqueConstraint('standup_plans_user_date', ['user_id', 'date'])
        .execute();

      await db.schema
        .createTable('schedule_feed_tokens')
        .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
