import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, tableWithId, withStamps } from './helpers';

/** RS-6/RS-7/RS-4b: who handles, approves and signs changes of resident personnel (tested against DEFAULT_ROLES). */
const STAFF_ROLES = ['gm', 'vp', 'supervisor', 'team_lead', 'engineer', 'product_expert', 'agent', 'sales', 'sales_admin', 'finance', 'hr'];
export const PERSONNEL_GRANTS: Record<string, string[]> = Object.assign(
  Object.fromEntries(STAFF_ROLES.map((r) => [r, ['personnel.sign']])),
  {
    admin: ['personnel.read', 'personnel.manage', 'personnel.approve', 'personnel.client', 'personnel.sign'],
    gm: ['personnel.sign', 'personnel.read', 'personnel.approve'],
    vp: ['personnel.sign', 'personnel.read'],
    supervisor: ['personnel.sign', 'personnel.read', 'personnel.manage', 'personnel.approve'],
    team_lead: ['personnel.sign', 'personnel.read', 'personnel.manage'],
    hr: ['personnel.sign', 'personnel.read', 'personnel.manage', 'personnel.approve'],
    client_it: ['personnel.read', 'personnel.client', 'personnel.sign'],
  },
);

/** The client IT office's second approval (RS-4b, item 3) on a company decision: pending | approved | rejected. */
async function addClientDecision(db: AnyDb, table: string) {
  for (const [name, type] of [
    ['client_status', 'text'],
    ['client_decided_by', 'integer'],
    ['client_decided_at', 'text'],
    ['client_comment', 'text'],
  ] as const)
    await db.schema.alterTable(table).addColumn(name, type).execute();
}

/**
 * Issue 14 item 12: a change of a resident (RS-6, announced by the company) or a replacement the client asked for
 * (RS-7), its request, two approvals, handover checklist, the client's test of the newcomer and the signatures of
 * the handover confirmation form (工作交接确认表); the client's second approval of resident leave extensions and
 * attendance corrections.
 */
export function personnel(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(
        tableWithId(db, dialect, 'personnel_changes')
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('site_id', 'integer', (c) => c.notNull().references('customer_sites.id'))
          .addColumn('outgoing_user_id', 'integer', (c) => c.notNull().references('users.id'))
          .addColumn('incoming_user_id', 'integer', (c) => c.references('users.id'))
          .addColumn('incoming_name', 'text')
          .addColumn('qualifications', 'text')
          .addColumn('cv_storage_key', 'text')
          .addColumn('cv_file_name', 'text')
          .addColumn('cv_content_type', 'text')
          .addColumn('cv_size', 'integer')
          .addColumn('cv_sha256', 'text')
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('reason_kind', 'text')
          .addColumn('notice_on', 'text')
          .addColumn('change_date', 'text')
          .addColumn('request_deadline', 'text')
          .addColumn('requested_on', 'text')
          .addColumn('due_date', 'text')
          .addColumn('company_decided_by', 'integer', (c) => c.references('users.id'))
          .addColumn('company_decided_at', 'text')
          .addColumn('company_comment', 'text')
          .addColumn('client_decided_by', 'integer', (c) => c.references('users.id'))
          .addColumn('client_decided_at', 'text')
          .addColumn('client_comment', 'text')
          .addColumn('handover_start', 'text')
          .addColumn('handover_end', 'text')
          // {item: {by, at, note}} of the items done (RS-6: operations documents, status report, on-site training)
          .addColumn('checklist', 'text', (c) => c.notNull().defaultTo('{}'))
          .addColumn('test_passed', 'integer')
          .addColumn('test_note', 'text')
          .addColumn('tested_by', 'integer', (c) => c.references('users.id'))
          .addColumn('tested_at', 'text')
          .addColumn('pdf_storage_key', 'text')
          .addColumn('pdf_sha256', 'text')
          .addColumn('completed_at', 'text')
          .addColumn('obligation_owner_id', 'integer', (c) => c.references('users.id'))
          .addColumn('explanations', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('policy_version', 'integer')
          .addColumn('team_id', 'integer')
          .addColumn('department_id', 'integer')
          .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id')),
      ).execute();
      await db.schema.createIndex('personnel_changes_site').on('personnel_changes').columns(['site_id', 'status']).execute();
      await db.schema.createIndex('personnel_changes_outgoing').on('personnel_changes').columns(['outgoing_user_id', 'status']).execute();
      await tableWithId(db, dialect, 'personnel_change_signatures')
        .addColumn('change_id', 'integer', (c) => c.notNull().references('personnel_changes.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        // device (drawn on screen, stored) | app (approved in the app)
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('storage_key', 'text')
        .addColumn('content_type', 'text')
        .addColumn('sha256', 'text')
        .addColumn('ip', 'text')
        .addColumn('signed_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('personnel_change_signatures_role', ['change_id', 'role'])
        .execute();
      await addClientDecision(db, 'attendance_corrections');
      await addClientDecision(db, 'leave_requests');
      await grantToBuiltinRoles(db, PERSONNEL_GRANTS);
    },
  };
}
