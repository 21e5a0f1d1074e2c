import {
  type TTicketEntry,
  type TTicketEntryKind,
  type TTicketRecord,
  type TTicketReply,
  expectedFixTime,
  localText,
  isOpenTicketState,
  localDateOf,
} from '@techserve/core';
import { type Ctx, can } from '../../http/context';
import { AppError, fieldDetail, forbidden, invalidValue, refuse } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { insertReplacement } from '../customers/customers.repository';
import { listAttachmentsForEntries } from './attachments.service';
import { isCustomerSide, ticketFor } from './tickets.access';
import { tellCustomer, tellCustomerReplied } from './tickets.notifications';
import * as repo from './tickets.repository';
import { calendarOf, clockOf, parseEvents, policyOfTicket, refreshSla } from './tickets.sla';

/** The timeline (SR-10): everything that happened, oldest first; a customer sees the public entries only. */
export async function timeline(ctx: Ctx, id: number): Promise<TTicketEntry[]> {
  await ticketFor(ctx, id);
  const rows = await repo.listEntries(ctx.db, id, isCustomerSide(ctx.actor));
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
    const events = parseEvents(t.sla_events);
    const responding = !customerSide && body.visibility === 'public' && isOpenTicketState(t.state);
    const first = responding && !events.some((e) => e.type === 'first_response');
    if (body.expectedFixAt && !first) {
      const detail = fieldDetail('body.expectedFixAt', 'tickets.expectedFixNotFirst');
      throw refuse('invalid_value', 'tickets.expectedFixNotFirst', {}, { ruleId: 'SLA-5', details: [detail] });
    }
    const fix = first ? await expectedFix(db, t, body.expectedFixAt, now.getTime()) : null;
    if (body.offersSolution && !responding) {
      const detail = fieldDetail('body.offersSolution', 'tickets.solutionOfferNotPublic');
      throw refuse('invalid_value', 'tickets.solutionOfferNotPublic', {}, { ruleId: 'SLA-2', details: [detail] });
    }
    // SLA-2: the solution offered starts a resolution clock that counts from it (the first offer counts).
    const offers = Boolean(body.offersSolution) && !events.some((e) => e.type === 'solution_offered');
    const entry = await repo.insertEntry(db, {
      ticketId: id,
      kind: body.visibility === 'public' ? 'reply' : 'note',
      visibility: body.visibility,
      authorId: ctx.actor.id,
      body: body.body,
      data:
        fix || body.offersSolution
          ? Object.assign(
              {},
              fix ? { expectedFixAt: new Date(fix.at).toISOString(), explanation: fix.explanation } : {},
              body.offersSolution ? { offersSolution: true } : {},
            )
          : undefined,
      at,
    });
    const set: Parameters<typeof repo.touchTicket>[2] = { updated_at: at };
    if (fix) set.committed_at = new Date(fix.at).toISOString();
    if (responding) {
      events.push({ at: now.getTime(), type: 'first_response' });
      if (offers) events.push({ at: now.getTime(), type: 'solution_offered' });
      // The customer hears the time, not the rule behind it (staff see the explanation on the timeline).
      if (fix) await tellCustomer(db, at, t, 'responded', { time: fix.localText }, body.body);
      else await tellCustomer(db, at, t, 'newReply', {}, body.body);
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
    if (customerSide && t.assignee_id) await tellCustomerReplied(db, at, t, t.assignee_id, body.body);
    set.sla_events = JSON.stringify(events);
    await repo.touchTicket(db, id, set);
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

/** SLA-5: the expected fix time the first response states (the engineer's, or the resolution target's due time). */
async function expectedFix(db: Parameters<typeof clockOf>[0], t: Parameters<typeof clockOf>[1], stated: string | undefined, now: number) {
  const policy = await policyOfTicket(db, t.created_at);
  const calendar = await calendarOf(db, t.calendar_id);
  const clock = await clockOf(db, t, now, { policy, calendar });
  const fix = expectedFixTime({
    stated: stated ? Date.parse(stated) : null,
    resolutionDueAt: clock.resolution.dueAt,
    now,
    timeZone: calendar.compiled.timeZone,
    policyVersion: policy.number,
  });
  if (!fix.ok) {
    const detail = fieldDetail('body.expectedFixAt', 'tickets.expectedFixInPast');
    throw refuse('invalid_value', 'tickets.expectedFixInPast', {}, { ruleId: 'SLA-5', details: [detail] });
  }
  return fix;
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
          const r = await insertReplacement(db, {
            installed_product_id: t.installed_product_id,
            part: body.part,
            replaced_on: localDateOf(now.getTime()),
            note: t.number,
            created_at: at,
            created_by: ctx.actor.id,
          });
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
        await repo.touchTicket(db, id, { committed_at: new Date(body.committedAt).toISOString(), updated_at: at });
        entry = { visibility: 'public', body: body.reason, data: { committedAt: new Date(body.committedAt).toISOString() } };
        await tellCustomer(db, at, t, 'committed', { time: localText(Date.parse(body.committedAt), ctx.timeZone) }, body.reason);
        break;
      case 'market_info':
        entry = { visibility: 'internal', body: body.content, data: { category: body.category } };
        break;
      case 'arrival': {
        // SLA-2: arriving on site meets the on-site target (and answers the customer, if nothing did yet).
        if (!t.needs_visit) throw invalidValue('body.kind', 'the request needs no visit', 'SLA-2');
        if (!isOpenTicketState(t.state)) throw new AppError('illegal_transition', `A ${t.state} request takes no arrival`);
        const events = [...parseEvents(t.sla_events), { at: now.getTime(), type: 'arrived_on_site' as const }];
        await repo.touchTicket(db, id, { sla_events: JSON.stringify(events), updated_at: at });
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
