import type { TClientApprovalItem, TClientApprovalKind, TPersonnelDecision } from '@techserve/core';
import type { Ctx } from '../../http/context';
import { forbidden } from '../../http/errors';
import { decideCorrectionAsClient } from '../attendance/attendance.corrections';
import { correctionsAwaitingClient } from '../attendance/attendance.repository';
import { decideLeaveAsClient } from '../leave/leave.service';
import { leaveAwaitingClient } from '../leave/leave.repository';
import { changesAwaitingClient } from './personnel.repository';
import { clientDecide } from './personnel.service';

/** RS-4b/item 3/RS-6: what waits for the client IT office of the actor's site — leave extensions, corrections, changes. */
export async function clientInbox(ctx: Ctx): Promise<{ items: TClientApprovalItem[] }> {
  const siteId = ctx.actor.siteId;
  if (siteId == null) throw forbidden('The client approval inbox belongs to a client IT office of a site');
  const [leave, corrections, changes] = await Promise.all([
    leaveAwaitingClient(ctx.db, siteId),
    correctionsAwaitingClient(ctx.db, siteId),
    changesAwaitingClient(ctx.db, siteId),
  ]);
  const items: TClientApprovalItem[] = [
    ...leave.map((l) => ({
      kind: 'leave_extension' as const,
      id: l.id,
      userName: l.user_name,
      summary: `${l.start_date} – ${l.end_date}: ${l.reason}`,
      companyDecidedByName: l.decided_by_name,
      companyDecidedAt: l.decided_at,
      version: l.version,
    })),
    ...corrections.map((c) => ({
      kind: 'attendance_correction' as const,
      id: c.id,
      userName: c.user_name,
      summary: `${c.date} ${c.time}: ${c.reason}`,
      companyDecidedByName: c.decided_by_name,
      companyDecidedAt: c.decided_at,
      version: c.version,
    })),
    ...changes.map((p) => ({
      kind: 'personnel_change' as const,
      id: p.id,
      userName: p.outgoing_name,
      summary: `${p.outgoing_name} → ${p.incoming_name ?? p.incoming_user_name ?? ''} (${p.change_date ?? ''})`,
      companyDecidedByName: p.company_decided_by_name,
      companyDecidedAt: p.company_decided_at,
      version: p.version,
    })),
  ];
  return { items };
}

/** The client IT office's decision on one item of its inbox, by kind. */
export async function clientDecision(ctx: Ctx, kind: TClientApprovalKind, id: number, body: TPersonnelDecision) {
  if (kind === 'leave_extension') await decideLeaveAsClient(ctx, id, body);
  else if (kind === 'attendance_correction') await decideCorrectionAsClient(ctx, id, body);
  else await clientDecide(ctx, id, body);
  return { ok: true as const };
}
