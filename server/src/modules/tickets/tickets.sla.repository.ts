import { OPEN_TICKET_STATES } from '@techserve/core';
import type { Db } from '../../http/context';
import { departmentHeads, teamLeads } from '../org/org.repository';

/** The SLA list columns of one request, as slaSummary computed them. */
export async function storeSlaSummary(db: Db, id: number, s: { nextDueAt: string | null; breached: boolean; state: string }) {
  await db
    .updateTable('tickets')
    .set({ next_due_at: s.nextDueAt, sla_breached: s.breached ? 1 : 0, sla_state: s.state })
    .where('id', '=', id)
    .execute();
}

/** SLA-4: open requests due before the horizon, soonest first, with what a clock and an alert need. */
export function openRequestsDueBefore(db: Db, horizon: string, limit: number) {
  return db
    .selectFrom('tickets')
    .select([
      'id',
      'number',
      'title',
      'created_at',
      'sla_level_id',
      'priority',
      'calendar_id',
      'needs_visit',
      'sla_events',
      'sla_coverage',
      'state',
      'assignee_id',
      'team_id',
      'department_id',
      'sla_state',
    ])
    .where('state', 'in', [...OPEN_TICKET_STATES])
    .where('next_due_at', 'is not', null)
    .where('next_due_at', '<=', horizon)
    .orderBy('next_due_at')
    .limit(limit)
    .execute();
}

/** SLA-4: records an alert once per request, target, kind and due instant; false when it was recorded already. */
export async function recordSlaAlert(db: Db, a: { ticketId: number; target: string; kind: string; dueAt: string; at: string }) {
  const inserted = await db
    .insertInto('ticket_sla_alerts')
    .values({ ticket_id: a.ticketId, target: a.target, kind: a.kind, due_at: a.dueAt, created_at: a.at })
    .onConflict((oc) => oc.columns(['ticket_id', 'target', 'kind', 'due_at']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** SLA-4: the team's lead and deputy, and the department's head as the organisation defines it (ORG-1). */
export async function slaAlertManagers(db: Db, t: { team_id: number | null; department_id: number | null }): Promise<number[]> {
  return [...(await teamLeads(db, t.team_id)), ...(await departmentHeads(db, t.department_id))];
}
