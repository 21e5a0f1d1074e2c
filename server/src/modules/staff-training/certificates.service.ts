import {
  type TCertificate,
  type TTestTask,
  type ZCertificateCreate,
  type ZCertificateUpdate,
  type ZTestTaskCreate,
  type ZTestTaskUpdate,
  certificateStatus,
} from '@techserve/core';
import type { z } from 'zod';
import { nowIso, todayOf } from '../../http/clock';
import type { Clock } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { fieldDetail, forbidden, notFound, refuse } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { addDays } from '../field/field.dates';
import { notify } from '../notifications/notifications.service';
import { managersOf } from '../org/approvers';
import { policyOn } from '../policy/policy-in-force';
import { staffOrRefuse, viewerOf } from './sessions.service';
import * as repo from './staff-training.repository';

// TRN-3: professional certificates with expiry reminders; TRN-2: product test tasks with R&D (test documents, user
// guides, production tasks) for engineers between trips.

async function reminderDays(db: Db, today: string) {
  const policy = await policyOn(db, today);
  return { days: policy.document.incidents.training.certificateReminderDays, version: policy.number };
}

function toCertificate(r: repo.CertificateRow, today: string, rule: { days: number; version: number }): TCertificate {
  const status = certificateStatus(r.expires_on, today, rule.days, rule.version);
  return {
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    name: r.name,
    issuer: r.issuer,
    number: r.number,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
    state: status.state,
    daysLeft: status.daysLeft,
    explanation: status.explanation,
    remindedAt: r.reminded_at,
    version: r.version,
  };
}

/** One's own certificates, or anyone's with training.manage. */
async function certificateFor(ctx: Ctx, id: number, db: Db = ctx.db) {
  const row = await repo.findCertificate(db, viewerOf(ctx), id);
  if (!row) throw notFound('Certificate');
  return row;
}

export async function listCertificates(ctx: Ctx, q: { limit: number; cursor?: string; userId?: number; state?: TCertificate['state'] }) {
  const today = todayOf(ctx);
  const rule = await reminderDays(ctx.db, today);
  const after = cursorId(q.cursor);
  // The state is the core's (TRN-3); as a filter it is the same date comparison.
  const rows = await repo.listCertificateRows(ctx.db, {
    userId: can(ctx.actor, 'training.manage') ? q.userId : ctx.actor.id,
    state: q.state,
    today,
    remindBy: addDays(today, rule.days),
    after,
    limit: q.limit + 1,
  });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: items.map((r) => toCertificate(r, today, rule)), nextCursor };
}

const checkDates = (issuedOn: string | null | undefined, expiresOn: string | null | undefined) => {
  if (issuedOn && expiresOn && expiresOn < issuedOn)
    throw refuse('invalid_value', 'field.invalid', {}, { ruleId: 'TRN-3', details: [fieldDetail('body.expiresOn', 'field.invalid')] });
};

/** TRN-3: records a certificate — one's own, or anyone's with training.manage. */
export async function createCertificate(ctx: Ctx, body: z.output<typeof ZCertificateCreate>): Promise<TCertificate> {
  const userId = body.userId ?? ctx.actor.id;
  if (userId !== ctx.actor.id && !can(ctx.actor, 'training.manage'))
    throw forbidden('Others’ certificates are recorded by a training manager');
  checkDates(body.issuedOn, body.expiresOn);
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    await staffOrRefuse(db, [userId], 'body.userId');
    const row = {
      id: await repo.insertCertificate(db, {
        user_id: userId,
        name: body.name,
        issuer: body.issuer || null,
        number: body.number || null,
        issued_on: body.issuedOn ?? null,
        expires_on: body.expiresOn ?? null,
        created_by: ctx.actor.id,
        created_at: at,
        updated_at: at,
      }),
    };
    await recordAudit(db, ctx, {
      action: 'staff_training.certificate.create',
      entity: 'certificate',
      entityId: row.id,
      after: { ...body, userId },
    });
    return row.id;
  });
  const today = todayOf(ctx);
  return toCertificate(await certificateFor(ctx, id), today, await reminderDays(ctx.db, today));
}

/** A renewed certificate (a new expiry date) is reminded again before its new expiry. */
export async function updateCertificate(ctx: Ctx, id: number, body: z.output<typeof ZCertificateUpdate>): Promise<TCertificate> {
  checkDates(body.issuedOn, body.expiresOn);
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await certificateFor(ctx, id, db);
    const set = {
      name: body.name,
      issuer: body.issuer || null,
      number: body.number || null,
      issued_on: body.issuedOn ?? null,
      expires_on: body.expiresOn ?? null,
    };
    await repo.bump(db, 'certificates', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'staff_training.certificate.update',
      entity: 'certificate',
      entityId: id,
      before: { expires_on: row.expires_on },
      after: set,
    });
  });
  const today = todayOf(ctx);
  return toCertificate(await certificateFor(ctx, id), today, await reminderDays(ctx.db, today));
}

/**
 * TRN-3: reminds the holder and their managers once per expiry date, from the policy's reminder days before it
 * (expiry − N, that day included). Several instances and repeated runs remind once (`reminded_for` is set in the
 * same statement that claims the certificate).
 */
