/**
 * PAY-3c: an installation project contracted (承包) to an employee. The salary stops from the contract's start date
 * to its end (settlement) date; the payroll reads the contracts touching its month and core's payslip stops the base
 * by calendar days with its own explained line. A contract's days never reach into a closed month (the payroll of a
 * closed month is computed again from the same facts and must not change), and one person's contracts do not overlap.
 */
import type { TPayContractCreate, TPayContractOut, TPayContractSettle } from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, can } from '../../http/context';
import { forbidden, notFound, refuse, versionConflict } from '../../http/errors';
import { staffInScope } from '../appraisal/appraisal.repository';
import { recordAudit } from '../audit/audit.service';
import { assertMonthOpen } from '../months/months.service';
import * as repo from './pay.contracts.repository';

const need = (ctx: Ctx, permission: 'pay.read' | 'pay.manage') => {
  if (!can(ctx.actor, permission)) throw forbidden(`This needs the permission "${permission}"`);
};

const toOut = (r: repo.ContractRow): TPayContractOut => ({
  id: r.id,
  userId: r.user_id,
  userName: r.user_name,
  projectId: r.project_id,
  projectName: r.project_name,
  startOn: r.start_on,
  endOn: r.end_on,
  note: r.note,
  version: r.version,
});

const assertDates = (startOn: string, endOn: string | null) => {
  if (endOn !== null && endOn < startOn) throw refuse('rule_violation', 'pay.contractDates', { startOn, endOn }, { ruleId: 'PAY-3c' });
};

export async function listContracts(ctx: Ctx, userId: number | undefined): Promise<{ items: TPayContractOut[] }> {
  need(ctx, 'pay.read');
  return { items: (await repo.contractsInScope(ctx.db, ctx.actor, userId)).map(toOut) };
}

/** PAY-3c: the projects to choose from when contracting one (pay.manage: finance and HR read no project otherwise). */
export async function listProjectChoices(ctx: Ctx, q: string | undefined): Promise<{ items: { id: number; name: string }[] }> {
  need(ctx, 'pay.manage');
  return { items: await repo.projectChoices(ctx.db, q) };
}

export async function createContract(ctx: Ctx, body: TPayContractCreate): Promise<TPayContractOut> {
  need(ctx, 'pay.manage');
  const endOn = body.endOn ?? null;
  assertDates(body.startOn, endOn);
  const id = await ctx.db.transaction().execute(async (db) => {
    const [person] = await staffInScope(db, ctx.actor, body.userId);
    if (!person) throw notFound('Member of staff');
    if (!(await repo.projectExists(db, body.projectId))) throw notFound('Project');
    await assertMonthOpen(db, body.startOn);
    const clash = (await repo.contractsTouching(db, body.startOn, endOn ?? '9999-12-31', [body.userId]))[0];
    if (clash) throw refuse('conflict', 'pay.contractOverlap', { contractId: clash.id, startOn: clash.start_on }, { ruleId: 'PAY-3c' });
    const at = nowIso(ctx.clock);
    const row = {
      userId: body.userId,
      projectId: body.projectId,
      startOn: body.startOn,
      endOn,
      note: body.note ?? '',
      by: ctx.actor.id,
      at,
    };
    const newId = await repo.insertContract(db, row);
    await recordAudit(db, ctx, { action: 'pay.contract.create', entity: 'pay_contract', entityId: newId, before: null, after: body });
    return newId;
  });
  return toOut((await repo.contractById(ctx.db, id)) as repo.ContractRow);
}

/** PAY-3c: the settlement: the end date after which the salary resumes (null reopens the contract). */
export async function settleContract(ctx: Ctx, id: number, body: TPayContractSettle): Promise<TPayContractOut> {
  need(ctx, 'pay.manage');
  await ctx.db.transaction().execute(async (db) => {
    const before = await repo.contractById(db, id);
    if (!before || !(await staffInScope(db, ctx.actor, before.user_id))[0]) throw notFound('Contract');
    if (before.version !== body.version) throw versionConflict('Contract');
    assertDates(before.start_on, body.endOn);
    // the days that change pay lie after the earlier of the two end dates: neither may be in a closed month
    for (const end of [before.end_on, body.endOn]) if (end !== null) await assertMonthOpen(db, end);
    const clash = (await repo.contractsTouching(db, before.start_on, body.endOn ?? '9999-12-31', [before.user_id])).find(
      (c) => c.id !== id,
    );
    if (clash) throw refuse('conflict', 'pay.contractOverlap', { contractId: clash.id, startOn: clash.start_on }, { ruleId: 'PAY-3c' });
    if ((await repo.settleContract(db, id, body.version, body.endOn, ctx.actor.id, nowIso(ctx.clock))) === 0)
      throw versionConflict('Contract');
    await recordAudit(db, ctx, { action: 'pay.contract.settle', entity: 'pay_contract', entityId: id, before, after: body });
  });
  return toOut((await repo.contractById(ctx.db, id)) as repo.ContractRow);
}
