import { type TSlaEventType, type TTicketAction, type TTicketState, isOpenTicketState, slaEventOf } from '@techserve/core';
import type { Ctx, Db } from '../../http/context';
import { recordAudit } from '../audit/audit.service';
import * as attachmentsRepo from '../tickets/attachments.repository';
import { findTicket, indexTicketText, insertEntry, moveFromState, placeOf } from '../tickets/tickets.repository';
import { parseEvents, refreshSla } from '../tickets/tickets.sla';
import * as visitsRepo from './visits.repository';

// What a visit writes onto its service request (SR-10 record of the whole process). The letter authorises these
// writes (the engineer is on the letter), so the request's own data scope is not applied again here.

/**
 * SLA-2/FS-5: the first arrival on site meets the request's on-site target, as the request's own arrival record
 * does (tickets.timeline addRecord 'arrival'). Only for an open request that needs a visit and has no arrival yet.
 */
export async function recordArrivalOnTicket(db: Db, ticketId: number, by: number, at: string, letterNumber: string): Promise<boolean> {
  const t = await visitsRepo.ticketRow(db, ticketId);
  if (!t || !t.needs_visit || !isOpenTicketState(t.state)) return false;
  const events = parseEvents(t.sla_events);
  if (events.some((e) => e.type === 'arrived_on_site')) return false;
  const now = Date.parse(at);
  const sla_events = JSON.stringify([...events, { at: now, type: 'arrived_on_site' as const }]);
  await visitsRepo.setTicketSlaEvents(db, ticketId, sla_events, at);
  await refreshSla(db, { ...t, sla_events }, now);
  await insertEntry(db, {
    ticketId,
    kind: 'arrival',
    visibility: 'public',
    authorId: by,
    body: letterNumber,
    data: { arrivedAt: at, letter: letterNumber },
    at,
  });
  return true;
}

/** A timeline entry on the request (part, internal note, rating ...). */
export function entryOnTicket(
  db: Db,
  ticketId: number,
  e: { kind: string; visibility: 'public' | 'internal'; by: number; body: string | null; data: Record<string, unknown>; at: string },
) {
  return insertEntry(db, { ticketId, kind: e.kind, visibility: e.visibility, authorId: e.by, body: e.body, data: e.data, at: e.at });
}

/** SR-10: the same stored bytes attached to the request's timeline (photo, signed PDF); returns the attachment id. */
export async function attachToTicket(
  db: Db,
  ticketId: number,
  f: {
    fileName: string;
    contentType: string;
    size: number;
    sha256: string;
    storageKey: string;
    visibility: 'public' | 'internal';
    by: number;
    at: string;
  },
): Promise<number> {
  const { id } = await attachmentsRepo.insertAttachment(db, {
    ticket_id: ticketId,
    entry_id: null,
    visibility: f.visibility,
    file_name: f.fileName,
    content_type: f.contentType,
    size: f.size,
    sha256: f.sha256,
    storage_key: f.storageKey,
    uploaded_by: f.by,
    created_at: f.at,
  });
  const entryId = await insertEntry(db, {
    ticketId,
    kind: 'attachment',
    visibility: f.visibility,
    authorId: f.by,
    body: f.fileName,
    data: { attachmentId: id, fileName: f.fileName, size: f.size },
    at: f.at,
  });
  await attachmentsRepo.linkEntry(db, id, entryId);
  return id;
}

/**
 * What a visit did, as it moves its service request (issue 12 item 1; SR-4..9, SLA-2, FS-5..8):
 * - `staffed`: the letter's lead engineer becomes the request's assignee (SR-4);
 * - `arrived`: the first check-in starts the work (in progress; the first response on the SLA clock);
 * - `solved` / `unsolved`: the service record's "solved" resolves the request with its cause and solution, and
 *   taking it back (the record edited to unsolved before the sign-off) reopens it;
 * - `confirmed`: the customer's signed sign-off with the rating confirms the resolution (SR-9).
 */
export type VisitStep =
  | { kind: 'staffed'; engineerId: number }
  | { kind: 'arrived' }
  | { kind: 'solved'; cause: string; solution: string }
  | { kind: 'unsolved' }
  | { kind: 'confirmed' };

