import {
  DEFAULT_TIME_ZONE,
  type TTicketEntry,
  type TTicketEntryKind,
  type TTicketEscalate,
  type TTicketEscalation,
  type TTicketRecord,
  type TTicketReply,
  isOpenTicketState,
  localDateInZone,
  localDateOf,
} from '@techserve/core';
import { type Ctx, type Db, can } from '../../http/context';
import { AppError, forbidden, invalidValue, notFound, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { listAttachmentsForEntries } from './attachments.service';
import { isCustomerSide, ticketFor } from './tickets.access';
import { AssignmentReads, autoAssign, isWorker } from './tickets.assignment';
import * as repo from './tickets.repository';
import { bumpVersion, getTicket, tellCustomer } from './tickets.service';
import { parseEvents, policyOfTicket, refreshSla } from './tickets.sla';

/** The timeline (SR-10): everything that happened, oldest first; a customer sees the public entries only. */
export async function timeline(ctx: Ctx, id: number): Promise<TTicketEntry[]> {
  await ticketFor(ctx, id);
  let q = ctx.db
    .selectFrom('ticket_entries')
    .leftJoin('users', 'users.id', 'ticket_entries.author_id')
    .selectAll('ticket_entries')
    .select('users.name as author_name')
    .where('ticket_entries.ticket_id', '=', id)
    .orderBy('ticket_entries.id');
  if (isCustomerSide(ctx.actor)) q = q.where('ticket_entries.visibility', '=', 'public');
  const rows = await q.execute();
  const files = await listAttachmentsForEntries(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as TTicketEntryKind,
    visibility: r.visibility as 'public' | 'internal',
    authorId: r.author_id,
    authorName: r.author_name,
    body: r.body,
    data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : null,
    attachments: files.get(r.id) ?? [],
    createdAt: r.created_at,
  }));
}

/**
 * SR-8: a reply. Staff write public replies (the customer is told) or internal notes; the first public staff
 * reply is the first response (SLA-2). A customer's reply while the request waits for them resumes it (SR-7).
 */
export async function reply(ctx: Ctx, id: number, body: TTicketReply): Promise<TTicketEntry> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const customerSide = isCustomerSide(ctx.actor);
  const entryId = await ctx.db.transaction().execute(async (db) => {
    const t = await ticketFor(ctx, id, db);
    if (body.visibility === 'internal' && (customerSide || !can(ctx.actor, 'tickets.work')))
      throw forbidden('Internal notes need the tickets.work permission');
    if (!customerSide && !can(ctx.actor, 'tickets.work') && !can(ctx.actor, 'tickets.assign'))
      throw forbidden('Replying needs the tickets.work permission');
    if (t.state === 'closed' || t.state === 'cancelled')
      throw new AppError('illegal_transition', `A ${t.state} request takes no more replies`);
    const entry = await repo.insertEntry(db, {
      ticketId: id,
      kind: body.visibility === 'public' ? 'reply' : 'note',
      visibility: body.visibility,
      authorId: ctx.actor.id,
      body: body.body,
      at,
    });
    const set: Record<string, unknown> = { updated_at: at };
    const events = parseEvents(t.sla_events);
    if (!customerSide && body.visibility === 'public' && isOpenTicketState(t.state)) {
      events.push({ at: now.getTime(), type: 'first_response' });
      await tellCustomer(db, at, t, '有新的回复', 'new reply');
    }
    if (customerSide && t.state === 'waiting') {
      events.push({ at: now.getTime(), type: 'resumed' });
      Object.assign(set, { state: 'in_progress', version: t.version + 1 });
      await repo.insertEntry(db, {
        ticketId: id,
        kind: 'state',
        visibility: 'public',
        authorId: ctx.actor.id,
        data: { action: 'resume', from: 'waiting', to: 'in_progress' },
        at,
      });
    }
    if (customerSide && t.assignee_id) {
      await notify(db, at, {
        userIds: [t.assignee_id],
        kind: 'ticket_customer_reply',
        title: { zh: `${t.number} 客户回复`, en: `${t.number}: the customer replied` },
        body: { zh: body.body.slice(0, 500), en: body.body.slice(0, 500) },
        link: `/tickets/${id}`,
        ticketId: id,
      });
    }
    set.sla_events = JSON.stringify(events);
    await db.updateTable('tickets').set(set).where('id', '=', id).execute();
    if (body.visibility === 'public') await repo.indexTicketText(db, ctx.dialect, id, body.body);
    await refreshSla(db, { ...t, ...set } as typeof t, now.getTime());
    await recordAudit(db, ctx, {
      action: `ticket.${body.visibility === 'public' ? 'reply' : 'note'}`,
      entity: 'ticket',
      entityId: id,
      after: { entryId: entry },
    });
    return entry;
  });
  return (await timeline(ctx, id)).find((e) => e.id === entryId) as TTicketEntry;
}

