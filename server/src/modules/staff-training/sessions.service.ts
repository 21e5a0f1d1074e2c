import type { TStaffSession, ZStaffAttendance, ZStaffSessionCreate, ZStaffSessionUpdate } from '@techserve/core';
import type { z } from 'zod';
import { nowIso } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { fieldDetail, notFound, refuse } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { staffOrRefuse as staffOrRefuseBy } from '../incidents/incidents.shared';
import * as repo from './staff-training.repository';

// TRN-1: internal training sessions (内部培训: onboarding, product, skills, external) with their attendance. Not the
// customer training of FS-14 (projects' /trainings).

const bad = (path: string, reason: Parameters<typeof fieldDetail>[1], params: Record<string, string | number> = {}) =>
  refuse('invalid_value', reason, params, { ruleId: 'TRN-1', details: [fieldDetail(path, reason, params)] });

/** Who reads: a training manager sees every session, exam, certificate and task; a learner their own. */
export const viewerOf = (ctx: Pick<Ctx, 'actor'>) => ({ id: ctx.actor.id, manager: can(ctx.actor, 'training.manage') });

async function toSessions(db: Db, rows: repo.SessionRow[]): Promise<TStaffSession[]> {
  const ids = rows.map((r) => r.id);
  const [attendees, exams] = await Promise.all([repo.attendeesOf(db, ids), repo.examIdsOfSessions(db, ids)]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as TStaffSession['kind'],
    title: r.title,
    productId: r.product_id,
    productName: r.product_name,
    trainerId: r.trainer_id,
    trainerName: r.trainer_user_name ?? r.trainer_name,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    location: r.location,
    description: r.description,
    status: r.status as TStaffSession['status'],
    attendees: attendees
      .filter((a) => a.session_id === r.id)
      .map((a) => ({ userId: a.user_id, name: a.name, status: a.status as TStaffSession['attendees'][number]['status'] })),
    examIds: exams.filter((e) => e.session_id === r.id).map((e) => e.id),
    version: r.version,
  }));
}

export async function sessionFor(ctx: Pick<Ctx, 'actor' | 'db'>, id: number, db: Db = ctx.db) {
  const row = await repo.findSession(db, viewerOf(ctx), id);
  if (!row) throw notFound('Training session');
  return row;
}

export async function getSession(ctx: Ctx, id: number): Promise<TStaffSession> {
  return (await toSessions(ctx.db, [await sessionFor(ctx, id)]))[0];
}

export async function listSessions(ctx: Ctx, q: { limit: number; cursor?: string; view: 'mine' | 'all' }) {
  const after = cursorId(q.cursor);
  const rows = await repo.listSessionRows(ctx.db, viewerOf(ctx), { mine: q.view === 'mine', after, limit: q.limit + 1 });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: await toSessions(ctx.db, items), nextCursor };
}

/** TRN-1: every id names an active member of staff; 422 naming the first that does not. */
export const staffOrRefuse = (db: Db, ids: number[], path: string) => staffOrRefuseBy(db, ids, path, 'training.noSuchUser', 'TRN-1');

/** TRN-1: plans a session with its trainer (a colleague or an outside trainer) and invites the attendees. */
export async function createSession(ctx: Ctx, body: z.output<typeof ZStaffSessionCreate>): Promise<TStaffSession> {
  const at = nowIso(ctx.clock);
  if (body.trainerId == null && !body.trainerName) throw bad('body.trainerId', 'training.trainerRequired');
  const id = await ctx.db.transaction().execute(async (db) => {
    if (body.productId != null && !(await repo.productName(db, body.productId))) throw bad('body.productId', 'training.noSuchProduct');
    if (body.trainerId != null) await staffOrRefuse(db, [body.trainerId], 'body.trainerId');
    const attendees = await staffOrRefuse(db, body.attendeeIds, 'body.attendeeIds');
    const row = {
      id: await repo.insertSession(db, {
        kind: body.kind,
        title: body.title,
        product_id: body.productId ?? null,
        trainer_id: body.trainerId ?? null,
        trainer_name: body.trainerName || null,
        starts_at: new Date(body.startsAt).toISOString(),
        ends_at: new Date(body.endsAt).toISOString(),
        location: body.location || null,
        description: body.description || null,
        status: 'planned',
        department_id: ctx.actor.departmentId,
        created_by: ctx.actor.id,
        created_at: at,
        updated_at: at,
      }),
    };
    await repo.setAttendees(
      db,
      row.id,
      attendees.map((a) => ({ userId: a.id, status: 'invited' })),
      false,
    );
    await recordAudit(db, ctx, {
      action: 'staff_training.session.create',
      entity: 'staff_training_session',
      entityId: row.id,
      after: body,
    });
    await notify(db, at, {
      userIds: attendees.map((a) => a.id),
      kind: 'staff_training',
      message: 'training.session',
      params: { title: body.title, location: body.location ?? '' },
      link: `/staff-training/sessions/${row.id}`,
    });
    return row.id;
  });
  return getSession(ctx, id);
}

export async function updateSession(ctx: Ctx, id: number, body: z.output<typeof ZStaffSessionUpdate>): Promise<TStaffSession> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await sessionFor(ctx, id, db);
    if (row.status === 'cancelled') throw refuse('illegal_transition', 'training.sessionCancelled', {}, { ruleId: 'TRN-1' });
    const set: Record<string, unknown> = {};
    if (body.title !== undefined) set.title = body.title;
    if (body.location !== undefined) set.location = body.location || null;
    if (body.description !== undefined) set.description = body.description || null;
    if (body.status !== undefined) set.status = body.status;
    await repo.bump(db, 'staff_training_sessions', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'staff_training.session.update',
      entity: 'staff_training_session',
      entityId: id,
      before: { status: row.status },
      after: set,
    });
  });
  return getSession(ctx, id);
}

/** TRN-1: the attendance of a session (present, absent, excused); recording it marks the session held. */
export async function recordAttendance(ctx: Ctx, id: number, body: z.output<typeof ZStaffAttendance>): Promise<TStaffSession> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await sessionFor(ctx, id, db);
    if (row.status === 'cancelled') throw refuse('illegal_transition', 'training.sessionCancelled', {}, { ruleId: 'TRN-1' });
    await staffOrRefuse(
      db,
      body.attendees.map((a) => a.userId),
      'body.attendees',
    );
    await repo.bump(db, 'staff_training_sessions', id, body.version, { status: 'held' }, at);
    const unique = new Map(body.attendees.map((a) => [a.userId, a.status]));
    await repo.setAttendees(
      db,
      id,
      [...unique].map(([userId, status]) => ({ userId, status })),
      true,
    );
    await recordAudit(db, ctx, {
      action: 'staff_training.attendance',
      entity: 'staff_training_session',
      entityId: id,
      after: body.attendees,
    });
  });
  return getSession(ctx, id);
}
