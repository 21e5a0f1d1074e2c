import {
  type TEngineerSuggestion,
  type TLetter,
  type TLetterAssign,
  type TLetterCreate,
  type TTravelPlan,
  letterNumber,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { AppError, invalidValue } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { ticketFor } from '../tickets/tickets.access';
import { letterFor, noticeFor } from './field.access.repository';
import { awayConflicts, clashesOf } from './field.conflicts';
import { localDateOfIso } from './field.dates';
import { fieldPolicyNow } from './field.policy';
import { standardKitItems } from './letters.kit';
import {
  activeLetterLoad,
  fieldWorkers,
  insertLetter,
  letterEngineerRows,
  letterRegion,
  noticeOfTicket,
  openLetterFor,
  openTicketLoad,
  replaceLetterEngineers,
  usersInRegion,
} from './letters.repository';
import { bumpLetter, getLetter, letterForWrite, parse } from './letters.service';
import { moveTicketForVisit } from './visits.ticket';

// FS-2: a responsibility letter made from a notice or a request, the engineers suggested for it and assigned to it.

/** FS-2: a letter from a signed notice or from a service request that needs a visit. */
export async function createLetter(ctx: Ctx, body: TLetterCreate): Promise<TLetter> {
  let source: { noticeId: number | null; ticketId: number | null; customerId: number; siteId: number | null; title: string };
  if (body.noticeId != null) {
    const n = await noticeFor(ctx, body.noticeId);
    if (n.status !== 'signed' || n.customer_id == null) {
      throw new AppError('rule_violation', 'A letter is made only from a signed service notice', {
        ruleId: 'FS-1',
        details: [{ path: 'body.noticeId', message: 'the notice is not signed' }],
      });
    }
    source = { noticeId: n.id, ticketId: n.ticket_id, customerId: n.customer_id, siteId: n.site_id, title: n.title };
  } else {
    const t = await ticketFor(ctx, body.ticketId as number);
    if (!t.needs_visit) {
      throw new AppError('rule_violation', 'This service request does not need a visit', {
        ruleId: 'FS-2',
        details: [{ path: 'body.ticketId', message: 'needsVisit is false' }],
      });
    }
    const notice = await noticeOfTicket(ctx.db, t.id);
    source = { noticeId: notice?.id ?? null, ticketId: t.id, customerId: t.customer_id, siteId: t.site_id, title: t.title };
  }
  const regionId = await letterRegion(ctx.db, source.siteId, source.customerId);
  const policy = await fieldPolicyNow(ctx);
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    // One live letter per notice / request.
    const existing = await openLetterFor(db, source);
    if (existing)
      throw new AppError(
        'conflict',
        `A letter already exists for this ${source.noticeId != null ? 'notice' : 'request'}: ${letterNumber(existing.id)}`,
      );
    const { id } = await insertLetter(db, {
      status: 'draft',
      notice_id: source.noticeId,
      ticket_id: source.ticketId,
      customer_id: source.customerId,
      site_id: source.siteId,
      region_id: regionId,
      department_id: ctx.actor.departmentId,
      title: source.title,
      kit: JSON.stringify(standardKitItems(policy)),
      created_by: ctx.actor.id,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'letter.create',
      entity: 'responsibility_letter',
      entityId: id,
      after: { ...source, kit: policy.standardKit.map((k) => k.id) },
    });
    return id;
  });
  return getLetter(ctx, id);
}

/** FS-2: engineers suggested for a letter: those covering the site's region first, then by level and load. */
export async function suggestEngineers(ctx: Ctx, id: number): Promise<{ items: TEngineerSuggestion[] }> {
  const l = await letterFor(ctx, id);
  const workers = await fieldWorkers(ctx.db);
  const ids = workers.map((w) => w.id);
  if (ids.length === 0) return { items: [] };
  const [regions, tickets, letters] = await Promise.all([
    l.region_id == null ? [] : usersInRegion(ctx.db, l.region_id, ids),
    openTicketLoad(ctx.db, ids),
    activeLetterLoad(ctx.db, ids, id),
  ]);
  const inRegion = new Set(regions.map((r) => r.user_id));
  const load = new Map<number, number>();
  for (const t of tickets) if (t.assignee_id != null) load.set(t.assignee_id, Number(t.n));
  for (const x of letters) load.set(x.user_id, (load.get(x.user_id) ?? 0) + Number(x.n));
  const plan = parse<TTravelPlan>(l.travel_plan);
  const day = l.appointment_at ? localDateOfIso(l.appointment_at) : localDateOfIso(nowIso(ctx.clock));
  // The trip's dates and the appointment's day, whichever is wider.
  const from = plan && plan.departDate < day ? plan.departDate : day;
  const to = plan && plan.returnDate > day ? plan.returnDate : day;
  const travel = await awayConflicts(ctx.db, ids, from, to);
  const items = workers.map((w) => ({
    userId: w.id,
    name: w.name,
    teamId: w.team_id,
    levelId: w.level_id,
    level: w.level,
    levelName: w.level_name,
    inRegion: inRegion.has(w.id),
    openLoad: load.get(w.id) ?? 0,
    // FS-10/TR-1: a trip already made for this letter is no conflict of its assignment; leave always is (RS-4).
    conflicts: clashesOf(travel.byUser.get(w.id) ?? [], [{ letterId: l.id, ticketId: l.ticket_id }]),
  }));
  items.sort(
    (a, b) => Number(b.inRegion) - Number(a.inRegion) || (b.level ?? 0) - (a.level ?? 0) || a.openLoad - b.openLoad || a.userId - b.userId,
  );
  return { items };
}

/** FS-2: the supervisor assigns the engineers (one of them the lead). */
export async function assignEngineers(ctx: Ctx, id: number, body: TLetterAssign): Promise<TLetter> {
  const l = await letterForWrite(ctx, id, body.version, ['draft']);
  const engineerIds = [...new Set(body.engineerIds)];
  if (!engineerIds.includes(body.leadId)) throw invalidValue('body.leadId', 'the lead must be one of engineerIds');
  const valid = new Set((await fieldWorkers(ctx.db, engineerIds)).map((w) => w.id));
  const wrong = engineerIds.filter((u) => !valid.has(u));
  if (wrong.length) throw invalidValue('body.engineerIds', `not active field engineers: ${wrong.join(', ')}`);
  const at = nowIso(ctx.clock);
  const before = await letterEngineerRows(ctx.db, id);
  await ctx.db.transaction().execute(async (db) => {
    await bumpLetter(db, id, l.version, ['draft'], {}, at);
    await replaceLetterEngineers(db, id, engineerIds, body.leadId);
    await recordAudit(db, ctx, {
      action: 'letter.assign',
      entity: 'responsibility_letter',
      entityId: id,
      before,
      after: { engineerIds, leadId: body.leadId },
    });
    // Issue 12 item 1 (SR-4): the letter's lead engineer becomes the request's assignee.
    if (l.ticket_id != null) await moveTicketForVisit(ctx, db, l.ticket_id, { kind: 'staffed', engineerId: body.leadId }, letterNumber(id));
    const added = engineerIds.filter((u) => !before.some((b) => b.user_id === u));
    if (added.length) {
      await notify(db, at, {
        userIds: added,
        kind: 'letter_assigned',
        message: 'letter.assigned',
        params: { number: letterNumber(id), title: l.title },
        link: `/field/letters/${id}`,
      });
    }
  });
  return getLetter(ctx, id);
}
