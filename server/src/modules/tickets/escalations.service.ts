import { type TPriority, type TTicketCannotWait, type TTicketEscalate, isOpenTicketState, localDateInZone } from '@techserve/core';
import { type Ctx, can } from '../../http/context';
import { AppError, forbidden, invalidValue, notFound, refuse, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import * as escalationRepo from './escalations.repository';
import { isCustomerSide, ticketFor } from './tickets.access';
import { AssignmentReads, autoAssign, isWorker } from './tickets.assignment';
import { getTicket } from './tickets.detail';
import { tellCannotWait, tellEscalated, tellEscalationAnswered } from './tickets.notifications';
import * as repo from './tickets.repository';
import { parseEvents, policyOfTicket, refreshSla } from './tickets.sla';
import { slaAlertManagers } from './tickets.sla.repository';

// Escalation (SR-6, ORG-3) -----------------------------------------------------------------------------------

/**
 * SR-6: L1 → L2 hands the request over (tier 2, re-assigned, the L2 engineer accepts it); consulting the product
 * expert (ORG-3) keeps the assignee and asks the expert; R&D is raised by a supervisor with owner, R&D person
 * and target time. Each hop is on the timeline and notifies its receiver.
 */
export async function escalate(ctx: Ctx, id: number, body: TTicketEscalate) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const a = ctx.actor;
  if (isCustomerSide(a) || !can(a, 'tickets.work')) throw forbidden('Escalating needs the tickets.work permission');
  if (body.kind === 'rnd' && !can(a, 'tickets.manage')) throw forbidden('SR-6: the supervisor raises a defect to R&D (tickets.manage)');
  await ctx.db.transaction().execute(async (db) => {
    const t = await ticketFor(ctx, id, db);
    if (!isOpenTicketState(t.state)) throw new AppError('illegal_transition', `A ${t.state} request cannot be escalated`);
    if (t.version !== body.version) throw versionConflict('The service request');
    const policy = await policyOfTicket(db, t.created_at);
    let toUserId: number | null = null;
    const set: Parameters<typeof repo.bumpVersion>[3] = {};
    if (body.kind === 'l2') {
      if (t.tier >= 2) throw new AppError('illegal_transition', 'SR-6: the request is already with tier 2');
      if (body.toUserId) {
        if (!(await isWorker(db, body.toUserId))) throw invalidValue('body.toUserId', 'not an active engineer');
        toUserId = body.toUserId;
      } else {
        const facts = {
          productId: t.product_id,
          regionId: t.region_id,
          policyVersion: policy.number,
          cap: { assignment: policy.document.sla.assignment, priority: t.priority as TPriority },
          tier2: true,
          exclude: t.assignee_id ? [t.assignee_id] : [],
        };
        // SR-6: tier 2 takes what tier 1 cannot solve. When every tier-2 engineer is away on a trip, the request
        // still goes to one of them (reachable by phone while travelling, AT-2), rather than nowhere.
        const reads = new AssignmentReads(db);
        const today = localDateInZone(ctx.timeZone, ctx.clock.now().getTime());
        let chosen = await autoAssign(db, { ...facts, today }, reads);
        if (!chosen.userId) chosen = await autoAssign(db, { ...facts, today, travellingAvailable: true }, reads);
        if (!chosen.userId) throw new AppError('rule_violation', 'SR-6: no tier-2 engineer is available; choose one', { ruleId: 'SR-6' });
        toUserId = chosen.userId;
      }
      const events = parseEvents(t.sla_events);
      if (t.state === 'waiting') events.push({ at: now.getTime(), type: 'resumed' });
      Object.assign(set, { tier: 2, assignee_id: toUserId, assigned_at: at, state: 'assigned', sla_events: JSON.stringify(events) });
    } else if (body.kind === 'expert') {
      if (body.toUserId) toUserId = body.toUserId;
      else {
        const first = t.product_id ? await escalationRepo.firstProductExpert(db, t.product_id, a.id) : undefined;
        if (first === undefined) throw invalidValue('body.toUserId', 'ORG-3: the product has no expert to consult; name one', 'ORG-3');
        toUserId = first;
      }
      if (!(await isWorker(db, toUserId))) throw invalidValue('body.toUserId', 'not an active engineer');
    } else {
      toUserId = body.ownerId;
      if (!(await isWorker(db, toUserId))) throw invalidValue('body.ownerId', 'not an active engineer');
      if (Date.parse(body.targetAt) <= now.getTime()) throw invalidValue('body.targetAt', 'must be in the future', 'SR-6');
    }
    const escalationId = await escalationRepo.insertEscalation(db, {
      ticket_id: id,
      kind: body.kind,
      from_user_id: a.id,
      to_user_id: toUserId,
      rnd_person: body.kind === 'rnd' ? body.rndPerson : null,
      description: body.description,
      target_at: body.kind === 'rnd' ? new Date(body.targetAt).toISOString() : null,
      state: 'open',
      created_at: at,
    });
    await repo.bumpVersion(db, id, body.version, set, at);
    const toName = await escalationRepo.userName(db, toUserId);
    await repo.insertEntry(db, {
      ticketId: id,
      kind: 'escalation',
      visibility: 'internal',
      authorId: a.id,
      body: body.description,
      data: { escalationId, kind: body.kind, to: toUserId, toName },
      at,
    });
    // The customer hears that specialists are on it (SR-8), not who or why.
    await repo.insertEntry(db, {
      ticketId: id,
      kind: 'state',
      visibility: 'public',
      authorId: a.id,
      data: { action: 'escalate', kind: body.kind },
      at,
    });
    await refreshSla(db, await repo.findTicket(db, id), now.getTime());
    await recordAudit(db, ctx, { action: `ticket.escalate.${body.kind}`, entity: 'ticket', entityId: id, after: { ...body, toUserId } });
    await tellEscalated(db, at, t, body.kind, toUserId, body.description);
  });
  return getTicket(ctx, id);
}

