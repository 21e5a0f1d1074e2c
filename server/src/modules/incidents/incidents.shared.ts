import type { TReasonKey, TReasonParams } from '@techserve/core';
import type { Actor } from '../../http/context';
import { AppError, fieldDetail, forbidden, refuse } from '../../http/errors';
import type { Db } from '../../http/context';
import * as repo from './incidents.repository';

/** A field's value refused by reason key: 422 naming the field (and the rule), nothing written. */
export const badField = (path: string, reason: TReasonKey, params: TReasonParams = {}, ruleId?: string) =>
  refuse('invalid_value', reason, params, { ruleId, details: [fieldDetail(path, reason, params)] });

/** A state that does not allow the step (409). */
export const illegalState = (state: string) => refuse('illegal_transition', 'common.illegalTransition', { state }, {});

export function assertCan(actor: Actor, ...permissions: Parameters<typeof actor.permissions.has>[0][]) {
  if (!permissions.some((p) => actor.permissions.has(p))) throw forbidden(`This needs the permission "${permissions.join('" or "')}"`);
}

/** An active member of staff (not a customer contact) and where they are filed, or a 422 on `path`. */
export async function staffMember(db: Db, userId: number, path: string, ruleId?: string) {
  const u = await repo.placeOf(db, userId);
  if (!u || u.status !== 'active' || u.customer_id != null) throw badField(path, 'incidents.noSuchEngineer', {}, ruleId);
  return { id: u.id, name: u.name, teamId: u.team_id, departmentId: u.department_id ?? u.team_department_id ?? null };
}

/**
 * Every id names an active member of staff (one query); otherwise 422 on `path` naming the first that does not, by the
 * caller's reason key ('training.noSuchUser', 'meetings.noSuchUser') and rule.
 */
export async function staffOrRefuse(db: Db, ids: number[], path: string, reason: TReasonKey, ruleId: string) {
  const unique = [...new Set(ids)];
  const found = await repo.activeStaffIn(db, unique);
  const missing = unique.find((id) => !found.some((f) => f.id === id));
  if (missing !== undefined) throw badField(path, reason, { userId: missing }, ruleId);
  return found;
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
