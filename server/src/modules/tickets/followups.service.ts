import { type TFollowUp, type TGrade, type ZFollowUpComplete, type ZFollowUpListQuery, isIsoDate } from '@techserve/core';
import type { z } from 'zod';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, notFound, versionConflict } from '../../http/errors';
import { pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import * as repo from './followups.repository';

type TFollowUpListQuery = z.output<typeof ZFollowUpListQuery>;
type TFollowUpComplete = z.output<typeof ZFollowUpComplete>;

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' plus `days` calendar days (negative goes back); a pure helper for due dates. */
export function addCalendarDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new RangeError(`'${date}' is not a calendar date 'YYYY-MM-DD'`);
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

const toFollowUp = (r: repo.FollowUpRow): TFollowUp => ({
  id: r.id,
  ticketId: r.ticket_id,
  ticketNumber: r.ticket_number,
  ticketTitle: r.ticket_title,
  customerId: r.customer_id,
  customerName: r.customer_name,
  dueOn: r.due_on,
  state: r.state as TFollowUp['state'],
  satisfaction: r.satisfaction as TGrade | null,
  note: r.note,
  doneAt: r.done_at,
  doneByName: r.done_by_name,
  version: r.version,
});

/**
 * SR-11: schedule the follow-up call (回访) `days` calendar days after the request closed. Called by the close
 * transition inside its transaction. A request closed again after a reopen keeps one follow-up: an open one moves
 * to the new date, a done one stays as it was.
 */
export async function scheduleFollowUp(
  db: Db,
  f: { ticketId: number; customerId: number; closedOn: string; days: number; now: string },
): Promise<{ id: number; dueOn: string }> {
  const dueOn = addCalendarDays(f.closedOn, f.days);
  const existing = await repo.findByTicket(db, f.ticketId);
  if (existing) {
    if (existing.state !== 'open') return { id: existing.id, dueOn: existing.due_on };
    await repo.rescheduleOpen(db, existing.id, dueOn, f.now);
    return { id: existing.id, dueOn };
  }
  const { id } = await repo.insertFollowUp(db, {
    ticket_id: f.ticketId,
    customer_id: f.customerId,
    due_on: dueOn,
    state: 'open',
    satisfaction: null,
    note: null,
    done_at: null,
    done_by: null,
    created_at: f.now,
    updated_at: f.now,
  });
  return { id, dueOn };
}

/** SR-11: the follow-up queue of the requests the actor may see; `dueBefore` includes that day. */
export async function listFollowUps(ctx: Ctx, q: TFollowUpListQuery) {
  const rows = await repo.listFollowUps(ctx.db, ctx.actor, q, q.limit, q.cursor);
  const page = pageOf(rows, q.limit, (r) => [r.due_on, r.id]);
  return { items: page.items.map(toFollowUp), nextCursor: page.nextCursor };
}

/** SR-11: record the customer's satisfaction from the follow-up call; 409 when stale or already done. */
export async function completeFollowUp(ctx: Ctx, id: number, body: TFollowUpComplete): Promise<TFollowUp> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findFollowUp(trx, ctx.actor, id);
    if (!before) throw notFound('Follow-up');
    if (before.state === 'done') throw new AppError('illegal_transition', 'This follow-up has already been completed', { ruleId: 'SR-11' });
    const done = await repo.completeFollowUp(trx, id, body.version, {
      satisfaction: body.satisfaction,
      note: body.note || null,
      doneAt: nowIso(ctx.clock),
      doneBy: ctx.actor.id,
    });
    if (!done) throw versionConflict('The follow-up');
    const after = await repo.findFollowUp(trx, ctx.actor, id);
    if (!after) throw notFound('Follow-up');
    await recordAudit(trx, ctx, {
      action: 'complete',
      entity: 'ticket_followup',
      entityId: id,
      before: toFollowUp(before),
      after: toFollowUp(after),
    });
    return toFollowUp(after);
  });
}
