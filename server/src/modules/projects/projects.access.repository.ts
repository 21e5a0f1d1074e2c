import { type ExpressionBuilder, type ExpressionWrapper, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, type Ctx, type Db, can } from '../../http/context';
import { forbidden, notFound } from '../../http/errors';
import { scopeFilter } from '../../http/scope';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the scope applies to whichever query selects the table.
type Eb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;
type Header = 'projects' | 'deliveries' | 'trainings';

/** Projects the actor manages, sells (FS-12b: the salesperson signs the technical handover) or is a member of. */
function ownProjectIds(eb: Eb, actor: Actor) {
  return eb
    .selectFrom('project_members')
    .select('project_members.project_id')
    .where('project_members.user_id', '=', actor.id)
    .union(
      eb
        .selectFrom('projects as mp')
        .select('mp.id as project_id')
        .where((w) => w.or([w('mp.manager_id', '=', actor.id), w('mp.sales_id', '=', actor.id)])),
    );
}

/**
 * Who sees a project, delivery or training (design: data scopes in the repository): its creator, the project's
 * manager and members (an engineer sees the projects he is on), the department (supervisor), team, or region (sales)
 * of the row, or everyone with the 'all' scope. Deliveries and trainings of a project follow the project's members.
 */
export function projectScope(eb: Eb, actor: Actor, table: Header): Cond {
  const byScope = scopeFilter(eb, actor, {
    owner: `${table}.created_by`,
    department: `${table}.department_id`,
    team: `${table}.team_id`,
    region: (e, regionIds) => e(e.ref(`${table}.region_id`), 'in', regionIds) as Cond,
  });
  const projectColumn = table === 'projects' ? 'projects.id' : `${table}.project_id`;
  return eb.or([byScope, eb(eb.ref(projectColumn), 'in', ownProjectIds(eb, actor))]) as Cond;
}

/** The project if the actor may see it; 404 otherwise (never 403, so other departments' ids don't leak). */
export async function projectFor(ctx: Ctx, id: number, db: Db = ctx.db) {
  const row = await db
    .selectFrom('projects')
    .selectAll('projects')
    .where('projects.id', '=', id)
    .where((eb) => projectScope(eb, ctx.actor, 'projects'))
    .executeTakeFirst();
  if (!row) throw notFound('Project');
  return row;
}
export type ProjectRow = Awaited<ReturnType<typeof projectFor>>;

export async function isProjectMember(db: Db, project: Pick<ProjectRow, 'id' | 'manager_id'>, userId: number) {
  if (project.manager_id === userId) return true;
  return Boolean(
    await db
      .selectFrom('project_members')
      .select('user_id')
      .where('project_id', '=', project.id)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  );
}

/** Day-to-day work on a project (progress, arrivals, documents, deliveries, training): projects.manage or being on it. */
export async function assertCanWork(ctx: Ctx, project: Pick<ProjectRow, 'id' | 'manager_id'>, db: Db = ctx.db) {
  if (can(ctx.actor, 'projects.manage')) return;
  if (!(await isProjectMember(db, project, ctx.actor.id)))
    throw forbidden('Only the project’s manager and members, or staff with "projects.manage", may do this');
}

export function assertCanManage(ctx: Ctx) {
  if (!can(ctx.actor, 'projects.manage')) throw forbidden('This needs the permission "projects.manage"');
}

/** Department and team of a user (the team's department when the user has none): the scope columns of new rows. */
export async function placeOf(db: Db, userId: number) {
  const u = await db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select(['users.team_id', 'users.department_id', 'teams.department_id as team_department_id'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return { team_id: u.team_id, department_id: u.department_id ?? u.team_department_id ?? null };
}
