import { sql } from 'kysely';
import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, makeAppendOnly, tableWithId, withStamps } from './helpers';

/**
 * SR-1..13, SLA-1..4: service requests with their timeline, attachments, escalations (SR-6), ratings (FS-8),
 * change requests (SR-12), follow-ups (回访, SR-11), saved views, SLA alerts (SLA-4) and the search index.
 */
// What this release grants the built-in roles of an existing install (a fresh install gets them from DEFAULT_ROLES).
export const TICKET_GRANTS: Record<string, string[]> = {
  admin: ['tickets.read', 'tickets.create', 'tickets.work', 'tickets.assign', 'tickets.manage', 'tickets.approve', 'tickets.confirm'],
  gm: ['tickets.read', 'tickets.approve'],
  vp: ['tickets.read'],
  supervisor: ['tickets.read', 'tickets.create', 'tickets.work', 'tickets.confirm', 'tickets.assign', 'tickets.manage'],
  team_lead: ['tickets.read', 'tickets.create', 'tickets.work', 'tickets.confirm', 'tickets.assign'],
  engineer: ['tickets.read', 'tickets.create', 'tickets.work', 'tickets.confirm'],
  product_expert: ['tickets.read', 'tickets.create', 'tickets.work', 'tickets.confirm'],
  agent: ['tickets.read', 'tickets.create', 'tickets.assign', 'tickets.manage'],
  sales: ['tickets.read', 'tickets.create'],
  sales_admin: ['tickets.read'],
  customer_contact: ['tickets.read', 'tickets.create', 'tickets.confirm'],
};

