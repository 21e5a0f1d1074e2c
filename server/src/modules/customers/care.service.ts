import {
  type TCareTask,
  type TCareTaskListQuery,
  type TCareTaskRecord,
  type TDeviceLogEntry,
  type TExplanation,
  computeWarranty,
  inspectionHorizonEnd,
  inspectionsDue,
  localDateOf,
  nextVisitDue,
} from '@techserve/core';
import { type Clock, nowIso, todayOf } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { notFound, refuse, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { systemActing } from '../obligations/obligations.service';
import { policyAt } from '../policy/policy-in-force';
import * as repo from './care.repository';
import { getInstalledProduct, warrantyPolicy } from './customers.service';

const toTask = (r: repo.TaskRow, today: string): TCareTask =>
  Object.assign(
    { id: r.id, version: r.version, kind: r.kind as TCareTask['kind'], customerId: r.customer_id, customerName: r.customer_name },
    {
      installedProductId: r.installed_product_id,
      productName: r.product_name ?? null,
      serialNumber: r.serial_number ?? null,
      regionId: r.region_id,
      period: r.period,
      dueDate: r.due_date,
      state: r.state as TCareTask['state'],
      overdue: r.state === 'open' && r.due_date < today,
      doneOn: r.done_on,
      recordedBy: r.recorded_by,
      note: r.note,
      explanation: JSON.parse(r.explanation) as TExplanation,
    },
  );

/** CU-1/CU-2: the region tasks the actor sees (its regions', or all with customers.manage). */
export async function listCareTasks(ctx: Ctx, q: TCareTaskListQuery): Promise<TCareTask[]> {
  const today = todayOf(ctx);
  return (await repo.listTasks(ctx.db, ctx.actor, q)).map((r) => toTask(r, today));
}

export async function getCareTask(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TCareTask> {
  const row = await repo.findTask(db, ctx.actor, id);
  if (!row) throw notFound('Task');
  return toTask(row, todayOf(ctx));
}

/** CU-1/CU-2: an engineer of the region records the visit or inspection as done (on a day not in the future) or missed. */
export async function recordCareTask(ctx: Ctx, id: number, body: TCareTaskRecord): Promise<TCareTask> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getCareTask(ctx, id, trx);
    const ruleId = before.kind === 'visit' ? 'CU-1' : 'CU-2';
    if (before.state !== 'open') throw refuse('conflict', 'customers.taskClosed', { state: before.state }, { ruleId });
    const today = todayOf(ctx);
    const doneOn = body.state === 'done' ? (body.doneOn ?? today) : null;
    if (doneOn && doneOn > today) throw refuse('invalid_value', 'customers.futureDate', { date: doneOn }, { ruleId });
    const ok = await repo.updateTask(trx, id, body.version, {
      state: body.state,
      done_on: doneOn,
      recorded_by: ctx.actor.id,
      note: body.note ?? null,
      updated_at: nowIso(ctx.clock),
    });
    if (!ok) throw versionConflict('Task');
    const after = await getCareTask(ctx, id, trx);
    await recordAudit(trx, ctx, { action: `care_task.${body.state}`, entity: 'customer_care_task', entityId: id, before, after });
    return after;
  });
}

/**
 * CU-1/CU-2 plan: open tasks past their day become missed; each installed product in warranty gets its free annual
 * inspections due within the horizon (policy `sla.warranty.freeAnnualInspections`, the policy in force at acceptance);
 * each customer with a region and no open visit gets its next visit (policy `sla.customerVisits.intervalDays`).
 * Idempotent: a task's key names its subject and period.
 */
