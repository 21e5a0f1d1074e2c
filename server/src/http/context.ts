import type { TDataScope, TPermission } from '@techserve/core';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/handle';
import type { DB } from '../db/schema';
import type { Clock } from './clock';

/** Who is acting: the resolved user with role, permissions and the attributes data scopes filter on. */
export type Actor = {
  id: number;
  username: string;
  name: string;
  roleId: number;
  roleKey: string;
  roleName: string;
  scope: TDataScope;
  permissions: ReadonlySet<TPermission>;
  departmentId: number | null;
  teamId: number | null;
  customerId: number | null;
  siteId: number | null;
  regionIds: number[];
  mustChangePassword: boolean;
  /** Issue 18 item 6: the user signs in with a second factor; the role requires one (then a session without it may only enrol). */
  twoFactorEnabled: boolean;
  twoFactorRequired: boolean;
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
};

export type { Db } from '../db/handle';

/** What a service call needs: the database, the clock, and who asks from where. */
export type Ctx = {
  db: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  /** The company's IANA time zone (TECHSERVE_TIME_ZONE): local dates, months and the policy in force. */
  timeZone: string;
  actor: Actor;
  ip: string | null;
  requestId: string | null;
};

export function can(actor: Actor, permission: TPermission): boolean {
  return actor.permissions.has(permission);
}