/** SR-10 time and parts, SR-8 committed resolution time, SR-13 market information — each on the timeline. */
export async function addRecord(ctx: Ctx, id: number, body: TTicketRecord): Promise<TTicketEntry> {
  if (isCustomerSide(ctx.actor) || !can(ctx.actor, 'tickets.work')) throw forbidden('Recording work needs the tickets.work permission');
  const now = ctx.clock.now();
  const at = now.toISOString();
  const entryId = await ctx.db.transaction().execute(async (db) => {
    const t = await ticketFor(ctx, id, db);
    if (t.state === 'closed' || t.state === 'cancelled')
      throw new AppError('illegal_transition', `A ${t.state} request takes no more records`);
    let entry: { visibility: 'public' | 'internal'; body: string | null; data: Record<string, unknown> };
    switch (body.kind) {
      case 'time':
        entry = { visibility: 'internal', body: body.note ?? null, data: { minutes: body.minutes } };
        break;
      case 'part': {
        let replacementId: number | null = null;
        if (body.replacesWarrantyPart) {
          // CU-2: a replaced part extends the warranty of the installed product it went into.
          if (!t.installed_product_id) throw invalidValue('body.replacesWarrantyPart', 'the request names no installed product', 'CU-2');
          const r = await db
            .insertInto('part_replacements')
            .values({
              installed_product_id: t.installed_product_id,
              part: body.part,
              replaced_on: localDateOf(now.getTime()),
              note: t.number,
              created_at: at,
              created_by: ctx.actor.id,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          replacementId = r.id;
        }
        entry = {
          visibility: 'public',
          body: body.part,
          data: { part: body.part, quantity: body.quantity, partReplacementId: replacementId },
        };
        break;
      }
      case 'commitment':
        if (Date.parse(body.committedAt) <= now.getTime()) throw invalidValue('body.committedAt', 'must be in the future', 'SR-8');
        await db
          .updateTable('tickets')
          .set({ committed_at: new Date(body.committedAt).toISOString(), updated_at: at })
          .where('id', '=', id)
          .execute();
        entry = { visibility: 'public', body: body.reason, data: { committedAt: new Date(body.committedAt).toISOString() } };
        await tellCustomer(db, at, t, `承诺解决时间 ${body.committedAt}`, `committed resolution time ${body.committedAt}`);
        break;
      case 'market_info':
        entry = { visibility: 'internal', body: body.content, data: { category: body.category } };
        break;
      case 'arrival': {
        // SLA-2: arriving on site meets the on-site target (and answers the customer, if nothing did yet).
        if (!t.needs_visit) throw invalidValue('body.kind', 'the request needs no visit', 'SLA-2');
        if (!isOpenTicketState(t.state)) throw new AppError('illegal_transition', `A ${t.state} request takes no arrival`);
        const events = [...parseEvents(t.sla_events), { at: now.getTime(), type: 'arrived_on_site' as const }];
        await db
          .updateTable('tickets')
          .set({ sla_events: JSON.stringify(events), updated_at: at })
          .where('id', '=', id)
          .execute();
        await refreshSla(db, { ...t, sla_events: JSON.stringify(events) }, now.getTime());
        entry = { visibility: 'public', body: body.note ?? null, data: { arrivedAt: at } };
        break;
      }
    }
    const entryId = await repo.insertEntry(db, { ticketId: id, kind: body.kind, authorId: ctx.actor.id, at, ...entry });
    await recordAudit(db, ctx, { action: `ticket.${body.kind}`, entity: 'ticket', entityId: id, after: body });
    return entryId;
  });
  return (await timeline(ctx, id)).find((e) => e.id === entryId) as TTicketEntry;
}

// Escalation (SR-6, ORG-3) -----------------------------------------------------------------------------------

export async function escalationsOf(db: Db, ticketIds: number[]): Promise<Array<TTicketEscalation & { ticketId: number }>> {
  if (ticketIds.length === 0) return [];
  const rows = await db
    .selectFrom('ticket_escalations as e')
    .leftJoin('users as f', 'f.id', 'e.from_user_id')
    .leftJoin('users as t', 't.id', 'e.to_user_id')
    .selectAll('e')
    .select(['f.name as from_name', 't.name as to_name'])
    .where('e.ticket_id', 'in', ticketIds)
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    kind: r.kind as TTicketEscalation['kind'],
    fromUserId: r.from_user_id,
    fromUserName: r.from_name,
    toUserId: r.to_user_id,
    toUserName: r.to_name,
    description: r.description,
    targetAt: r.target_at,
    rndPerson: r.rnd_person,
    state: r.state as 'open' | 'answered',
    answer: r.answer,
    answeredAt: r.answered_at,
    createdAt: r.created_at,
  }));
}

