import type { Dialect } from '../database';
import { type AnyDb, tableWithId, withStamps } from './helpers';

/**
 * FS-12: installation projects on a service contract with their progress plan, material purchase list, cost
 * breakdown and handover documents; FS-13: deliveries checked and signed by the customer; FS-14: customer training
 * with sessions, trainees, attendance and per-trainee sign-off. Scope columns (department, team, region) are copied
 * onto each header row so the repository filters with one condition.
 */
export function projects(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'projects'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('contract_id', 'integer', (c) => c.notNull().references('service_contracts.id'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('site_id', 'integer', (c) => c.references('customer_sites.id'))
        .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
        .addColumn('manager_id', 'integer', (c) => c.references('users.id'))
        // planning | in_progress | commissioned | accepted | closed
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('started_on', 'text')
        .addColumn('commissioned_on', 'text')
        // FS-12: commissioned_on + the policy's acceptanceHandoverDays, with the days and policy version applied.
        .addColumn('acceptance_due_on', 'text')
        .addColumn('acceptance_days', 'integer')
        .addColumn('policy_version', 'integer')
        .addColumn('accepted_on', 'text')
        .addColumn('accepted_by', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .execute();
      await db.schema.createIndex('projects_status').on('projects').columns(['status', 'id']).execute();
      await db.schema.createIndex('projects_contract').on('projects').columns(['contract_id']).execute();

      await db.schema
        .createTable('project_members')
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addPrimaryKeyConstraint('project_members_pk', ['project_id', 'user_id'])
        .execute();
      await db.schema.createIndex('project_members_user').on('project_members').columns(['user_id']).execute();

      await withStamps(tableWithId(db, dialect, 'project_plan_items'))
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('planned_start', 'text', (c) => c.notNull())
        .addColumn('planned_end', 'text', (c) => c.notNull())
        .addColumn('done_percent', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('project_plan_items_project').on('project_plan_items').columns(['project_id']).execute();

      await withStamps(tableWithId(db, dialect, 'project_materials'))
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('spec', 'text')
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('unit', 'text')
        .addColumn('supplier', 'text')
        .addColumn('expected_arrival', 'text', (c) => c.notNull())
        .addColumn('arrived_on', 'text')
        .execute();
      await db.schema.createIndex('project_materials_project').on('project_materials').columns(['project_id']).execute();

      await withStamps(tableWithId(db, dialect, 'project_costs'))
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('amount_fen', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('project_costs_project').on('project_costs').columns(['project_id']).execute();

      await withStamps(tableWithId(db, dialect, 'project_handover_documents'))
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('document_id', 'text', (c) => c.notNull()) // an item id of policy fieldService.handoverDocuments
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('signed_by', 'text')
        .addColumn('signed_on', 'text')
        .addColumn('signed_recorded_by', 'integer', (c) => c.references('users.id'))
        .execute();
      await db.schema.createIndex('project_handover_documents_project').on('project_handover_documents').columns(['project_id']).execute();

      await withStamps(tableWithId(db, dialect, 'deliveries'))
        .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
        .addColumn('contract_id', 'integer', (c) => c.references('service_contracts.id'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('contact_id', 'integer', (c) => c.references('customer_contacts.id'))
        .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
        // planned | notified | signed
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('expected_on', 'text')
        .addColumn('notified_at', 'text')
        .addColumn('notified_by', 'integer', (c) => c.references('users.id'))
        .addColumn('signer_name', 'text')
        .addColumn('signature', 'text') // data:image/png;base64 URL
        .addColumn('signed_at', 'text')
        .addColumn('discrepancy', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .execute();
      await db.schema.createIndex('deliveries_project').on('deliveries').columns(['project_id']).execute();

      await tableWithId(db, dialect, 'delivery_items')
        .addColumn('delivery_id', 'integer', (c) => c.notNull().references('deliveries.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('spec', 'text')
        .addColumn('qty_expected', 'integer', (c) => c.notNull())
        .addColumn('qty_checked', 'integer')
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('delivery_items_delivery').on('delivery_items').columns(['delivery_id']).execute();

      await withStamps(tableWithId(db, dialect, 'trainings'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
        .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
        .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull()) // open | completed
        .addColumn('completed_at', 'text')
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .execute();
      await db.schema.createIndex('trainings_project').on('trainings').columns(['project_id']).execute();

      await withStamps(tableWithId(db, dialect, 'training_sessions'))
        .addColumn('training_id', 'integer', (c) => c.notNull().references('trainings.id'))
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('training_sessions_training').on('training_sessions').columns(['training_id']).execute();

      await withStamps(tableWithId(db, dialect, 'training_trainees'))
        .addColumn('training_id', 'integer', (c) => c.notNull().references('trainings.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'text')
        .addColumn('signed_off_at', 'text')
        .addColumn('signed_off_by', 'integer', (c) => c.references('users.id'))
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('training_trainees_training').on('training_trainees').columns(['training_id']).execute();

      await db.schema
        .createTable('training_attendance')
        .addColumn('session_id', 'integer', (c) => c.notNull().references('training_sessions.id'))
        .addColumn('trainee_id', 'integer', (c) => c.notNull().references('training_trainees.id'))
        .addPrimaryKeyConstraint('training_attendance_pk', ['session_id', 'trainee_id'])
        .execute();
    },
  };
}
