import type {
  TAttendanceSet,
  TTraineeCreate,
  TTraineeSignOff,
  TTraining,
  TTrainingCreate,
  TTrainingListQuery,
  TTrainingSessionCreate,
  TTrainingSummary,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, invalidValue, notFound, versionConflict } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { assertCanWork, placeOf, projectFor, projectScope } from './projects.access.repository';
import { customerRegion } from './projects.repository';
import * as repo from './trainings.repository';

// FS-14: customer training (客户培训) at the place, time and content the customer chooses, until every trainee can
// operate independently — the training is complete only when every trainee is signed off.

const toSummary = (r: repo.TrainingSummaryRow): TTrainingSummary => ({
  id: r.id,
  title: r.title,
  status: r.status as TTrainingSummary['status'],
  customerId: r.customer_id,
  customerName: r.customer_name,
  projectId: r.project_id,
  ticketId: r.ticket_id,
  traineeCount: Number(r.trainee_count ?? 0),
  signedOffCount: Number(r.signed_off_count ?? 0),
  completedAt: r.completed_at,
  createdAt: r.created_at,
  version: r.version,
});

export async function listTrainings(ctx: Ctx, q: TTrainingListQuery) {
  const cursor = decodeCursor(q.cursor, 1);
  let query = repo.trainingSummaryQuery(ctx.db).where((eb) => projectScope(eb, ctx.actor, 'trainings'));
  if (q.projectId) query = query.where('trainings.project_id', '=', q.projectId);
  if (q.customerId) query = query.where('trainings.customer_id', '=', q.customerId);
  if (q.status) query = query.where('trainings.status', '=', q.status);
  if (cursor) query = query.where('trainings.id', '<', Number(cursor[0]));
  const rows = await query
    .orderBy('trainings.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: items.map(toSummary), nextCursor };
}

async function trainingFor(ctx: Ctx, id: number, db: Db = ctx.db) {
  const row = await repo.trainingInScope(db, ctx.actor, id);
  if (!row) throw notFound('Training');
  return row;
}
type TrainingRow = Awaited<ReturnType<typeof trainingFor>>;

/** The project's members (or projects.manage) run a project's training; a training without a project also its creator. */
async function assertMayWork(ctx: Ctx, t: TrainingRow, db: Db) {
  if (t.project_id != null) return assertCanWork(ctx, await projectFor(ctx, t.project_id, db), db);
  if (t.created_by !== ctx.actor.id) return assertCanWork(ctx, { id: 0, manager_id: null }, db);
}

export async function getTraining(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TTraining> {
  await trainingFor(ctx, id, db);
  const [r, sessions, trainees, attendance] = await Promise.all([
    repo.trainingSummaryQuery(db).where('trainings.id', '=', id).executeTakeFirstOrThrow(),
    repo.sessionsOf(db, id),
    repo.traineesOf(db, id),
    repo.attendanceOf(db, id),
  ]);
  // Object.assign, not `{ ...summary, … }`: on Node 20 each property after a spread takes V8's slow path (~100 µs an object).
  return Object.assign(toSummary(r), {
    sessions: sessions.map((s) => ({
      id: s.id,
      place: s.place,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      content: s.content,
      attendeeIds: attendance
        .filter((a) => a.session_id === s.id)
        .map((a) => a.trainee_id)
        .sort((a, b) => a - b),
    })),
    trainees: trainees.map((t) => ({
      id: t.id,
      name: t.name,
      position: t.position,
      signedOff: t.signed_off_at != null,
      signedOffAt: t.signed_off_at,
      signedOffBy: t.signed_off_by_name,
      note: t.note,
      sessionsAttended: attendance.filter((a) => a.trainee_id === t.id).length,
      version: t.version,
    })),
  });
}

export async function createTraining(ctx: Ctx, body: TTrainingCreate): Promise<TTraining> {
  const customer = await customerRegion(ctx.db, body.customerId);
  if (!customer) throw invalidValue('body.customerId', 'no such customer');
  let place: { region_id: number | null; department_id: number | null; team_id: number | null } = {
    region_id: customer.region_id,
    ...(await placeOf(ctx.db, ctx.actor.id)),
  };
  if (body.projectId != null) {
    const p = await projectFor(ctx, body.projectId).catch(() => {
      throw invalidValue('body.projectId', 'no such project');
    });
    if (p.customer_id !== body.customerId) throw invalidValue('body.projectId', 'is a project of another customer');
    await assertCanWork(ctx, p);
    place = { region_id: p.region_id, department_id: p.department_id, team_id: p.team_id };
  }
  if (body.ticketId != null) {
    const tk = await repo.ticketCustomer(ctx.db, body.ticketId);
    if (!tk || tk.customer_id !== body.customerId) throw invalidValue('body.ticketId', 'is not a service request of this customer');
  }
  const now = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertTraining(trx, {
      customer_id: body.customerId,
      project_id: body.projectId ?? null,
      ticket_id: body.ticketId ?? null,
      ...place,
      title: body.title,
      status: 'open',
      created_by: ctx.actor.id,
      created_at: now,
      updated_at: now,
    });
    if (body.trainees?.length) {
      await repo.insertTrainees(
        trx,
        body.trainees.map((t) => ({ training_id: id, name: t.name, position: t.position ?? null, created_at: now, updated_at: now })),
      );
    }
    await recordAudit(trx, ctx, { action: 'create', entity: 'training', entityId: id, after: body });
    return getTraining(ctx, id, trx);
  });
}

