import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles } from './helpers';

/**
 * GOV-1: the GM approves policy versions (tested against DEFAULT_ROLES). The administrator holds every permission,
 * this one too, but never approves a version it submitted itself (four eyes, enforced by the service).
 */
export const POLICY_APPROVAL_GRANTS: Record<string, string[]> = { gm: ['policy.approve'], admin: ['policy.approve'] };

/**
 * GOV-1: a policy version is submitted for approval and takes effect only when approved. Existing versions keep
 * their state: published ones were in force before approval existed and stay so (like the first version of a
 * new install), drafts stay drafts.
 */
export function policyApproval(_dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      for (const [column, type] of [
        ['submitted_at', 'text'],
        ['submitted_by', 'integer'],
        ['approval_comment', 'text'],
        ['rejected_at', 'text'],
        ['rejected_by', 'integer'],
        ['rejection_comment', 'text'],
      ] as const) {
        await db.schema
          .alterTable('policy_versions')
          .addColumn(column, type, (c) => (column.endsWith('_by') ? c.references('users.id') : c))
          .execute();
      }
      await grantToBuiltinRoles(db, POLICY_APPROVAL_GRANTS);
    },
  };
}
