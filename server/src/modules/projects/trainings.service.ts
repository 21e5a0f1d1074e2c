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
import { sql } from 'kysely';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, invalidValue, notFound, versionConflict } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { assertCanWork, placeOf, projectFor, projectScope } from './projects.access';

// FS-14: customer training (客户培训) at the place, time and content the customer chooses, until every trainee can
// operate independently — the training is complete only when every trainee is signed off.

function summaryQuery(db: Db) {
  return db
    .selectFrom('trainings')
    .innerJoin('customers as cu', 'cu.id', 'trainings.customer_id')
    .select([
      'trainings.id',
      'trainings.title',
      'trainings.status',
      'trainings.customer_id',
      'cu.name as customer_name',
      'trainings.project_id',
      'trainings.ticket_id',
      'trainings.completed_at',
      'trainings.created_at',
      'trainings.version',
      (eb) =>
        eb
          .selectFrom('training_trainees as tt')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('tt.training_id', '=', 'trainings.id')
          .as('trainee_count'),
      (eb) =>
        eb
          .selectFrom('training_trainees as ts')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('ts.training_id', '=', 'trainings.id')
          .where('ts.signed_off_at', 'is not', null)
          .as('signed_off_count'),
    ]);
}
type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

const toSummary = (r: SummaryRow): TTrainingSummary => ({
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
  let query = summaryQuery(ctx.db).where((eb) => projectScope(eb, ctx.actor, 'trainings'));
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
  const row = await db
    .selectFrom('trainings')
    .selectAll('trainings')
    .where('trainings.id', '=', id)
    .where((eb) => projectScope(eb, ctx.actor, 'trainings'))
    .executeTakeFirst();
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
    summaryQuery(db).where('trainings.id', '=', id).executeTakeFirstOrThrow(),
    db.selectFrom('training_sessions').selectAll().where('training_id', '=', id).orderBy('starts_at').orderBy('id').execute(),
    db
      .selectFrom('training_trainees')
      .leftJoin('users', 'users.id', 'training_trainees.signed_off_by')
      .selectAll('training_trainees')
      .select('users.name as signed_off_by_name')
      .where('training_id', '=', id)
      .orderBy('training_trainees.id')
      .execute(),
    db
      .selectFrom('training_attendance')
      .innerJoin('training_sessions as s', 's.id', 'training_attendance.session_id')
      .select(['training_attendance.session_id', 'training_attendance.trainee_id'])
      .where('s.training_id', '=', id)
      .execute(),
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
  const customer = await ctx.db.selectFrom('customers').select(['id', 'region_id']).where('id', '=', body.customerId).executeTakeFirst();
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
    const tk = await ctx.db.selectFrom('tickets').select('customer_id').where('id', '=', body.ticketId).executeTakeFirst();
    if (!tk || tk.customer_id !== body.customerId) throw invalidValue('body.ticketId', 'is not a service request of this customer');
  }
  const now = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('trainings')
      .values({
        customer_id: body.customerId,
        project_id: body.projectId ?? null,
        ticket_id: body.ticketId ?? null,
        ...place,
        title: body.title,
        status: 'open',
        created_by: ctx.actor.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (body.trainees?.length) {
      await trx
        .insertInto('training_trainees')
        .values(
          body.trainees.map((t) => ({ training_id: id, name: t.name, position: t.position ?? null, created_at: now, updated_at: now })),
        )
        .execute();
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
    await trx
      .updateTable('trainings')
      .set({ updated_at: now, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    return getTraining(ctx, id, trx);
  });
}

/** FS-14: a session at the place and time, with the content, the customer chose. */
export const addSession = (ctx: Ctx, trainingId: number, body: TTrainingSessionCreate) =>
  withOpenTraining(ctx, trainingId, async (trx, _t, now) => {
    const { id } = await trx
      .insertInto('training_sessions')
      .values({
        training_id: trainingId,
        place: body.place,
        starts_at: new Date(body.startsAt).toISOString(),
        ends_at: new Date(body.endsAt).toISOString(),
        content: body.content,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'create', entity: 'training_session', entityId: id, after: { trainingId, ...body } });
  });

export const addTrainee = (ctx: Ctx, trainingId: number, body: TTraineeCreate) =>
  withOpenTraining(ctx, trainingId, async (trx, _t, now) => {
    const { id } = await trx
      .insertInto('training_trainees')
      .values({ training_id: trainingId, name: body.name, position: body.position ?? null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'create', entity: 'training_trainee', entityId: id, after: { trainingId, ...body } });
  });

/** Who attended a session (replaces the list); every id must be a trainee of the same training. */
export async function setAttendance(ctx: Ctx, sessionId: number, body: TAttendanceSet): Promise<TTraining> {
  const session = await ctx.db.selectFrom('training_sessions').select(['id', 'training_id']).where('id', '=', sessionId).executeTakeFirst();
  if (!session) throw notFound('Training session');
  return withOpenTraining(ctx, session.training_id, async (trx) => {
    const trainees = new Set(
      (await trx.selectFrom('training_trainees').select('id').where('training_id', '=', session.training_id).execute()).map((t) => t.id),
    );
    const ids = [...new Set(body.traineeIds)];
    const bad = body.traineeIds.findIndex((t) => !trainees.has(t));
    if (bad >= 0) throw invalidValue(`body.traineeIds.${bad}`, 'is not a trainee of this training');
    const before = await trx.selectFrom('training_attendance').select('trainee_id').where('session_id', '=', sessionId).execute();
    await trx.deleteFrom('training_attendance').where('session_id', '=', sessionId).execute();
    if (ids.length > 0)
      await trx
        .insertInto('training_attendance')
        .values(ids.map((trainee_id) => ({ session_id: sessionId, trainee_id })))
        .execute();
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
  const trainee = await ctx.db.selectFrom('training_trainees').selectAll().where('id', '=', traineeId).executeTakeFirst();
  if (!trainee) throw notFound('Trainee');
  return withOpenTraining(ctx, trainee.training_id, async (trx, _t, now) => {
    if (trainee.version !== body.version) throw versionConflict('The trainee');
    const set = body.canOperateIndependently
      ? { signed_off_at: now, signed_off_by: ctx.actor.id, note: body.note ?? null }
      : { signed_off_at: null, signed_off_by: null, note: body.note ?? null };
    const res = await trx
      .updateTable('training_trainees')
      .set({ ...set, updated_at: now, version: body.version + 1 })
      .where('id', '=', traineeId)
      .where('version', '=', body.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict('The trainee');
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
    const trainees = await trx
      .selectFrom('training_trainees')
      .select(['id', 'name', 'signed_off_at'])
      .where('training_id', '=', id)
      .orderBy('id')
      .execute();
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
    const res = await trx
      .updateTable('trainings')
      .set({ status: 'completed', completed_at: now, updated_at: now, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict('The training');
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