const KIND_TEXT = {
  l2: { zh: '升级到二线', en: 'escalated to tier 2' },
  expert: { zh: '咨询产品专家', en: 'product expert consulted' },
  rnd: { zh: '提交研发', en: 'raised to R&D' },
} as const;

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
    const set: Record<string, unknown> = {};
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
          tier2: true,
          exclude: t.assignee_id ? [t.assignee_id] : [],
        };
        // SR-6: tier 2 takes what tier 1 cannot solve. When every tier-2 engineer is away on a trip, the request
        // still goes to one of them (reachable by phone while travelling, AT-2), rather than nowhere.
        const reads = new AssignmentReads(db);
        const today = localDateInZone(DEFAULT_TIME_ZONE, ctx.clock.now().getTime());
        let chosen = await autoAssign(db, { ...facts, today }, reads);
        if (!chosen.userId) chosen = await autoAssign(db, { ...facts, today, travellingAvailable: true }, reads);
        if (!chosen.userId)
          throw new AppError('rule_violation', 'SR-6: no tier-2 engineer (skill "L2") is available; choose one', { ruleId: 'SR-6' });
        toUserId = chosen.userId;
      }
      const events = parseEvents(t.sla_events);
      if (t.state === 'waiting') events.push({ at: now.getTime(), type: 'resumed' });
      Object.assign(set, { tier: 2, assignee_id: toUserId, assigned_at: at, state: 'assigned', sla_events: JSON.stringify(events) });
    } else if (body.kind === 'expert') {
      if (body.toUserId) toUserId = body.toUserId;
      else {
        const first = t.product_id
          ? await db
              .selectFrom('product_experts')
              .select('user_id')
              .where('product_id', '=', t.product_id)
              .where('user_id', '!=', a.id)
              .orderBy('rank')
              .executeTakeFirst()
          : undefined;
        if (!first) throw invalidValue('body.toUserId', 'ORG-3: the product has no expert to consult; name one', 'ORG-3');
        toUserId = first.user_id;
      }
      if (!(await isWorker(db, toUserId))) throw invalidValue('body.toUserId', 'not an active engineer');
    } else {
      toUserId = body.ownerId;
      if (!(await isWorker(db, toUserId))) throw invalidValue('body.ownerId', 'not an active engineer');
      if (Date.parse(body.targetAt) <= now.getTime()) throw invalidValue('body.targetAt', 'must be in the future', 'SR-6');
    }
    const esc = await db
      .insertInto('ticket_escalations')
      .values({
        ticket_id: id,
        kind: body.kind,
        from_user_id: a.id,
        to_user_id: toUserId,
        rnd_person: body.kind === 'rnd' ? body.rndPerson : null,
        description: body.description,
        target_at: body.kind === 'rnd' ? new Date(body.targetAt).toISOString() : null,
        state: 'open',
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bumpVersion(db, id, body.version, set, at);
    const to = await db.selectFrom('users').select('name').where('id', '=', toUserId).executeTakeFirstOrThrow();
    await repo.insertEntry(db, {
      ticketId: id,
      kind: 'escalation',
      visibility: 'internal',
      authorId: a.id,
      body: body.description,
      data: { escalationId: esc.id, kind: body.kind, to: toUserId, toName: to.name },
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
    const updated = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await refreshSla(db, updated, now.getTime());
    await recordAudit(db, ctx, { action: `ticket.escalate.${body.kind}`, entity: 'ticket', entityId: id, after: { ...body, toUserId } });
    const k = KIND_TEXT[body.kind];
    await notify(db, at, {
      userIds: [toUserId],
      kind: `ticket_escalation_${body.kind}`,
      title: { zh: `${t.number} ${k.zh}`, en: `${t.number}: ${k.en}` },
      body: { zh: body.description.slice(0, 500), en: body.description.slice(0, 500) },
      link: `/tickets/${id}`,
      ticketId: id,
    });
  });
  return getTicket(ctx, id);
}

/** SR-6: the receiver of a hop feeds the solution back; the one who escalated is told. */
export async function answerEscalation(ctx: Ctx, id: number, escalationId: number, answer: string) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (db) => {
    const t = await ticketFor(ctx, id, db);
    if (isCustomerSide(ctx.actor)) throw notFound('Escalation');
    const e = await db
      .selectFrom('ticket_escalations')
      .selectAll()
      .where('id', '=', escalationId)
      .where('ticket_id', '=', id)
      .executeTakeFirst();
    if (!e) throw notFound('Escalation');
    if (e.to_user_id !== ctx.actor.id && !can(ctx.actor, 'tickets.manage'))
      throw forbidden('Only the receiver of the escalation (or a supervisor) answers it');
    const res = await db
      .updateTable('ticket_escalations')
      .set({ state: 'answered', answer, answered_at: at, answered_by: ctx.actor.id })
      .where('id', '=', escalationId)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('illegal_transition', 'The escalation is already answered');
    await repo.insertEntry(db, {
      ticketId: id,
      kind: 'escalation_answer',
      visibility: 'internal',
      authorId: ctx.actor.id,
      body: answer,
      data: { escalationId, kind: e.kind },
      at,
    });
    await db.updateTable('tickets').set({ updated_at: at }).where('id', '=', id).execute();
    await recordAudit(db, ctx, { action: 'ticket.escalation.answer', entity: 'ticket', entityId: id, after: { escalationId, answer } });
    const ids = [e.from_user_id, t.assignee_id].filter((x): x is number => x != null && x !== ctx.actor.id);
    if (ids.length)
      await notify(db, at, {
        userIds: ids,
        kind: 'ticket_escalation_answer',
        title: { zh: `${t.number} 已反馈解决方案`, en: `${t.number}: solution fed back` },
        body: { zh: answer.slice(0, 500), en: answer.slice(0, 500) },
        link: `/tickets/${id}`,
        ticketId: id,
      });
  });
  return getTicket(ctx, id);
}

