import {
  type TCustomerMessageKey,
  type TExplanation,
  type TImpact,
  type TPriority,
  type TSlaEvent,
  type TTicket,
  type TTicketListQuery,
  type TTicketState,
  type TTicketTransition,
  type TTicketUpdate,
  type TUrgency,
  isOpenTicketState,
  legalTicketActions,
  localDateInZone,
  nextTicketState,
  ticketActionRefusal,
  slaEventOf,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, can } from '../../http/context';
import { AppError, forbidden, invalidValue, versionConflict } from '../../http/errors';
import { encodeCursor } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { assertChangeApproved } from './change-requests.service';
import { scheduleFollowUp } from './followups.service';
import { isCustomerSide, ticketActorOf, ticketFor } from './tickets.access';
import { autoAssign, isWorker } from './tickets.assignment';
import { getTicket, toSummary } from './tickets.detail';
import { tellAssignee, tellCustomer, tellReopened } from './tickets.notifications';
import * as listRepo from './tickets.list.repository';
import * as repo from './tickets.repository';
import * as sortedRepo from './tickets.sorted.repository';
import { parseEvents, policyOfTicket, priorityOf, refreshSla } from './tickets.sla';

export async function listTickets(ctx: Ctx, query: TTicketListQuery) {
  const filter = { ...query, actorId: ctx.actor.id };
  if (query.sort) {
    // Issue 12 item 9: a column's order; the cursor carries the sort, the last key and the id.
    const order = query.order ?? 'desc';
    const rows = await sortedRepo.sortedTickets(ctx.db, ctx.dialect, ctx.actor, filter, query.sort, order, query.limit);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > query.limit ? encodeCursor([sortedRepo.sortToken(query.sort, order), last.sort_key, last.id]) : null;
    return { items: items.map(toSummary), nextCursor };
  }
  const rows = await listRepo.listTickets(ctx.db, ctx.dialect, ctx.actor, filter, query.limit);
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  return { items: items.map(toSummary), nextCursor: more ? encodeCursor([items[items.length - 1].id]) : null };
}

// Edits and transitions (SR-3..9) -------------------------------------------------------------------------------

export async function updateTicket(ctx: Ctx, id: number, body: TTicketUpdate): Promise<TTicket> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const t = await ticketFor(ctx, id, db);
    const customerSide = isCustomerSide(ctx.actor);
    if (customerSide || !can(ctx.actor, 'tickets.work')) throw forbidden('Editing a request needs the tickets.work permission');
    if (body.priorityOverride !== undefined && !can(ctx.actor, 'tickets.manage'))
      throw forbidden('Overriding a priority needs the tickets.manage permission');
    if (!isOpenTicketState(t.state)) throw new AppError('illegal_transition', `A ${t.state} request cannot be edited`);
    const set: Parameters<typeof repo.bumpVersion>[3] = {};
    if (body.title !== undefined) set.title = body.title;
    if (body.description !== undefined) set.description = body.description;
    if (body.type !== undefined) set.type = body.type;
    if (body.needsVisit !== undefined) set.needs_visit = body.needsVisit ? 1 : 0;
    if (body.teamId !== undefined) {
      if (body.teamId && !(await repo.teamExists(db, body.teamId))) throw invalidValue('body.teamId', 'no such team');
      set.team_id = body.teamId;
    }
    const urgency = (body.urgency ?? t.urgency) as TUrgency;
    const impact = (body.impact ?? t.impact) as TImpact;
    if (body.urgency !== undefined || body.impact !== undefined || body.priorityOverride !== undefined) {
      const policy = await policyOfTicket(db, t.created_at);
      const p = priorityOf(policy, urgency, impact, body.priorityOverride);
      Object.assign(set, { urgency, impact, priority: p.priority, priority_explanation: JSON.stringify(p.explanation) });
      if (p.priority !== t.priority)
        await repo.insertEntry(db, {
          ticketId: id,
          kind: 'priority',
          visibility: 'internal',
          authorId: ctx.actor.id,
          data: { from: t.priority, to: p.priority, explanation: p.explanation },
          at,
        });
    }
    await repo.bumpVersion(db, id, body.version, set, at);
    if (body.title || body.description) await repo.indexTicketText(db, ctx.dialect, id, body.title, body.description);
    await refreshSla(db, { ...t, ...set } as typeof t, ctx.clock.now().getTime());
    await recordAudit(db, ctx, { action: 'ticket.update', entity: 'ticket', entityId: id, before: t, after: set });
  });
  return getTicket(ctx, id);
}

/** Who may take each action, beyond seeing the request (SR-4..9): core's rule, the same the reader's allowedActions show. */
function assertMayAct(ctx: Ctx, t: { assignee_id: number | null; created_by: number | null }, action: TTicketTransition['action']) {
  const refusal = ticketActionRefusal({ assigneeId: t.assignee_id, createdBy: t.created_by }, ticketActorOf(ctx.actor), action);
  if (refusal) throw forbidden(refusal.message);
}

const SIGNATURE = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;