/** SR-6: the receiver of a hop feeds the solution back; the one who escalated is told. */
export async function answerEscalation(ctx: Ctx, id: number, escalationId: number, answer: string) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (db) => {
    const t = await ticketFor(ctx, id, db);
    if (isCustomerSide(ctx.actor)) throw notFound('Escalation');
    const e = await escalationRepo.findEscalation(db, id, escalationId);
    if (!e) throw notFound('Escalation');
    if (e.to_user_id !== ctx.actor.id && !can(ctx.actor, 'tickets.manage'))
      throw forbidden('Only the receiver of the escalation (or a supervisor) answers it');
    if (!(await escalationRepo.answerEscalation(db, escalationId, { answer, at, by: ctx.actor.id })))
      throw new AppError('illegal_transition', 'The escalation is already answered');
    await repo.insertEntry(db, {
      ticketId: id,
      kind: 'escalation_answer',
      visibility: 'internal',
      authorId: ctx.actor.id,
      body: answer,
      data: { escalationId, kind: e.kind },
      at,
    });
    await repo.touchTicket(db, id, { updated_at: at });
    await recordAudit(db, ctx, { action: 'ticket.escalation.answer', entity: 'ticket', entityId: id, after: { escalationId, answer } });
    const ids = [e.from_user_id, t.assignee_id].filter((x): x is number => x != null && x !== ctx.actor.id);
    await tellEscalationAnswered(db, at, t, ids, answer);
  });
  return getTicket(ctx, id);
}

/**
 * SR-5: a customer who cannot wait is escalated to the supervisor to re-allocate — the team's lead and the
 * department's head as the organisation names them (ORG-1) are told, and it is on the timeline (internal) and audited.
 * The supervisor re-allocates with the assign action.
 */
export async function customerCannotWait(ctx: Ctx, id: number, body: TTicketCannotWait) {
  const at = ctx.clock.now().toISOString();
  const a = ctx.actor;
  if (isCustomerSide(a) || !(can(a, 'tickets.work') || can(a, 'tickets.assign')))
    throw forbidden('Escalating needs the tickets.work or tickets.assign permission');
  await ctx.db.transaction().execute(async (db) => {
    const t = await ticketFor(ctx, id, db);
    if (!isOpenTicketState(t.state)) throw refuse('illegal_transition', 'tickets.cannotWaitClosed', {}, { ruleId: 'SR-5' });
    if (t.version !== body.version) throw versionConflict('The service request');
    const supervisors = await slaAlertManagers(db, t);
    if (supervisors.length === 0) throw refuse('rule_violation', 'tickets.cannotWaitNoSupervisor', {}, { ruleId: 'SR-5' });
    const names = await Promise.all(supervisors.map(async (u) => (await repo.placeOf(db, u)).name));
    await repo.bumpVersion(db, id, body.version, {}, at);
    await repo.insertEntry(db, {
      ticketId: id,
      kind: 'escalation',
      visibility: 'internal',
      authorId: a.id,
      body: body.reason,
      data: { kind: 'cannotWait', toUserIds: supervisors, toName: names.join('、'), priority: t.priority, ruleId: 'SR-5' },
      at,
    });
    await recordAudit(db, ctx, {
      action: 'ticket.cannot_wait',
      entity: 'ticket',
      entityId: id,
      after: { reason: body.reason, supervisors },
    });
    await tellCannotWait(db, at, t, supervisors, body.reason);
  });
  return getTicket(ctx, id);
}