export async function remindCertificates(db: Db, clock: Clock): Promise<number> {
  const today = todayOf({ clock });
  const rule = await reminderDays(db, today);
  const due = await repo.certificatesToRemind(db, addDays(today, rule.days), 500);
  const at = nowIso(clock);
  let sent = 0;
  for (const c of due) {
    if (!(await repo.claimReminder(db, c.id, c.expires_on as string, at))) continue;
    const status = toCertificate(c, today, rule);
    await notify(db, at, {
      userIds: [c.user_id, ...(await managersOf(db, c.user_id))],
      kind: 'certificate_expiry',
      message: 'training.certificateExpiry',
      params: { name: c.user_name, certificate: c.name, explanation: status.explanation.text },
      link: '/staff-training/certificates',
    });
    sent++;
  }
  return sent;
}

export const certificateReminderJob = (deps: { db: Db; clock: Clock }) => ({
  name: 'training.certificate-reminders',
  everyMs: 6 * 60 * 60_000,
  run: async () => {
    await remindCertificates(deps.db, deps.clock);
  },
});

// Test tasks (TRN-2) ---------------------------------------------------------------------------------------------------

async function toTasks(db: Db, rows: repo.TestTaskRow[], today: string): Promise<TTestTask[]> {
  const travelling = await repo.travellingOn(db, [...new Set(rows.map((r) => r.assignee_id))], today);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as TTestTask['kind'],
    title: r.title,
    productId: r.product_id,
    productName: r.product_name,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    rndContact: r.rnd_contact,
    dueOn: r.due_on,
    description: r.description,
    status: r.status as TTestTask['status'],
    result: r.result,
    doneAt: r.done_at,
    assigneeTravelling: travelling.has(r.assignee_id),
    createdByName: r.creator_name,
    version: r.version,
  }));
}

async function taskFor(ctx: Ctx, id: number, db: Db = ctx.db) {
  const row = await repo.findTestTask(db, viewerOf(ctx), id);
  if (!row) throw notFound('Test task');
  return row;
}

export async function listTestTasks(ctx: Ctx, q: { limit: number; cursor?: string; view: 'mine' | 'all'; status?: TTestTask['status'] }) {
  const after = cursorId(q.cursor);
  const rows = await repo.listTestTaskRows(ctx.db, viewerOf(ctx), { mine: q.view === 'mine', status: q.status, after, limit: q.limit + 1 });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: await toTasks(ctx.db, items, todayOf(ctx)), nextCursor };
}

/** TRN-2: gives an engineer a product test, test document, user guide or production task with R&D. */
export async function createTestTask(ctx: Ctx, body: z.output<typeof ZTestTaskCreate>): Promise<TTestTask> {
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    const [assignee] = await staffOrRefuse(db, [body.assigneeId], 'body.assigneeId');
    if (body.productId != null && !(await repo.productName(db, body.productId)))
      throw refuse(
        'invalid_value',
        'training.noSuchProduct',
        {},
        { ruleId: 'TRN-2', details: [fieldDetail('body.productId', 'training.noSuchProduct')] },
      );
    const row = {
      id: await repo.insertTestTask(db, {
        kind: body.kind,
        title: body.title,
        product_id: body.productId ?? null,
        assignee_id: assignee.id,
        rnd_contact: body.rndContact || null,
        due_on: body.dueOn ?? null,
        description: body.description || null,
        status: 'assigned',
        team_id: assignee.team_id,
        department_id: assignee.department_id ?? assignee.team_department_id,
        created_by: ctx.actor.id,
        created_at: at,
        updated_at: at,
      }),
    };
    await recordAudit(db, ctx, { action: 'staff_training.test_task.create', entity: 'product_test_task', entityId: row.id, after: body });
    await notify(db, at, {
      userIds: [assignee.id],
      kind: 'test_task',
      message: 'training.testTask',
      params: { title: body.title, description: body.description ?? body.title },
      link: '/staff-training/test-tasks',
    });
    return row.id;
  });
  return (await toTasks(ctx.db, [await taskFor(ctx, id)], todayOf(ctx)))[0];
}

/** TRN-2: the assignee reports progress and the result (findings, the document written); a manager may reschedule or cancel. */
export async function updateTestTask(ctx: Ctx, id: number, body: z.output<typeof ZTestTaskUpdate>): Promise<TTestTask> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await taskFor(ctx, id, db);
    const manager = can(ctx.actor, 'training.manage');
    if (!manager && (body.status === 'cancelled' || body.dueOn !== undefined))
      throw forbidden('A training manager reschedules or cancels a task');
    if (row.status === 'done' || row.status === 'cancelled')
      throw refuse('illegal_transition', 'common.illegalTransition', { state: row.status });
    const set: Record<string, unknown> = {};
    if (body.status !== undefined) set.status = body.status;
    if (body.status === 'done') set.done_at = at;
    if (body.result !== undefined) set.result = body.result || null;
    if (body.dueOn !== undefined) set.due_on = body.dueOn;
    await repo.bump(db, 'product_test_tasks', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'staff_training.test_task.update',
      entity: 'product_test_task',
      entityId: id,
      before: { status: row.status },
      after: set,
    });
  });
  return (await toTasks(ctx.db, [await taskFor(ctx, id)], todayOf(ctx)))[0];
}