export function tickets(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await grantToBuiltinRoles(db, TICKET_GRANTS);

      // SR-2: one counter row per company-local day gives SR-YYYYMMDD-NNNN without gaps between concurrent creates.
      await db.schema
        .createTable('ticket_counters')
        .addColumn('day', 'text', (c) => c.primaryKey())
        .addColumn('last', 'integer', (c) => c.notNull())
        .execute();

      let t = withStamps(tableWithId(db, dialect, 'tickets'))
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('contact_id', 'integer', (c) => c.references('customer_contacts.id'))
        .addColumn('site_id', 'integer', (c) => c.references('customer_sites.id'))
        .addColumn('installed_product_id', 'integer', (c) => c.references('installed_products.id'))
        .addColumn('product_id', 'integer', (c) => c.references('products.id'))
        .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
        .addColumn('contract_id', 'integer', (c) => c.references('service_contracts.id'))
        .addColumn('urgency', 'text', (c) => c.notNull())
        .addColumn('impact', 'text', (c) => c.notNull())
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('priority_explanation', 'text', (c) => c.notNull())
        .addColumn('eligibility', 'text', (c) => c.notNull())
        .addColumn('eligibility_explanation', 'text', (c) => c.notNull())
        .addColumn('sla_level_id', 'text', (c) => c.notNull())
        .addColumn('calendar_id', 'integer', (c) => c.references('calendars.id'))
        .addColumn('policy_version', 'integer')
        .addColumn('needs_visit', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
        .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('tier', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('cause', 'text')
        .addColumn('solution', 'text')
        .addColumn('committed_at', 'text')
        .addColumn('cancel_reason', 'text')
        .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
        // The SLA clock's history (SLA-2/3): [{at, type}] in time order; the clock is recomputed from it.
        .addColumn('sla_events', 'text', (c) => c.notNull().defaultTo('[]'))
        // Denormalised from the clock on every change, for queues and filters (SLA-4).
        .addColumn('next_due_at', 'text')
        .addColumn('sla_breached', 'integer', (c) => c.notNull().defaultTo(0))
        // running | near_breach | breached | paused | done — exact per calendar, refreshed on writes and by the SLA scan.
        .addColumn('sla_state', 'text', (c) => c.notNull().defaultTo('running'))
        .addColumn('assigned_at', 'text')
        .addColumn('resolved_at', 'text')
        .addColumn('closed_at', 'text');
      if (dialect === 'postgres') t = t.addColumn('search_vector', sql`tsvector`);
      await t.execute();

      const index = (name: string, ...columns: string[]) => db.schema.createIndex(name).on('tickets').columns(columns).execute();
      await index('tickets_state_idx', 'state', 'id');
      await index('tickets_assignee_idx', 'assignee_id', 'state', 'id');
      // SR-4: each engineer's last assignment, one seek per candidate (tickets.assignment.ts).
      await index('tickets_assignee_assigned_idx', 'assignee_id', 'assigned_at');
      await index('tickets_customer_idx', 'customer_id', 'id');
      await index('tickets_team_idx', 'team_id', 'state', 'id');
      await index('tickets_region_idx', 'region_id', 'id');
      await index('tickets_product_idx', 'product_id', 'id');
      await index('tickets_priority_idx', 'priority', 'id');
      await index('tickets_next_due_idx', 'next_due_at');
      await index('tickets_sla_state_idx', 'sla_state', 'id');
      await index('tickets_created_idx', 'created_at');
      await index('tickets_site_idx', 'site_id');
      // The own scope (requests created by me) and the list's own-scope id list (tickets.repository.ts).
      await index('tickets_created_by_idx', 'created_by', 'id');
      if (dialect === 'postgres') {
        await sql`CREATE INDEX tickets_search_idx ON tickets USING gin (search_vector)`.execute(db);
      } else {
        // Terms come segmented from core (indexTerms): space-separated, so unicode61 keeps each term whole.
        await sql`CREATE VIRTUAL TABLE ticket_search USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
      }

      await tableWithId(db, dialect, 'ticket_entries')
        .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('visibility', 'text', (c) => c.notNull())
        .addColumn('author_id', 'integer', (c) => c.references('users.id'))
        .addColumn('body', 'text')
        .addColumn('data', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ticket_entries_ticket_idx').on('ticket_entries').columns(['ticket_id', 'id']).execute();
      // SR-10: the record of the whole process is kept, never rewritten.
      await makeAppendOnly(db, dialect, 'ticket_entries');

      await tableWithId(db, dialect, 'ticket_attachments')
        .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
        .addColumn('entry_id', 'integer', (c) => c.references('ticket_entries.id'))
        .addColumn('visibility', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ticket_attachments_ticket_idx').on('ticket_attachments').columns(['ticket_id', 'id']).execute();

      await tableWithId(db, dialect, 'ticket_escalations')
        .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('from_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('to_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('rnd_person', 'text')
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('target_at', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('answered_at', 'text')
        .addColumn('answered_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ticket_escalations_ticket_idx').on('ticket_escalations').column('ticket_id').execute();
      await db.schema.createIndex('ticket_escalations_to_idx').on('ticket_escalations').columns(['to_user_id', 'state']).execute();
      await db.schema.createIndex('ticket_escalations_from_idx').on('ticket_escalations').column('from_user_id').execute();

      await db.schema
        .createTable('ticket_ratings')
        .addColumn('ticket_id', 'integer', (c) => c.primaryKey().references('tickets.id'))
        .addColumn('attitude', 'text', (c) => c.notNull())
        .addColumn('skill', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('via', 'text', (c) => c.notNull())
        .addColumn('signed_by', 'text')
        .addColumn('signature', 'text')
        .addColumn('rated_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // FS-8: a rating and its signature are stored immutably with who and when.
      await makeAppendOnly(db, dialect, 'ticket_ratings');

      await db.schema
        .createTable('ticket_change_requests')
        .addColumn('ticket_id', 'integer', (c) => c.primaryKey().references('tickets.id'))
        .addColumn('customer_written_confirmation', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('confirmation_note', 'text')
        .addColumn('discussed_with_sales', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('discussed_with_rnd', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_comment', 'text')
        .execute();

      await withStamps(tableWithId(db, dialect, 'ticket_followups'))
        .addColumn('ticket_id', 'integer', (c) => c.notNull().unique().references('tickets.id'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('satisfaction', 'text')
        .addColumn('note', 'text')
        .addColumn('done_at', 'text')
        .addColumn('done_by', 'integer', (c) => c.references('users.id'))
        .execute();
      await db.schema.createIndex('ticket_followups_due_idx').on('ticket_followups').columns(['state', 'due_on']).execute();
      await db.schema.createIndex('ticket_followups_customer_idx').on('ticket_followups').column('customer_id').execute();

      await tableWithId(db, dialect, 'ticket_views')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('query', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ticket_views_user_idx').on('ticket_views').column('user_id').execute();

      // SLA-4: one alert per ticket, target, kind and due instant, so N instances notify once.
      await tableWithId(db, dialect, 'ticket_sla_alerts')
        .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('ticket_sla_alerts_once', ['ticket_id', 'target', 'kind', 'due_at'])
        .execute();
    },
  };
}
