import { updateVersioned } from '../../db/versioned';
import { type ExpressionBuilder, type ExpressionWrapper, type Insertable, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { VolumeReportsTable } from '../../db/schema.reports';
import { type Actor, type Db, can } from '../../http/context';
import { scopeFilter } from '../../http/scope';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the scope applies to the volume_reports alias.
type Eb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;

/**
 * Whose volume reports an actor sees: their own, those of projects they manage (the verifier), and for a reviewer
 * or a project supervisor (projects.manage) those within their data scope.
 */
function inScope(eb: Eb, actor: Actor): Cond {
  const mine = eb.or([eb(eb.ref('v.user_id' as string), '=', actor.id), eb(eb.ref('p.manager_id' as string), '=', actor.id)]) as Cond;
  if (!can(actor, 'reports.review') && !can(actor, 'projects.manage')) return mine;
  return eb.or([mine, scopeFilter(eb, actor, { owner: 'v.user_id', team: 'v.team_id', department: 'v.department_id' })]) as Cond;
}

export const volumeQuery = (db: Db) =>
  db
    .selectFrom('volume_reports as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .innerJoin('projects as p', 'p.id', 'v.project_id')
    .leftJoin('users as decider', 'decider.id', 'v.decided_by')
    .selectAll('v')
    .select(['u.name as user_name', 'p.name as project_name', 'p.manager_id', 'decider.name as decided_by_name']);
export type VolumeRow = Awaited<ReturnType<ReturnType<typeof volumeQuery>['executeTakeFirstOrThrow']>>;

export const volumeInScope = (db: Db, actor: Actor, id: number) =>
  volumeQuery(db)
    .where('v.id', '=', id)
    .where((eb) => inScope(eb, actor))
    .executeTakeFirst();

export type VolumeFilter = {
  userId?: number;
  managerId?: number;
  month?: string;
  projectId?: number;
  status?: string;
  beforeId: number | null;
};

/** A page of volume reports in the actor's scope, newest first. */
export function volumePage(db: Db, actor: Actor, f: VolumeFilter, limit: number) {
  let q = volumeQuery(db).where((eb) => inScope(eb, actor));
  if (f.userId) q = q.where('v.user_id', '=', f.userId);
  if (f.managerId) q = q.where('p.manager_id', '=', f.managerId);
  if (f.month) q = q.where('v.month', '=', f.month);
  if (f.projectId) q = q.where('v.project_id', '=', f.projectId);
  if (f.status) q = q.where('v.status', '=', f.status);
  if (f.beforeId != null) q = q.where('v.id', '<', f.beforeId);
  return q.orderBy('v.id', 'desc').limit(limit).execute();
}

export const linesOf = (db: Db, reportIds: number[]) =>
  reportIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('volume_lines')
        .select(['id', 'report_id', 'pipe_type', 'band', 'job_type', 'centimetres', 'verified_centimetres'])
        .where('report_id', 'in', reportIds)
        .orderBy('report_id')
        .orderBy('id')
        .execute();
export type LineRow = Awaited<ReturnType<typeof linesOf>>[number];

export const reportOf = (db: Db, userId: number, projectId: number, month: string) =>
  db
    .selectFrom('volume_reports')
    .select('id')
    .where('user_id', '=', userId)
    .where('project_id', '=', projectId)
    .where('month', '=', month)
    .executeTakeFirst();

export const insertReport = (db: Db, v: Insertable<VolumeReportsTable>) =>
  db.insertInto('volume_reports').values(v).returning('id').executeTakeFirstOrThrow();

export async function replaceLines(
  db: Db,
  reportId: number,
  lines: { pipe_type: string; band: string; job_type: string; centimetres: number }[],
) {
  await db.deleteFrom('volume_lines').where('report_id', '=', reportId).execute();
  if (lines.length > 0)
    await db
      .insertInto('volume_lines')
      .values(lines.map((l) => ({ ...l, report_id: reportId })))
      .execute();
}

export async function setVerified(db: Db, reportId: number, corrections: Map<number, number>) {
  await db
    .updateTable('volume_lines')
    .set({ verified_centimetres: sql`centimetres` })
    .where('report_id', '=', reportId)
    .execute();
  for (const [lineId, centimetres] of corrections)
    await db
      .updateTable('volume_lines')
      .set({ verified_centimetres: centimetres })
      .where('id', '=', lineId)
      .where('report_id', '=', reportId)
      .execute();
}

export const bumpReport = (db: Db, id: number, version: number, set: Record<string, unknown>, at: string) =>
  updateVersioned(db, 'volume_reports', id, version, set, at, 'Volume report');

/** The project, with whether the user is a member. */
export const projectFor = (db: Db, projectId: number, userId: number) =>
  db
    .selectFrom('projects as p')
    .leftJoin('project_members as m', (j) => j.onRef('m.project_id', '=', 'p.id').on('m.user_id', '=', userId))
    .select(['p.id', 'p.name', 'p.manager_id', 'p.department_id', 'p.team_id', 'p.region_id', 'm.user_id as member'])
    .where('p.id', '=', projectId)
    .executeTakeFirst();

/** The projects a user is a member of (to report on). */
export const memberProjects = (db: Db, userId: number) =>
  db
    .selectFrom('project_members as m')
    .innerJoin('projects as p', 'p.id', 'm.project_id')
    .select(['p.id', 'p.name', 'p.status'])
    .where('m.user_id', '=', userId)
    .orderBy('p.id', 'desc')
    .limit(200)
    .execute();

/** Set-based: verified metres of a month summed by project, pipe type, band and job type, in the actor's scope. */
export function verifiedTotals(db: Db, actor: Actor, month: string, projectId: number | undefined) {
  let q = db
    .selectFrom('volume_lines as l')
    .innerJoin('volume_reports as v', 'v.id', 'l.report_id')
    .innerJoin('projects as p', 'p.id', 'v.project_id')
    .select((eb) => [
      'v.project_id',
      'p.name as project_name',
      'l.pipe_type',
      'l.band',
      'l.job_type',
      eb.fn.sum<number>('l.verified_centimetres').as('cm'),
    ])
    .where('v.month', '=', month)
    .where('v.status', '=', 'verified')
    .where((eb) => inScope(eb, actor));
  if (projectId) q = q.where('v.project_id', '=', projectId);
  return q.groupBy(['v.project_id', 'p.name', 'l.pipe_type', 'l.band', 'l.job_type']).execute();
}

export function statusCounts(db: Db, actor: Actor, month: string, projectId: number | undefined) {
  let q = db
    .selectFrom('volume_reports as v')
    .innerJoin('projects as p', 'p.id', 'v.project_id')
    .select((eb) => ['v.status', eb.fn.countAll<number>().as('n')])
    .where('v.month', '=', month)
    .where((eb) => inScope(eb, actor));
  if (projectId) q = q.where('v.project_id', '=', projectId);
  return q.groupBy('v.status').execute();
}

/** Set-based for the appraisal (PAY-3): every verified line of a month for many people (everyone when null). */
export function verifiedLinesForMonth(db: Db, month: string, userIds: number[] | null) {
  if (userIds && userIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('volume_lines as l')
    .innerJoin('volume_reports as v', 'v.id', 'l.report_id')
    .select(['v.id as report_id', 'v.user_id', 'v.project_id', 'l.id', 'l.pipe_type', 'l.band', 'l.job_type', 'l.verified_centimetres'])
    .where('v.month', '=', month)
    .where('v.status', '=', 'verified');
  if (userIds) q = q.where('v.user_id', 'in', userIds);
  return q.orderBy('v.user_id').orderBy('v.project_id').orderBy('l.id').execute();
}
