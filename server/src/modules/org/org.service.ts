import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, invalidValue, notFound, versionConflict } from '../../http/errors';
import { assertRefsExist } from '../../http/refs';
import { recordAudit } from '../audit/audit.service';
import { type OrgEntity, camel, refsOf, snake } from './org-entities';

import * as repo from './org.repository';

type Row = Record<string, unknown>;

const fromRow = (row: Row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]));
const toColumns = (body: Row) =>
  Object.fromEntries(
    Object.entries(body)
      .filter(([k]) => k !== 'version')
      .map(([k, v]) => [snake(k), v]),
  );

export async function listOrg(ctx: Ctx, e: OrgEntity) {
  const rows = await repo.orgRows(ctx.db, e.table, e.orderBy);
  return { items: rows.map(fromRow) };
}

export async function getOrg(db: Db, e: OrgEntity, id: number) {
  const row = await repo.orgRow(db, e.table, id);
  if (!row) throw notFound(e.entity.replace('_', ' '));
  return fromRow(row);
}

/** A record may not be its own ancestor (departments and regions form trees). */
async function assertNoCycle(db: Db, e: OrgEntity, id: number, parentId: unknown) {
  let cursor = parentId as number | null | undefined;
  for (let depth = 0; cursor != null && depth < 100; depth++) {
    if (cursor === id) throw invalidValue('body.parentId', 'would make the record its own ancestor');
    const parent = await repo.orgParentRow(db, e.table, cursor);
    cursor = parent?.parent_id as number | null | undefined;
  }
}

export async function createOrg(ctx: Ctx, e: OrgEntity, body: Row) {
  return ctx.db.transaction().execute(async (trx) => {
    await assertRefsExist(trx, refsOf(e, body));
    const now = nowIso(ctx.clock);
    const { id } = await repo.insertOrgRow(trx, e.table, { ...toColumns(body), created_at: now, updated_at: now });
    const after = await getOrg(trx, e, id);
    await recordAudit(trx, ctx, { action: 'create', entity: e.entity, entityId: id, after });
    return after;
  });
}

export async function updateOrg(ctx: Ctx, e: OrgEntity, id: number, body: Row & { version: number }) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getOrg(trx, e, id);
    await assertRefsExist(trx, refsOf(e, body));
    if ('parentId' in body) await assertNoCycle(trx, e, id, body.parentId);
    const updated = await repo.updateOrgRow(trx, e.table, id, body.version, {
      ...toColumns(body),
      updated_at: nowIso(ctx.clock),
      version: Number(before.version) + 1,
    });
    if (!updated) throw versionConflict(e.entity.replace('_', ' '));
    const after = await getOrg(trx, e, id);
    await recordAudit(trx, ctx, { action: 'update', entity: e.entity, entityId: id, before, after });
    return after;
  });
}

export async function deleteOrg(ctx: Ctx, e: OrgEntity, id: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await getOrg(trx, e, id);
    try {
      await repo.deleteOrgRow(trx, e.table, id);
    } catch (err) {
      if (isForeignKeyViolation(err))
        throw new AppError('conflict', `The ${e.entity.replace('_', ' ')} is still in use; reassign what refers to it first`);
      throw err;
    }
    await recordAudit(trx, ctx, { action: 'delete', entity: e.entity, entityId: id, before });
  });
}

export function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}
