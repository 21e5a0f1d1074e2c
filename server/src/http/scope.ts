import { type ExpressionBuilder, type ExpressionWrapper, type SqlBool, sql } from 'kysely';
import type { DB } from '../db/schema';
import type { Actor } from './context';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the scope columns belong to whichever table is queried.
type Eb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;

/** Columns of a table that a data scope can filter on; `owner` is the column naming the responsible user. */
export type ScopeColumns = {
  owner: string;
  team?: string;
  department?: string;
  /** SQL condition that the row lies in one of the given regions. */
  region?: (eb: Eb, regionIds: number[]) => Cond;
  customer?: string;
  site?: string;
};

/**
 * The repository-level row filter for the actor's data scope (own / team / region / department / all,
 * a customer contact's company, a client IT office's site). A scope whose attribute the actor lacks
 * (e.g. a team-scoped user with no team) falls back to own rows only.
 */
export function scopeFilter(eb: Eb, actor: Actor, cols: ScopeColumns): Cond {
  const own = eb(eb.ref(cols.owner), '=', actor.id) as Cond;
  const either = (col: string | undefined, value: number | null) =>
    col && value != null ? (eb.or([own, eb(eb.ref(col), '=', value)]) as Cond) : own;
  switch (actor.scope) {
    case 'all':
      return sql<boolean>`1 = 1` as unknown as Cond;
    case 'department':
      return either(cols.department, actor.departmentId);
    case 'team':
      return either(cols.team, actor.teamId);
    case 'region':
      return cols.region && actor.regionIds.length > 0 ? (eb.or([own, cols.region(eb, actor.regionIds)]) as Cond) : own;
    case 'company':
      return either(cols.customer, actor.customerId);
    case 'site':
      return either(cols.site, actor.siteId);
    default:
      return own;
  }
}