export async function runCarePlan(db: Db, clock: Clock): Promise<{ opened: number; missed: number; asOf: string }> {
  const today = localDateOf(clock.now().getTime());
  const at = nowIso(clock);
  return db.transaction().execute(async (trx) => {
    const missed = await repo.markMissed(trx, today, at);
    const through = inspectionHorizonEnd(today);
    const rows: Parameters<typeof repo.insertTasks>[1] = [];
    const stamp = { state: 'open', created_at: at, updated_at: at };
    for (const p of await repo.productsForInspection(trx)) {
      const acceptedOn = p.accepted_on as string;
      const policy = await warrantyPolicy(trx, acceptedOn, today);
      const w = policy.document.sla.warranty;
      const policyRef = { months: w.months, replacedPartExtendsWarranty: w.replacedPartExtendsWarranty, version: policy.number };
      const warranty = computeWarranty({ acceptedOn, endOverride: p.warranty_end_override, replacements: [], policy: policyRef, today });
      const due = inspectionsDue({
        acceptedOn,
        warrantyEnd: warranty.endDate,
        perYear: w.freeAnnualInspections,
        from: today,
        through,
        policyVersion: policy.number,
      });
      for (const d of due) {
        rows.push(
          Object.assign(
            { kind: 'inspection', task_key: `inspection:${p.id}:${d.period}`, customer_id: p.customer_id, installed_product_id: p.id },
            { region_id: p.region_id, period: d.period, due_date: d.dueDate, explanation: JSON.stringify(d.explanation) },
            { policy_version: policy.number },
            stamp,
          ),
        );
      }
    }
    const visitPolicy = await policyAt(trx, today);
    if (visitPolicy) {
      for (const c of await repo.customersForVisits(trx)) {
        if (c.open_due) continue;
        const d = nextVisitDue({
          lastDoneOn: c.last_done_on,
          lastMissedDue: c.last_missed_due,
          planStart: localDateOf(Date.parse(c.created_at)),
          intervalDays: visitPolicy.document.sla.customerVisits.intervalDays,
          today,
          policyVersion: visitPolicy.number,
        });
        rows.push(
          Object.assign(
            { kind: 'visit', task_key: `visit:${c.id}:${d.dueDate}`, customer_id: c.id, installed_product_id: null },
            { region_id: c.region_id, period: d.period, due_date: d.dueDate, explanation: JSON.stringify(d.explanation) },
            { policy_version: visitPolicy.number },
            stamp,
          ),
        );
      }
    }
    const opened = await repo.insertTasks(trx, rows);
    if (opened > 0 || missed > 0) {
      await recordAudit(trx, systemActing(clock), {
        action: 'care_plan.run',
        entity: 'customer_care_task',
        entityId: null,
        after: { opened, missed, today },
      });
    }
    return { opened, missed, asOf: today };
  });
}

/** The job the scheduler runs: the care plan a few times a day (idempotent). */
export const customerCarePlanJob = (deps: { db: Db; clock: Clock }) => ({
  name: 'customers.carePlan',
  everyMs: 6 * 3_600_000,
  run: async () => {
    await runCarePlan(deps.db, deps.clock);
  },
});

/**
 * CU-2/CU-6: a device's history (设备档案) — acceptance, part replacements with their own warranty, devices taken in
 * and out for repair, inspections, service requests (faults) and the fees charged, oldest first.
 */
export async function deviceLog(ctx: Ctx, installedProductId: number): Promise<{ installedProductId: number; entries: TDeviceLogEntry[] }> {
  const product = await getInstalledProduct(ctx, installedProductId);
  const [custody, tasks, requests, fees] = await Promise.all([
    repo.listCustody(ctx.db, ctx.actor, { installedProductId }),
    repo.listTasks(ctx.db, Object.assign({}, ctx.actor, { scope: 'all' as const }), { installedProductId }),
    repo.requestsOfProduct(ctx.db, installedProductId),
    repo.feesOfProduct(ctx.db, installedProductId),
  ]);
  const entries: TDeviceLogEntry[] = [];
  const add = (at: string, kind: TDeviceLogEntry['kind'], text: string, refId: number | null) => entries.push({ at, kind, text, refId });
  if (product.acceptedOn) add(product.acceptedOn, 'accepted', `${product.serialNumber} → ${product.warranty.endDate ?? ''}`, null);
  for (const p of product.warranty.parts ?? []) add(p.replacedOn, 'part', `${p.part} → ${p.endDate}`, null);
  for (const c of custody) {
    add(c.received_at, 'custody_in', `${c.item}: ${c.condition_in} (${c.handed_in_by} / ${c.received_by_name})`, c.id);
    if (c.returned_at)
      add(
        c.returned_at,
        'custody_out',
        `${c.item}: ${c.condition_out ?? ''} (${c.taken_back_by ?? ''} / ${c.returned_by_name ?? ''})`,
        c.id,
      );
  }
  for (const t of tasks)
    if (t.state !== 'open') add(t.done_on ?? t.due_date, 'inspection', `${t.period} ${t.state}${t.note ? `: ${t.note}` : ''}`, t.id);
  for (const r of requests) add(r.created_at, 'request', `${r.number} ${r.title}${r.cause ? ` — ${r.cause}` : ''}`, r.id);
  for (const f of fees) add(f.agreed_on, 'fee', `${f.description}: ${(f.total_fen / 100).toFixed(2)}`, f.id);
  entries.sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));
  return { installedProductId, entries };
}
