import type { TAuditEntry, TAuditQuery } from '@techserve/core';
import type { Ctx, Db } from '../../http/context';
import { nowIso } from '../../http/clock';
import { pageOf } from '../../http/pagination';
import { type AuditInsert, insertAuditEntries, listAuditEntries } from './audit.repository';

const SECRET_KEYS = new Set(['password', 'password_hash', 'passwordHash', 'token', 'token_hash', 'tokenHash', 'csrf_token']);

/** Secrets never reach the audit log (hashes included). */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.has(k) ? '[redacted]' : redact(v)]));
  }
  return value;
}

export type AuditChange = {
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
};

type AuditCtx = Pick<Ctx, 'clock' | 'ip' | 'requestId'> & { actor: { id: number; name: string } | null };

/** The row an audit entry is stored as (who, when, what, before/after with secrets redacted). */
export const auditRow = (ctx: AuditCtx, change: AuditChange): AuditInsert => ({
  at: nowIso(ctx.clock),
  actorId: ctx.actor?.id ?? null,
  actorName: ctx.actor?.name ?? null,
  action: change.action,
  entity: change.entity,
  entityId: change.entityId == null ? null : String(change.entityId),
  before: change.before === undefined ? null : JSON.stringify(redact(change.before)),
  after: change.after === undefined ? null : JSON.stringify(redact(change.after)),
  ip: ctx.ip,
  requestId: ctx.requestId,
});

/** Append one audit entry inside the caller's transaction (who, when, what, before/after). */
export async function recordAudit(db: Db, ctx: AuditCtx, change: AuditChange) {
  await insertAuditEntries(db, [auditRow(ctx, change)]);
}

export async function listAudit(ctx: Ctx, q: TAuditQuery): Promise<{ items: TAuditEntry[]; nextCursor: string | null }> {
  const rows = await listAuditEntries(ctx.db, q);
  const page = pageOf(rows, q.limit, (r) => [r.at, r.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before ? JSON.parse(r.before) : null,
      after: r.after ? JSON.parse(r.after) : null,
      ip: r.ip,
    })),
  };
}
