import { type AnyDb, grantToBuiltinRoles } from './helpers';

/** FS-1..14, TR-1..4, AT-2/3: what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const FIELD_GRANTS: Record<string, string[]> = {
  admin: [
    'field.read',
    'field.notice',
    'field.work',
    'field.dispatch',
    'field.approve',
    'field.sign',
    'field.ledger',
    'travel.request',
    'travel.approve',
    'travel.finance',
    'projects.read',
    'projects.manage',
  ],
  gm: ['field.read', 'field.notice', 'field.sign', 'travel.approve', 'projects.read'],
  vp: ['field.read', 'projects.read'],
  supervisor: [
    'field.read',
    'field.work',
    'travel.request',
    'projects.read',
    'field.notice',
    'field.dispatch',
    'field.approve',
    'field.sign',
    'travel.approve',
    'projects.manage',
  ],
  team_lead: ['field.read', 'field.work', 'travel.request', 'projects.read', 'field.dispatch'],
  engineer: ['field.read', 'field.work', 'travel.request', 'projects.read'],
  product_expert: ['field.read', 'field.work', 'travel.request', 'projects.read'],
  agent: ['field.read', 'field.notice'],
  sales: ['field.read', 'field.notice', 'projects.read'],
  sales_admin: ['field.read', 'field.ledger', 'projects.read'],
  finance: ['field.read', 'travel.finance'],
};

export function fieldGrants() {
  return {
    async up(db: AnyDb) {
      await grantToBuiltinRoles(db, FIELD_GRANTS);
    },
  };
}
