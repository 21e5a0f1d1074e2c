import { type Insertable, type Updateable, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { projectScope } from './projects.access.repository';

// FS-14 customer training: its queries (queries only in repositories, issue 13 item 2).

/** A training with its customer's name and its trainee counts (no scope filter: callers add it). */
export function trainingSummaryQuery(db: Db) {
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
export type TrainingSummaryRow = Awaited<ReturnType<ReturnType<typeof trainingSummaryQuery>['executeTakeFirstOrThrow']>>;

/** The training if the actor may see it. */
export function trainingInScope(db: Db, actor: Actor, id: number) {
  return db
    .selectFrom('trainings')
    .selectAll('trainings')
    .where('trainings.id', '=', id)
    .where((eb) => projectScope(eb, actor, 'trainings'))
    .executeTakeFirst();
}

export function sessionsOf(db: Db, trainingId: number) {
  return db.selectFrom('training_sessions').selectAll().where('training_id', '=', trainingId).orderBy('starts_at').orderBy('id').execute();
}

/** The training's trainees with the name of who signed them off. */
export function traineesOf(db: Db, trainingId: number) {
  return db
    .selectFrom('training_trainees')
    .leftJoin('users', 'users.id', 'training_trainees.signed_off_by')
    .selectAll('training_trainees')
    .select('users.name as signed_off_by_name')
    .where('training_id', '=', trainingId)
    .orderBy('training_trainees.id')
    .execute();
}

/** Who attended which session of the training. */
export function attendanceOf(db: Db, trainingId: number) {
  return db
    .selectFrom('training_attendance')
    .innerJoin('training_sessions as s', 's.id', 'training_attendance.session_id')
    .select(['training_attendance.session_id', 'training_attendance.trainee_id'])
    .where('s.training_id', '=', trainingId)
    .execute();
}

export function ticketCustomer(db: Db, ticketId: number) {
  return db.selectFrom('tickets').select('customer_id').where('id', '=', ticketId).executeTakeFirst();
}

export function insertTraining(db: Db, row: Insertable<DB['trainings']>) {
  return db.insertInto('trainings').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Trainees added, their ids in order. */
export function insertTrainees(db: Db, rows: Insertable<DB['training_trainees']>[]) {
  return db.insertInto('training_trainees').values(rows).returning('id').execute();
}

/** The training's version bumped (a change to one of its parts), so a concurrent completion sees it. */
export async function touchTraining(db: Db, id: number, at: string) {
  await db
    .updateTable('trainings')
    .set({ updated_at: at, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** The training changed at the version read; false when someone changed it meanwhile. */
export async function updateTrainingAtVersion(db: Db, id: number, version: number, set: Updateable<DB['trainings']>): Promise<boolean> {
  const res = await db.updateTable('trainings').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function insertSession(db: Db, row: Insertable<DB['training_sessions']>) {
  return db.insertInto('training_sessions').values(row).returning('id').executeTakeFirstOrThrow();
}

export function sessionRow(db: Db, sessionId: number) {
  return db.selectFrom('training_sessions').select(['id', 'training_id']).where('id', '=', sessionId).executeTakeFirst();
}

export function traineeIdsOf(db: Db, trainingId: number) {
  return db.selectFrom('training_trainees').select('id').where('training_id', '=', trainingId).execute();
}

export function attendeesOf(db: Db, sessionId: number) {
  return db.selectFrom('training_attendance').select('trainee_id').where('session_id', '=', sessionId).execute();
}

/** Who attended the session, replaced by these trainees. */
export async function replaceAttendance(db: Db, sessionId: number, traineeIds: number[]) {
  await db.deleteFrom('training_attendance').where('session_id', '=', sessionId).execute();
  if (traineeIds.length > 0)
    await db
      .insertInto('training_attendance')
      .values(traineeIds.map((trainee_id) => ({ session_id: sessionId, trainee_id })))
      .execute();
}

export function traineeRow(db: Db, traineeId: number) {
  return db.selectFrom('training_trainees').selectAll().where('id', '=', traineeId).executeTakeFirst();
}

/** The trainee changed at the version read; false when someone changed it meanwhile. */
export async function updateTraineeAtVersion(
  db: Db,
  id: number,
  version: number,
  set: Updateable<DB['training_trainees']>,
): Promise<boolean> {
  const res = await db.updateTable('training_trainees').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** FS-14: each trainee of the training and whether they are signed off. */
export function traineeSignOffs(db: Db, trainingId: number) {
  return db
    .selectFrom('training_trainees')
    .select(['id', 'name', 'signed_off_at'])
    .where('training_id', '=', trainingId)
    .orderBy('id')
    .execute();
}
