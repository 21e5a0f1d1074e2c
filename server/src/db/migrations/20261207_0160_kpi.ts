import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, tableWithId, withStamps } from './helpers';

const STAFF = ['team_lead', 'engineer', 'product_expert', 'agent', 'sales', 'sales_admin', 'finance'];
const staffOnly = ['awards.vote', 'kpi.self'];

/** AP-6, AP-16: what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const KPI_GRANTS: Record<string, string[]> = Object.assign(Object.fromEntries(STAFF.map((key) => [key, staffOnly])), {
  admin: ['awards.vote', 'awards.review', 'awards.confirm', 'kpi.self', 'kpi.review', 'kpi.consolidate'],
  gm: ['awards.vote', 'awards.review', 'awards.confirm', 'kpi.self', 'kpi.review', 'kpi.consolidate'],
  vp: ['awards.vote', 'awards.review', 'kpi.self', 'kpi.review'],
  supervisor: ['awards.vote', 'awards.review', 'kpi.self', 'kpi.review'],
  team_lead: [...staffOnly, 'kpi.review'],
  hr: [...staffOnly, 'kpi.consolidate'],
});

/**
 * AP-6 the monthly best employee, anonymous by construction:
 * - award_voters says WHO voted in a round (one row per person: the second vote is a primary-key conflict → 409);
 * - award_tallies says how many votes each nominee has, one row per nominee eligible when the round opened.
 * Neither has a timestamp, a version, an id or any ordering column, and no ballot row exists at all. A vote inserts
 * the voter's row and, in the same transaction, rewrites EVERY tally row of the round (votes + 1 on the nominee's,
 * + 0 on the others'), so even a per-row write trace (PostgreSQL's xmin) is the same on all of them. What stays
 * knowable is what any count reveals (who voted, and the totals). The audit entry of a vote names no nominee.
 * Beyond the tables' columns, PostgreSQL keeps superseded row versions until VACUUM; reading those needs a superuser
 * with page inspection, which no role of the product has.
 * AP-16: kpi_reviews keeps the self and superior scores of a period and HR's consolidated result.
 */
export function kpi(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'award_rounds'))
        .addColumn('month', 'text', (c) => c.notNull().unique())
        // voting | review
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('policy_version', 'integer')
        .execute();
      await db.schema
        .createTable('award_voters')
        .addColumn('round_id', 'integer', (c) => c.notNull().references('award_rounds.id'))
        .addColumn('voter_id', 'integer', (c) => c.notNull().references('users.id'))
        .addPrimaryKeyConstraint('award_voters_pk', ['round_id', 'voter_id'])
        .execute();
      await db.schema
        .createTable('award_tallies')
        .addColumn('round_id', 'integer', (c) => c.notNull().references('award_rounds.id'))
        .addColumn('nominee_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('votes', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('award_tallies_pk', ['round_id', 'nominee_id'])
        .execute();
      await withStamps(tableWithId(db, dialect, 'award_candidates'))
        .addColumn('round_id', 'integer', (c) => c.notNull().references('award_rounds.id'))
        .addColumn('nominee_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('votes', 'integer', (c) => c.notNull())
        .addColumn('rank', 'integer', (c) => c.notNull())
        // waiting | in_review | confirmed | vetoed
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('manager_by', 'integer', (c) => c.references('users.id'))
        .addColumn('manager_at', 'text')
        .addColumn('vp_by', 'integer', (c) => c.references('users.id'))
        .addColumn('vp_at', 'text')
        .addColumn('gm_by', 'integer', (c) => c.references('users.id'))
        .addColumn('gm_at', 'text')
        .addColumn('veto_step', 'text')
        .addColumn('veto_ground', 'text')
        .addColumn('veto_reason', 'text')
        .addColumn('veto_by', 'integer', (c) => c.references('users.id'))
        .addColumn('veto_at', 'text')
        .addColumn('bonus_fen', 'integer')
        .addColumn('policy_version', 'integer')
        .addUniqueConstraint('award_candidates_round_nominee', ['round_id', 'nominee_id'])
        .execute();
      await withStamps(tableWithId(db, dialect, 'kpi_reviews'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        // 'YYYY-MM' (monthly) or 'YYYY' (annual)
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('self_scores', 'text', (c) => c.notNull())
        .addColumn('self_at', 'text')
        .addColumn('superior_scores', 'text', (c) => c.notNull())
        .addColumn('superior_by', 'integer', (c) => c.references('users.id'))
        .addColumn('superior_at', 'text')
        .addColumn('consolidated_by', 'integer', (c) => c.references('users.id'))
        .addColumn('consolidated_at', 'text')
        // JSON: the result HR consolidated (kept as it was)
        .addColumn('result', 'text')
        .addUniqueConstraint('kpi_reviews_person_period', ['user_id', 'period'])
        .execute();
      await grantToBuiltinRoles(db, KPI_GRANTS);
    },
  };
}