/** A change to an open training the actor may run; the training's version is bumped so concurrent completion sees it. */
async function withOpenTraining(ctx: Ctx, id: number, change: (trx: Db, t: TrainingRow, now: string) => Promise<void>): Promise<TTraining> {
  return ctx.db.transaction().execute(async (trx) => {
    const t = await trainingFor(ctx, id, trx);
    await assertMayWork(ctx, t, trx);
    if (t.status !== 'open') throw new AppError('illegal_transition', 'The training is completed');
    const now = nowIso(ctx.clock);
    await change(trx, t, now);
    await repo.touchTraining(trx, id, now);
    return getTraining(ctx, id, trx);
  });
}

/** FS-14: a session at the place and time, with the content, the customer chose. */
export const addSession = (ctx: Ctx, trainingId: number, body: TTrainingSessionCreate) =>
  withOpenTraining(ctx, trainingId, async (trx, _t, now) => {
    const { id } = await repo.insertSession(trx, {
      training_id: trainingId,
      place: body.place,
      starts_at: new Date(body.startsAt).toISOString(),
      ends_at: new Date(body.endsAt).toISOString(),
      content: body.content,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, ctx, { action: 'create', entity: 'training_session', entityId: id, after: { trainingId, ...body } });
  });

export const addTrainee = (ctx: Ctx, trainingId: number, body: TTraineeCreate) =>
  withOpenTraining(ctx, trainingId, async (trx, _t, now) => {
    const [{ id }] = await repo.insertTrainees(trx, [
      { training_id: trainingId, name: body.name, position: body.position ?? null, created_at: now, updated_at: now },
    ]);
    await recordAudit(trx, ctx, { action: 'create', entity: 'training_trainee', entityId: id, after: { trainingId, ...body } });
  });

/** Who attended a session (replaces the list); every id must be a trainee of the same training. */
export async function setAttendance(ctx: Ctx, sessionId: number, body: TAttendanceSet): Promise<TTraining> {
  const session = await repo.sessionRow(ctx.db, sessionId);
  if (!session) throw notFound('Training session');
  return withOpenTraining(ctx, session.training_id, async (trx) => {
    const trainees = new Set((await repo.traineeIdsOf(trx, session.training_id)).map((t) => t.id));
    const ids = [...new Set(body.traineeIds)];
    const bad = body.traineeIds.findIndex((t) => !trainees.has(t));
    if (bad >= 0) throw invalidValue(`body.traineeIds.${bad}`, 'is not a trainee of this training');
    const before = await repo.attendeesOf(trx, sessionId);
    await repo.replaceAttendance(trx, sessionId, ids);
    await recordAudit(trx, ctx, {
      action: 'update',
      entity: 'training_attendance',
      entityId: sessionId,
      before: before.map((b) => b.trainee_id),
      after: ids,
    });
  }).catch((err: unknown) => {
    // A session of a training out of scope is "not found", like the training.
    if (err instanceof AppError && err.code === 'not_found') throw notFound('Training session');
    throw err;
  });
}

/** FS-14: the trainer signs a trainee off as able to operate independently (or withdraws it). */
export async function signOffTrainee(ctx: Ctx, traineeId: number, body: TTraineeSignOff): Promise<TTraining> {
  const trainee = await repo.traineeRow(ctx.db, traineeId);
  if (!trainee) throw notFound('Trainee');
  return withOpenTraining(ctx, trainee.training_id, async (trx, _t, now) => {
    if (trainee.version !== body.version) throw versionConflict('The trainee');
    const set = body.canOperateIndependently
      ? { signed_off_at: now, signed_off_by: ctx.actor.id, note: body.note ?? null }
      : { signed_off_at: null, signed_off_by: null, note: body.note ?? null };
    const updated = await repo.updateTraineeAtVersion(trx, traineeId, body.version, { ...set, updated_at: now, version: body.version + 1 });
    if (!updated) throw versionConflict('The trainee');
    await recordAudit(trx, ctx, {
      action: 'training.sign-off',
      entity: 'training_trainee',
      entityId: traineeId,
      before: { signedOffAt: trainee.signed_off_at },
      after: set,
    });
  });
}

/** FS-14: complete only when there are trainees and every one is signed off (422 listing who is missing). */
export async function completeTraining(ctx: Ctx, id: number, version: number): Promise<TTraining> {
  return ctx.db.transaction().execute(async (trx) => {
    const t = await trainingFor(ctx, id, trx);
    await assertMayWork(ctx, t, trx);
    if (t.version !== version) throw versionConflict('The training');
    if (t.status !== 'open') throw new AppError('illegal_transition', 'The training is already completed');
    const trainees = await repo.traineeSignOffs(trx, id);
    if (trainees.length === 0)
      throw new AppError('rule_violation', 'FS-14: a training without trainees cannot be completed', {
        ruleId: 'FS-14',
        details: [{ path: 'trainees', message: 'no trainees' }],
      });
    const missing = trainees.filter((x) => x.signed_off_at == null);
    if (missing.length > 0) {
      throw new AppError(
        'rule_violation',
        `FS-14: not every trainee can operate independently yet: ${missing.map((m) => m.name).join(', ')}`,
        {
          ruleId: 'FS-14',
          details: missing.map((m) => ({ path: `trainees.${m.id}`, message: `${m.name} is not signed off` })),
        },
      );
    }
    const now = nowIso(ctx.clock);
    const updated = await repo.updateTrainingAtVersion(trx, id, version, {
      status: 'completed',
      completed_at: now,
      updated_at: now,
      version: version + 1,
    });
    if (!updated) throw versionConflict('The training');
    await recordAudit(trx, ctx, {
      action: 'training.complete',
      entity: 'training',
      entityId: id,
      before: { status: 'open' },
      after: { status: 'completed', completedAt: now },
    });
    return getTraining(ctx, id, trx);
  });
}