/** SR-4..9: move the request through its states; 409 for an illegal transition or a stale version. */
export async function transition(ctx: Ctx, id: number, body: TTicketTransition): Promise<TTicket> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (db) => {
    const t = await ticketFor(ctx, id, db);
    assertMayAct(ctx, t, body.action);
    const from = t.state as TTicketState;
    const to = nextTicketState(from, body.action);
    if (!to)
      throw new AppError(
        'illegal_transition',
        `A ${from} request does not allow "${body.action}"; allowed now: ${legalTicketActions(from).join(', ') || 'nothing'}`,
      );
    if (t.version !== body.version) throw versionConflict('The service request');
    if (body.action === 'start' || body.action === 'resolve') await assertChangeApproved(db, id);
    const set: Parameters<typeof repo.bumpVersion>[3] = { state: to };
    const events: TSlaEvent[] = slaEventOf(from, body.action).map((type) => ({ at: now.getTime(), type }));
    const customerSide = isCustomerSide(ctx.actor);
    let entry: { body?: string | null; data?: Record<string, unknown>; visibility: 'public' | 'internal' } = { visibility: 'public' };
    let tell: TCustomerMessageKey | null = null;

    switch (body.action) {
      case 'assign': {
        const policy = await policyOfTicket(db, t.created_at);
        let userId = body.assigneeId ?? null;
        let explanation: TExplanation | null = null;
        if (userId) {
          if (!(await isWorker(db, userId))) throw invalidValue('body.assigneeId', 'not an active engineer');
        } else {
          const chosen = await autoAssign(db, {
            productId: t.product_id,
            regionId: t.region_id,
            policyVersion: policy.number,
            cap: { assignment: policy.document.sla.assignment, priority: t.priority as TPriority },
            today: localDateInZone(ctx.timeZone, ctx.clock.now().getTime()),
            tier2: t.tier > 1,
          });
          if (!chosen.userId)
            throw new AppError('rule_violation', 'SR-4: no engineer is available for automatic assignment; choose one', { ruleId: 'SR-4' });
          userId = chosen.userId;
          explanation = chosen.explanation;
        }
        const place = await repo.placeOf(db, userId);
        Object.assign(set, {
          assignee_id: userId,
          assigned_at: at,
          team_id: place.team_id ?? t.team_id,
          department_id: place.department_id ?? t.department_id,
        });
        entry = {
          visibility: 'internal',
          body: body.reason ?? null,
          data: { from: t.assignee_id, to: userId, toName: place.name, explanation },
        };
        break;
      }
      case 'wait':
        entry = { visibility: 'public', body: body.reason, data: { from, to } };
        tell = 'waitingForYou';
        break;
      case 'resolve':
        Object.assign(set, { cause: body.cause, solution: body.solution, resolved_at: at });
        entry = { visibility: 'public', body: body.solution, data: { from, to, cause: body.cause } };
        tell = 'resolved';
        break;
      case 'confirm': {
        const onDevice = !customerSide;
        if (onDevice) {
          // FS-8 on the engineer's device: the customer signs; without a signature it is not their confirmation.
          if (!body.signature)
            throw invalidValue('body.signature', 'the customer’s signature is required when confirming on the engineer’s device', 'FS-8');
          if (!body.signedBy) throw invalidValue('body.signedBy', 'the name of the customer who signs is required', 'FS-8');
        }
        if (body.signature && !SIGNATURE.test(body.signature))
          throw invalidValue('body.signature', 'must be a data:image/png;base64 URL', 'FS-8');
        await repo.insertRating(db, {
          ticket_id: id,
          attitude: body.rating.attitude,
          skill: body.rating.skill,
          result: body.rating.result,
          comment: body.rating.comment ?? null,
          via: onDevice ? 'device' : 'portal',
          signed_by: body.signedBy ?? (onDevice ? null : ctx.actor.name),
          signature: body.signature ?? null,
          rated_by: ctx.actor.id,
          created_at: at,
        });
        entry = {
          visibility: 'public',
          body: body.rating.comment ?? null,
          data: { from, to, rating: body.rating, via: onDevice ? 'device' : 'portal' },
        };
        break;
      }
      case 'reject':
        Object.assign(set, { reopen_count: t.reopen_count + 1, resolved_at: null });
        entry = { visibility: 'public', body: body.reason, data: { from, to, reopened: true } };
        if (t.assignee_id) await tellReopened(db, at, t, t.assignee_id, body.reason);
        break;
      case 'close': {
        set.closed_at = at;
        const policy = await policyOfTicket(db, t.created_at);
        const closedOn = localDateInZone(ctx.timeZone, now.getTime());
        await scheduleFollowUp(db, {
          ticketId: id,
          customerId: t.customer_id,
          closedOn,
          days: policy.document.sla.followUpDaysAfterClose,
          now: at,
        });
        entry = { visibility: 'public', data: { from, to, followUpInDays: policy.document.sla.followUpDaysAfterClose } };
        break;
      }
      case 'cancel':
        set.cancel_reason = body.reason;
        entry = { visibility: 'public', body: body.reason, data: { from, to } };
        tell = 'cancelled';
        break;
      default:
        entry = { visibility: 'public', data: { from, to } };
    }
    if (body.action === 'start' || body.action === 'resume') entry.data = { from, to };
    if (events.length) set.sla_events = JSON.stringify([...parseEvents(t.sla_events), ...events]);
    await repo.bumpVersion(db, id, body.version, set, at);
    await repo.insertEntry(db, {
      ticketId: id,
      kind: body.action === 'assign' ? 'assignment' : body.action === 'confirm' ? 'rating' : 'state',
      visibility: entry.visibility,
      authorId: ctx.actor.id,
      body: entry.body,
      data: { action: body.action, ...entry.data },
      at,
    });
    if (body.action === 'resolve') await repo.indexTicketText(db, ctx.dialect, id, body.cause, body.solution);
    const updated = await repo.findTicket(db, id);
    await refreshSla(db, updated, now.getTime());
    await recordAudit(db, ctx, {
      action: `ticket.${body.action}`,
      entity: 'ticket',
      entityId: id,
      before: { state: from, assigneeId: t.assignee_id },
      after: { state: to, ...set, signature: undefined, sla_events: undefined },
    });
    if (body.action === 'assign' && updated.assignee_id) await tellAssignee(db, at, id, t.number, t.title, updated.assignee_id);
    if (tell && !customerSide) await tellCustomer(db, at, t, tell, {}, entry.body ?? '');
  });
  return getTicket(ctx, id);
}
