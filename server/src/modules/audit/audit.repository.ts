import type { TAuditQuery } from '@techserve/core';
import type { Db } from '../../http/context';
import { decodeCursor } from '../../http/pagination';
import { preparedInsert } from '../../db/prepared';

export type AuditInsert = {
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  requestId: string | null;
};

const insertAuditRows = preparedInsert('audit_log', 'audit_log', [
  'at',
  'actor_id',
  'actor_name',
  'action',
  'entity',
  'entity_id',
  'before',
  'after',
  'ip',
  'request_id',
]);

/** The audit_log columns of an entry. */
export const auditValues = (e: AuditInsert) => ({
  at: e.at,
  actor_id: e.actorId,
  actor_name: e.actorName,
  action: e.action,
  entity: e.entity,
  entity_id: e.entityId,
  before: e.before,
  after: e.after,
  ip: e.ip,
  request_id: e.requestId,
});

export async function insertAuditEntries(db: Db, entries: AuditInsert[]): Promise<void> {
  await insertAuditRows(db, entries.map(auditValues));
}

/** Newest first, keyset on (at, id). */
export async function listAuditEntries(db: Db, q: TAuditQuery) {
  const after = decodeCursor(q.cursor, 2);
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_id', 'actor_name', 'action', 'entity', 'entity_id', 'before', 'after', 'ip'])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.from) query = query.where('at', '>=', new Date(q.from).toISOString());
  if (q.to) query = query.where('at', '<', new Date(q.to).toISOString());
  if (after) {
    const [at, id] = after as [string, number];
    query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
  }
  return query.execute();
}
