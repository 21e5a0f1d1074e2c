import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, tableWithId, withStamps } from './helpers';

/** SR-14/IN-1..3: what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const INCIDENTS_GRANTS: Record<string, string[]> = {
  admin: ['incidents.read', 'incidents.report', 'incidents.manage'],
  gm: ['incidents.read', 'incidents.report', 'incidents.manage'],
  vp: ['incidents.read', 'incidents.report'],
  supervisor: ['incidents.read', 'incidents.report', 'incidents.manage'],
  team_lead: ['incidents.read'],
  engineer: ['incidents.read'],
  product_expert: ['incidents.read'],
  agent: ['incidents.read', 'incidents.report'],
  sales: ['incidents.read', 'incidents.report'],
  sales_admin: ['incidents.read', 'incidents.report'],
  hr: ['incidents.read'],
};

/**
 * SR-14: complaints (客户投诉); IN-1..3: service incidents (服务事故) with the engineer's reflection and the supervisor's
 * review and notice. `incidents` (engineer_id, occurred_at, class_id, status) and `complaints` (about_user_id,
 * received_at) are read by month for the appraisal and the monthly service report.
 */
export function incidents(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'complaints'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('contact_id', 'integer', (c) => c.references('customer_contacts.id'))
        .addColumn('complainant_name', 'text', (c) => c.notNull())
        .addColumn('complainant_phone', 'text')
        // vpOrAbove | salesManager | salesAdmin | service
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('recipient_name', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('about_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
        .addColumn('letter_id', 'integer', (c) => c.references('responsibility_letters.id'))
        // IN-1: the product concerned, whose experts (R&D) a Class I alerts
        .addColumn('product_id', 'integer', (c) => c.references('products.id'))
        // open | acknowledged | handled | closed
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('proposed_class', 'text')
        .addColumn('proposal_explanation', 'text', (c) => c.notNull()) // JSON TExplanation (SR-14 → IN-1/IN-2)
        .addColumn('incident_id', 'integer')
        .addColumn('acknowledged_at', 'text')
        .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id'))
        .addColumn('acknowledge_note', 'text')
        .addColumn('handling', 'text')
        .addColumn('handled_at', 'text')
        .addColumn('handled_by', 'integer', (c) => c.references('users.id'))
        .addColumn('confirmed_by', 'text')
        .addColumn('confirmation_channel', 'text')
        .addColumn('confirmation_note', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('policy_version', 'integer')
        .execute();
      await db.schema.createIndex('complaints_received').on('complaints').columns(['received_at']).execute();
      await db.schema.createIndex('complaints_about').on('complaints').columns(['about_user_id', 'received_at']).execute();

      await withStamps(tableWithId(db, dialect, 'incidents'))
        .addColumn('class_id', 'text', (c) => c.notNull())
        // complaint | improperOperation | lateReport: the policy definition it meets
        .addColumn('basis', 'text', (c) => c.notNull())
        .addColumn('class_explanation', 'text', (c) => c.notNull()) // JSON TExplanation
        .addColumn('engineer_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
        .addColumn('letter_id', 'integer', (c) => c.references('responsibility_letters.id'))
        .addColumn('complaint_id', 'integer', (c) => c.references('complaints.id'))
        .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
        .addColumn('product_id', 'integer', (c) => c.references('products.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        // open | resolved | closed | void
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('mobilised_at', 'text')
        .addColumn('alerted', 'text', (c) => c.notNull().defaultTo('[]')) // JSON [{id, name, role}]
        .addColumn('resolution', 'text')
        .addColumn('resolved_at', 'text')
        .addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
        .addColumn('reflection_required', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('notice_required', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('reflection_due_at', 'text')
        .addColumn('reflection_due_explanation', 'text')
        .addColumn('reflection_obligation_id', 'integer')
        .addColumn('reflection_text', 'text')
        .addColumn('reflection_at', 'text')
        .addColumn('reflection_by', 'integer', (c) => c.references('users.id'))
        .addColumn('notice_due_at', 'text')
        .addColumn('notice_due_explanation', 'text')
        .addColumn('notice_obligation_id', 'integer')
        .addColumn('notice_owner_id', 'integer', (c) => c.references('users.id'))
        .addColumn('review_text', 'text')
        .addColumn('notice_text', 'text')
        .addColumn('notice_at', 'text')
        .addColumn('notice_by', 'integer', (c) => c.references('users.id'))
        .addColumn('void_reason', 'text')
        .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('policy_version', 'integer')
        .execute();
      await db.schema.createIndex('incidents_occurred').on('incidents').columns(['occurred_at']).execute();
      await db.schema.createIndex('incidents_engineer').on('incidents').columns(['engineer_id', 'occurred_at']).execute();
      await db.schema.createIndex('incidents_complaint').on('incidents').columns(['complaint_id']).execute();
      await grantToBuiltinRoles(db, INCIDENTS_GRANTS);
    },
  };
}
