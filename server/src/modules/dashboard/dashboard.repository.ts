import type { Actor, Db } from '../../http/context';
import { ticketScope } from '../tickets/tickets.repository';

/*
 * Issue 12 item 6: the executive dashboard reads the requests and their ratings read-only, set-based (one query
 * each for a whole range), in the actor's data scope (the same scope as the request list).
 */

export type DashboardFilter = { start: string; end: string; regionId?: number; teamId?: number };

/** The requests created or resolved in [start, end), in scope. */
export async function ticketFacts(db: Db, actor: Actor, f: DashboardFilter) {
  let q = db
    .selectFrom('tickets')
    .select(['tickets.created_at', 'tickets.resolved_at', 'tickets.state', 'tickets.sla_breached', 'tickets.region_id', 'tickets.team_id'])
    .where((eb) =>
      eb.and([
        ticketScope(eb, actor),
        eb.or([
          eb.and([eb('tickets.created_at', '>=', f.start), eb('tickets.created_at', '<', f.end)]),
          eb.and([eb('tickets.resolved_at', '>=', f.start), eb('tickets.resolved_at', '<', f.end)]),
        ]),
      ]),
    );
  if (f.regionId !== undefined) q = q.where('tickets.region_id', '=', f.regionId);
  if (f.teamId !== undefined) q = q.where('tickets.team_id', '=', f.teamId);
  return q.orderBy('tickets.id').execute();
}

/** The ratings given in [start, end) on requests in scope. */
export async function ratingFacts(db: Db, actor: Actor, f: DashboardFilter) {
  let q = db
    .selectFrom('ticket_ratings')
    .innerJoin('tickets', 'tickets.id', 'ticket_ratings.ticket_id')
    .select([
      'ticket_ratings.created_at',
      'ticket_ratings.attitude',
      'ticket_ratings.skill',
      'ticket_ratings.result',
      'tickets.region_id',
      'tickets.team_id',
    ])
    .where((eb) =>
      eb.and([ticketScope(eb, actor), eb('ticket_ratings.created_at', '>=', f.start), eb('ticket_ratings.created_at', '<', f.end)]),
    );
  if (f.regionId !== undefined) q = q.where('tickets.region_id', '=', f.regionId);
  if (f.teamId !== undefined) q = q.where('tickets.team_id', '=', f.teamId);
  return q.orderBy('ticket_ratings.ticket_id').execute();
}

/** The names of the regions and teams the rows name. */
export async function groupNames(db: Db, regionIds: number[], teamIds: number[]) {
  const [regions, teams] = await Promise.all([
    regionIds.length ? db.selectFrom('regions').select(['id', 'name']).where('id', 'in', regionIds).execute() : [],
    teamIds.length ? db.selectFrom('teams').select(['id', 'name']).where('id', 'in', teamIds).execute() : [],
  ]);
  return {
    regions: regions.map((r) => ({ id: Number(r.id), name: r.name })),
    teams: teams.map((t) => ({ id: Number(t.id), name: t.name })),
  };
}
