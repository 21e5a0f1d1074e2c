import { type AnyDb, grantToBuiltinRoles } from './helpers';

/** Issue 12 item 6: the executive dashboard for an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const DASHBOARD_GRANTS: Record<string, string[]> = {
  admin: ['dashboard.read'],
  gm: ['dashboard.read'],
  vp: ['dashboard.read'],
  supervisor: ['dashboard.read'],
};

export function dashboardGrants() {
  return {
    async up(db: AnyDb) {
      await grantToBuiltinRoles(db, DASHBOARD_GRANTS);
    },
  };
}
