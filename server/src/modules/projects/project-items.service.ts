import type {
  TCostCreate,
  TCostUpdate,
  TMaterialCreate,
  TMaterialUpdate,
  TPlanItemCreate,
  TPlanItemUpdate,
  TProject,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { invalidValue, notFound, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { type ProjectRow, assertCanManage, assertCanWork, projectFor } from './projects.access.repository';
import { getProject } from './projects.service';
import { type ItemTable } from './projects.repository';
import * as repo from './projects.repository';

// FS-12: the progress plan (进度计划), material purchase list (材料采购清单) and cost breakdown (费用明细) of a project.
// Members keep the plan's progress and the materials' arrival up to date; the cost breakdown is for projects.manage.

const ENTITY: Record<ItemTable, { name: string; managersOnly: boolean }> = {
  project_plan_items: { name: 'Plan item', managersOnly: false },
  project_materials: { name: 'Material', managersOnly: false },
  project_costs: { name: 'Cost', managersOnly: true },
};

async function assertMayEdit(ctx: Ctx, table: ItemTable, project: ProjectRow, db: Db) {
  if (ENTITY[table].managersOnly) assertCanManage(ctx);
  else await assertCanWork(ctx, project, db);
}

async function addItem(ctx: Ctx, table: ItemTable, projectId: number, values: Record<string, unknown>): Promise<TProject> {
  return ctx.db.transaction().execute(async (trx) => {
    const project = await projectFor(ctx, projectId, trx);
    await assertMayEdit(ctx, table, project, trx);
    const now = nowIso(ctx.clock);
    const { id } = await repo.insertItem(trx, table, { ...values, project_id: projectId, created_at: now, updated_at: now });
    await recordAudit(trx, ctx, { action: 'create', entity: table, entityId: id, after: { projectId, ...values } });
    return getProject(ctx, projectId, trx);
  });
}

async function itemFor(ctx: Ctx, table: ItemTable, id: number, db: Db) {
  const row = await repo.itemRow(db, table, id);
  if (!row) throw notFound(ENTITY[table].name);
  // 404 as well when the item's project is out of the actor's scope.
  const project = await projectFor(ctx, row.project_id, db).catch(() => {
    throw notFound(ENTITY[table].name);
  });
  await assertMayEdit(ctx, table, project, db);
  return { row, project };
}

async function updateItem(
  ctx: Ctx,
  table: ItemTable,
  id: number,
  version: number,
  values: Record<string, unknown>,
  check?: (merged: Record<string, unknown>) => void,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await itemFor(ctx, table, id, trx);
    if (row.version !== version) throw versionConflict(ENTITY[table].name);
    const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    check?.({ ...row, ...set });
    const updated = await repo.updateItemAtVersion(trx, table, id, version, {
      ...set,
      updated_at: nowIso(ctx.clock),
      version: row.version + 1,
    });
    if (!updated) throw versionConflict(ENTITY[table].name);
    await recordAudit(trx, ctx, { action: 'update', entity: table, entityId: id, before: row, after: set });
    return getProject(ctx, row.project_id, trx);
  });
}

async function deleteItem(ctx: Ctx, table: ItemTable, id: number): Promise<TProject> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await itemFor(ctx, table, id, trx);
    await repo.deleteItem(trx, table, id);
    await recordAudit(trx, ctx, { action: 'delete', entity: table, entityId: id, before: row });
    return getProject(ctx, row.project_id, trx);
  });
}

const planColumns = (b: Partial<TPlanItemCreate>) => ({
  name: b.name,
  planned_start: b.plannedStart,
  planned_end: b.plannedEnd,
  done_percent: b.donePercent,
});
const materialColumns = (b: Partial<TMaterialCreate>) => ({
  name: b.name,
  spec: b.spec,
  quantity: b.quantity,
  unit: b.unit,
  supplier: b.supplier,
  expected_arrival: b.expectedArrival,
  arrived_on: b.arrivedOn,
});
const costColumns = (b: Partial<TCostCreate>) => ({ category: b.category, description: b.description, amount_fen: b.amountFen });
const nullsFor = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x ?? null]));

/** The plan item's end stays on or after its start after a partial update (422 naming plannedEnd). */
const orderedPlan = (m: Record<string, unknown>) => {
  if (String(m.planned_end) < String(m.planned_start))
    throw invalidValue('body.plannedEnd', `must not be before plannedStart (${String(m.planned_start)})`);
};

export const addPlanItem = (ctx: Ctx, projectId: number, b: TPlanItemCreate) =>
  addItem(ctx, 'project_plan_items', projectId, planColumns(b));
export const updatePlanItem = (ctx: Ctx, id: number, b: TPlanItemUpdate) =>
  updateItem(ctx, 'project_plan_items', id, b.version, planColumns(b), orderedPlan);
export const deletePlanItem = (ctx: Ctx, id: number) => deleteItem(ctx, 'project_plan_items', id);
export const addMaterial = (ctx: Ctx, projectId: number, b: TMaterialCreate) =>
  addItem(ctx, 'project_materials', projectId, nullsFor(materialColumns(b)));
export const updateMaterial = (ctx: Ctx, id: number, b: TMaterialUpdate) =>
  updateItem(ctx, 'project_materials', id, b.version, materialColumns(b));
export const deleteMaterial = (ctx: Ctx, id: number) => deleteItem(ctx, 'project_materials', id);
export const addCost = (ctx: Ctx, projectId: number, b: TCostCreate) => addItem(ctx, 'project_costs', projectId, nullsFor(costColumns(b)));
export const updateCost = (ctx: Ctx, id: number, b: TCostUpdate) => updateItem(ctx, 'project_costs', id, b.version, costColumns(b));
export const deleteCost = (ctx: Ctx, id: number) => deleteItem(ctx, 'project_costs', id);