type Move = { action: TTicketAction; to: TTicketState; events: TSlaEventType[] };

/** The move a step makes from the request's state, or null when it has nothing to do (already there, closed, ...). */
function moveOf(step: VisitStep, from: TTicketState, assigneeId: number | null): Move | null {
  switch (step.kind) {
    case 'staffed':
      return isOpenTicketState(from) && assigneeId !== step.engineerId
        ? { action: 'assign', to: 'assigned', events: slaEventOf(from, 'assign') }
        : null;
    case 'arrived':
      if (from === 'assigned' || from === 'accepted')
        return { action: 'start', to: 'in_progress', events: slaEventOf('accepted', 'start') };
      if (from === 'waiting') return { action: 'resume', to: 'in_progress', events: slaEventOf(from, 'resume') };
      return null;
    case 'solved':
      if (from === 'assigned' || from === 'accepted' || from === 'in_progress')
        return { action: 'resolve', to: 'resolved', events: ['resolved'] };
      if (from === 'waiting') return { action: 'resolve', to: 'resolved', events: ['resumed', 'resolved'] };
      return null;
    case 'unsolved':
      return from === 'resolved' ? { action: 'reject', to: 'in_progress', events: ['reopened'] } : null;
    case 'confirmed':
      return from === 'resolved' ? { action: 'confirm', to: 'confirmed', events: [] } : null;
  }
}

/**
 * Moves the letter's service request for a visit step, on the request's timeline and in the audit log, and keeps
 * its SLA clock. The letter authorises it (the actor works on the letter). A request that moved meanwhile is left
 * as it is (compare-and-set on its state). Returns the new state, or null when nothing moved.
 */
export async function moveTicketForVisit(
  ctx: Ctx,
  db: Db,
  ticketId: number,
  step: VisitStep,
  letterNumber: string,
): Promise<TTicketState | null> {
  const t = await findTicket(db, ticketId);
  const from = t.state as TTicketState;
  const move = moveOf(step, from, t.assignee_id);
  if (!move) return null;
  const now = ctx.clock.now().getTime();
  const at = new Date(now).toISOString();
  const set: Parameters<typeof moveFromState>[3] = { state: move.to };
  let data: Record<string, unknown> = { action: move.action, from, to: move.to, letter: letterNumber };
  if (step.kind === 'staffed') {
    const place = await placeOf(db, step.engineerId);
    Object.assign(set, {
      assignee_id: step.engineerId,
      assigned_at: at,
      team_id: place.team_id ?? t.team_id,
      department_id: place.department_id ?? t.department_id,
    });
    data = { ...data, from: t.assignee_id, to: step.engineerId, toName: place.name, state: { from, to: move.to } };
  }
  if (step.kind === 'solved') Object.assign(set, { cause: step.cause, solution: step.solution, resolved_at: at });
  if (step.kind === 'unsolved') set.resolved_at = null;
  if (move.events.length)
    set.sla_events = JSON.stringify([...parseEvents(t.sla_events), ...move.events.map((type) => ({ at: now, type }))]);
  if (!(await moveFromState(db, ticketId, from, set, at))) return null;
  await insertEntry(db, {
    ticketId,
    kind: step.kind === 'staffed' ? 'assignment' : 'state',
    visibility: step.kind === 'staffed' ? 'internal' : 'public',
    authorId: ctx.actor.id,
    body: step.kind === 'solved' ? step.solution : letterNumber,
    data: step.kind === 'solved' ? { ...data, cause: step.cause } : data,
    at,
  });
  if (step.kind === 'solved') await indexTicketText(db, ctx.dialect, ticketId, step.cause, step.solution);
  await refreshSla(db, await findTicket(db, ticketId), now);
  await recordAudit(db, ctx, {
    action: `ticket.${move.action}`,
    entity: 'ticket',
    entityId: ticketId,
    before: { state: from, assigneeId: t.assignee_id },
    after: { state: move.to, via: letterNumber, ...(step.kind === 'staffed' && { assigneeId: step.engineerId }) },
  });
  return move.to;
}