// Change requests (SR-12) -----------------------------------------------------------------------------------

/** SR-12: the written record — customer's written confirmation, discussion with sales and R&D. */
export async function updateChangeRequest(
  ctx: Ctx,
  id: number,
  body: {
    version: number;
    customerWrittenConfirmation?: boolean;
    confirmationNote?: string | null;
    discussedWithSales?: boolean;
    discussedWithRnd?: boolean;
  },
) {
  if (isCustomerSide(ctx.actor) || !can(ctx.actor, 'tickets.work'))
    throw forbidden('Recording a change request needs the tickets.work permission');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (db) => {
    await ticketFor(ctx, id, db);
    const cr = await db.selectFrom('ticket_change_requests').selectAll().where('ticket_id', '=', id).executeTakeFirst();
    if (!cr) throw new AppError('illegal_transition', 'SR-12: this request is not a change request', { ruleId: 'SR-12' });
    if (cr.decision !== 'pending')
      throw new AppError('illegal_transition', `SR-12: the GM has already ${cr.decision} this change`, { ruleId: 'SR-12' });
    const set: Record<string, unknown> = {};
    if (body.customerWrittenConfirmation !== undefined) set.customer_written_confirmation = body.customerWrittenConfirmation ? 1 : 0;
    if (body.confirmationNote !== undefined) set.confirmation_note = body.confirmationNote;
    if (body.discussedWithSales !== undefined) set.discussed_with_sales = body.discussedWithSales ? 1 : 0;
    if (body.discussedWithRnd !== undefined) set.discussed_with_rnd = body.discussedWithRnd ? 1 : 0;
    await bumpVersion(db, id, body.version, {}, at);
    if (Object.keys(set).length) await db.updateTable('ticket_change_requests').set(set).where('ticket_id', '=', id).execute();
    await repo.insertEntry(db, {
      ticketId: id,
      kind: 'change_request',
      visibility: 'internal',
      authorId: ctx.actor.id,
      data: { ...body, version: undefined },
      at,
    });
    await recordAudit(db, ctx, { action: 'ticket.change_request.update', entity: 'ticket', entityId: id, before: cr, after: set });
  });
  return getTicket(ctx, id);
}

/**
 * SR-12: the GM approves or rejects before any change. Approval needs the discussion with sales and R&D on
 * record; without the customer's written confirmation the GM must sign for it explicitly.
 */
export async function decideChangeRequest(
  ctx: Ctx,
  id: number,
  body: { version: number; approve: boolean; comment?: string; signWithoutWrittenConfirmation?: boolean },
) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (db) => {
    const t = await ticketFor(ctx, id, db);
    const cr = await db.selectFrom('ticket_change_requests').selectAll().where('ticket_id', '=', id).executeTakeFirst();
    if (!cr) throw new AppError('illegal_transition', 'SR-12: this request is not a change request', { ruleId: 'SR-12' });
    if (cr.decision !== 'pending')
      throw new AppError('illegal_transition', `SR-12: the change is already ${cr.decision}`, { ruleId: 'SR-12' });
    if (body.approve) {
      if (!cr.discussed_with_sales || !cr.discussed_with_rnd)
        throw new AppError('rule_violation', 'SR-12: discuss the change with sales and R&D before the GM approves it', { ruleId: 'SR-12' });
      if (!cr.customer_written_confirmation && !body.signWithoutWrittenConfirmation) {
        throw new AppError(
          'rule_violation',
          'SR-12: the customer has not confirmed the change in writing; the GM must sign for it (signWithoutWrittenConfirmation)',
          {
            ruleId: 'SR-12',
            details: [{ path: 'body.signWithoutWrittenConfirmation', message: 'required without the customer’s written confirmation' }],
          },
        );
      }
    }
    await bumpVersion(db, id, body.version, {}, at);
    await db
      .updateTable('ticket_change_requests')
      .set({
        decision: body.approve ? 'approved' : 'rejected',
        decided_by: ctx.actor.id,
        decided_at: at,
        decision_comment: body.comment ?? null,
      })
      .where('ticket_id', '=', id)
      .execute();
    await repo.insertEntry(db, {
      ticketId: id,
      kind: 'change_request',
      visibility: 'public',
      authorId: ctx.actor.id,
      body: body.comment ?? null,
      data: {
        decision: body.approve ? 'approved' : 'rejected',
        signedWithoutWrittenConfirmation: Boolean(body.approve && !cr.customer_written_confirmation),
      },
      at,
    });
    await recordAudit(db, ctx, {
      action: `ticket.change_request.${body.approve ? 'approve' : 'reject'}`,
      entity: 'ticket',
      entityId: id,
      after: body,
    });
    if (t.assignee_id)
      await notify(db, at, {
        userIds: [t.assignee_id],
        kind: 'ticket_change_decision',
        title: {
          zh: `${t.number} 变更${body.approve ? '已批准' : '被驳回'}`,
          en: `${t.number}: change ${body.approve ? 'approved' : 'rejected'}`,
        },
        body: { zh: body.comment ?? '', en: body.comment ?? '' },
        link: `/tickets/${id}`,
        ticketId: id,
      });
  });
  return getTicket(ctx, id);
}

/** SR-12: no work on a change request before the GM's approval. */
export async function assertChangeApproved(db: Db, ticketId: number) {
  const cr = await db.selectFrom('ticket_change_requests').select('decision').where('ticket_id', '=', ticketId).executeTakeFirst();
  if (cr && cr.decision !== 'approved')
    throw new AppError('rule_violation', 'SR-12: a change request needs the GM’s approval before any work starts', { ruleId: 'SR-12' });
}
