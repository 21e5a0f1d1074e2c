import {
  OPEN_TICKET_STATES,
  type TEngineerSuggestion,
  type TFieldServicePolicy,
  type TKitItem,
  type TKitPacking,
  type TLetter,
  type TLetterAssign,
  type TLetterCreate,
  type TLetterFill,
  type TLetterListQuery,
  type TLetterReject,
  type TLetterReschedule,
  type TLetterStatus,
  type TLetterSummary,
  type TSiteClarification,
  type TSiteConfirmation,
  type TTravelPlan,
  type TVersionBody,
  letterNumber,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { AppError, type ErrorDetail, forbidden, invalidValue, notFound, versionConflict } from '../../http/errors';
import { pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { departmentHeads } from '../org/org.repository';
import { moveTicketForVisit } from './visits.ticket';
import { ticketFor } from '../tickets/tickets.access';
import { isOnLetter, letterFor, letterScope, noticeFor } from './field.access';
import { clashesOf, awayConflicts } from './field.conflicts';
import { localDateOfIso } from './field.dates';
import { cursorId } from '../../http/pagination';
import { fieldPolicyNow } from './field.policy';
import {
  ACTIVE_LETTER_STATUSES,
  type LetterDetailRow,
  appointmentHistory,
  engineersOfLetters,
  fieldWorkers,
  letterDetailQuery,
} from './letters.repository';

/** Re-exported for the field module's other services. */
export { letterNumber };
export const parse = <T>(s: string | null): T | null => (s == null ? null : (JSON.parse(s) as T));

// Read shapes ---------------------------------------------------------------------------------------------

type Engineers = Awaited<ReturnType<typeof engineersOfLetters>>;

function toSummary(r: LetterDetailRow, engineers: Engineers): TLetterSummary {
  return {
    id: r.id,
    number: letterNumber(r.id),
    status: r.status as TLetterStatus,
    noticeId: r.notice_id,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    customerId: r.customer_id,
    customerName: r.customer_name,
    siteId: r.site_id,
    siteName: r.site_name,
    siteAddress: r.site_address ?? r.notice_site_address ?? r.customer_address,
    title: r.title,
    appointmentAt: r.appointment_at,
    estimatedMinutes: r.estimated_minutes,
    engineers: (engineers.get(r.id) ?? []).map((e) => ({
      userId: e.user_id,
      name: e.name,
      isLead: Boolean(e.is_lead),
      levelName: e.level_name,
      phone: e.phone,
    })),
    siteMismatch: Boolean(r.site_mismatch),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** Who is told about a site mismatch and may clarify it (FS-2): the notice's author, else the request's creator. */
const clarifierOf = (r: Pick<LetterDetailRow, 'notice_author_id' | 'ticket_created_by'>) =>
  r.notice_author_id ?? r.ticket_created_by ?? null;

const RESCHEDULABLE: TLetterStatus[] = ['draft', 'submitted', 'approved'];

async function allowedFor(ctx: Ctx, r: LetterDetailRow): Promise<TLetter['allowed']> {
  const { actor } = ctx;
  const mine = await isOnLetter(ctx.db, r.id, actor.id);
  const works = can(actor, 'field.work') && (mine || can(actor, 'field.dispatch'));
  const allowed: TLetter['allowed'] = [];
  if (r.status === 'draft' && works) allowed.push('fill', 'submit');
  if (r.status === 'draft' && can(actor, 'field.dispatch')) allowed.push('assign');
  if (r.status === 'submitted' && can(actor, 'field.approve')) allowed.push('approve', 'reject');
  if (RESCHEDULABLE.includes(r.status as TLetterStatus) && works) allowed.push('reschedule');
  if (r.status === 'returned' && can(actor, 'field.approve')) allowed.push('confirm');
  if (r.status === 'confirmed' && can(actor, 'field.ledger')) allowed.push('book');
  if (r.site_mismatch && clarifierOf(r) === actor.id) allowed.push('clarify');
  return allowed;
}

export async function getLetter(ctx: Ctx, id: number): Promise<TLetter> {
  const r = await letterDetailQuery(ctx.db)
    .where('responsibility_letters.id', '=', id)
    .where((eb) => letterScope(eb, ctx.actor))
    .executeTakeFirst();
  if (!r) throw notFound('Responsibility letter');
  const [engineers, history, allowed] = await Promise.all([
    engineersOfLetters(ctx.db, [id]),
    appointmentHistory(ctx.db, id),
    allowedFor(ctx, r),
  ]);
  const clarification = parse<{ note: string; by: number; byName: string; at: string }>(r.site_clarification);
  // Object.assign, not `{ ...summary, … }`: on Node 20 each property after a spread takes V8's slow path (~100 µs an object).
  return Object.assign(toSummary(r, engineers), {
    regionId: r.region_id,
    noticeRequirements: r.notice_requirements,
    noticeSiteSituation: r.notice_site_situation,
    noticeAuthorId: clarifierOf(r),
    siteConfirmation: parse<TSiteConfirmation>(r.site_confirmation),
    siteClarification: clarification,
    plannedSolution: r.planned_solution,
    kit: parse<TKitItem[]>(r.kit) ?? [],
    travelPlan: parse<TTravelPlan>(r.travel_plan),
    submittedAt: r.submitted_at,
    approvedBy: r.approved_by,
    approvedByName: r.approver_name,
    approvedAt: r.approved_at,
    rejectReason: r.reject_reason,
    confirmedBy: r.confirmed_by,
    confirmedAt: r.confirmed_at,
    bookedBy: r.booked_by,
    bookedAt: r.booked_at,
    ledgerNote: r.ledger_note,
    evaluation: parse<TLetter['evaluation']>(r.evaluation),
    appointmentHistory: history.map((h) => ({
      id: h.id,
      fromAt: h.from_at,
      toAt: h.to_at,
      calledAt: h.called_at,
      calledWhom: h.called_whom,
      reason: h.reason,
      changedBy: h.changed_by,
      changedByName: h.changed_by_name,
      createdAt: h.created_at,
    })),
    allowed,
  });
}

export async function listLetters(ctx: Ctx, q: TLetterListQuery) {
  const after = cursorId(q.cursor);
  let query = letterDetailQuery(ctx.db).where((eb) => letterScope(eb, ctx.actor));
  if (q.box === 'mine') {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('letter_engineers as me')
          .select('me.letter_id')
          .whereRef('me.letter_id', '=', 'responsibility_letters.id')
          .where('me.user_id', '=', ctx.actor.id),
      ),
    );
  }
  if (q.box === 'to_approve') query = query.where('responsibility_letters.status', 'in', ['submitted', 'returned']);
  if (q.status) query = query.where('responsibility_letters.status', '=', q.status);
  if (after) query = query.where('responsibility_letters.id', '<', after);
  const rows = await query
    .orderBy('responsibility_letters.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  const engineers = await engineersOfLetters(
    ctx.db,
    items.map((r) => r.id),
  );
  return { items: items.map((r) => toSummary(r, engineers)), nextCursor };
}

// Writes --------------------------------------------------------------------------------------------------

/** Bumps the letter's version if the caller read the current one and it is in one of `from`; 409 otherwise. */
export async function bumpLetter(
  db: Db,
  id: number,
  version: number,
  from: readonly TLetterStatus[],
  set: Record<string, unknown>,
  at: string,
) {
  const res = await db
    .updateTable('responsibility_letters')
    .set({ ...set, updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict('The responsibility letter');
}

/** The letter for a write: in scope, version current (409), status one of `from` (409 illegal_transition). */
export async function letterForWrite(ctx: Ctx, id: number, version: number, from: readonly TLetterStatus[]) {
  const l = await letterFor(ctx, id);
  if (l.version !== version) throw versionConflict('The responsibility letter');
  if (!from.includes(l.status as TLetterStatus)) throw new AppError('illegal_transition', `Not possible while the letter is ${l.status}`);
  return l;
}

/** FS-2: the letter's own engineers fill it in; dispatchers (field.dispatch) may too. */
async function assertWorksOn(ctx: Ctx, letterId: number) {
  if (can(ctx.actor, 'field.dispatch')) return;
  if (!(await isOnLetter(ctx.db, letterId, ctx.actor.id))) throw forbidden('Only the letter’s engineers or a dispatcher may do this');
}

export async function tellEngineers(db: Db, at: string, letterId: number, kind: string, zh: string, en: string, extra: number[] = []) {
  const rows = await db.selectFrom('letter_engineers').select('user_id').where('letter_id', '=', letterId).execute();
  const n = letterNumber(letterId);
  await notify(db, at, {
    userIds: [...rows.map((r) => r.user_id), ...extra],
    kind,
    title: { zh: `${n} ${zh}`, en: `${n}: ${en}` },
    body: { zh, en },
    link: `/field/letters/${letterId}`,
  });
}

/** FS-4: the standard kit of the policy in force, copied into the letter when it is created. */
export const standardKitItems = (policy: TFieldServicePolicy): TKitItem[] =>
  policy.standardKit.map((k) => ({
    key: k.id,
    category: 'standard',
    name: k.name['zh-CN'],
    nameEn: k.name.en,
    quantity: 1,
    packed: false,
  }));

const OPEN_LETTER = ['draft', 'submitted', 'approved', 'on_site', 'return_requested', 'returned', 'confirmed', 'booked'];

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
    const notice = await ctx.db.selectFrom('service_notices').select('id').where('ticket_id', '=', t.id).executeTakeFirst();
    source = { noticeId: notice?.id ?? null, ticketId: t.id, customerId: t.customer_id, siteId: t.site_id, title: t.title };
  }
  const site =
    source.siteId == null
      ? undefined
      : await ctx.db.selectFrom('customer_sites').select('region_id').where('id', '=', source.siteId).executeTakeFirst();
  const customer = await ctx.db.selectFrom('customers').select('region_id').where('id', '=', source.customerId).executeTakeFirstOrThrow();
  const regionId = site?.region_id ?? customer.region_id ?? null;
  const policy = await fieldPolicyNow(ctx);
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    // One live letter per notice / request.
    let dup = db.selectFrom('responsibility_letters').select('id').where('status', 'in', OPEN_LETTER);
    dup = source.noticeId != null ? dup.where('notice_id', '=', source.noticeId) : dup.where('ticket_id', '=', source.ticketId);
    const existing = await dup.executeTakeFirst();
    if (existing)
      throw new AppError(
        'conflict',
        `A letter already exists for this ${source.noticeId != null ? 'notice' : 'request'}: ${letterNumber(existing.id)}`,
      );
    const { id } = await db
      .insertInto('responsibility_letters')
      .values({
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
    l.region_id == null
      ? []
      : ctx.db.selectFrom('user_regions').select('user_id').where('region_id', '=', l.region_id).where('user_id', 'in', ids).execute(),
    ctx.db
      .selectFrom('tickets')
      .select((eb) => ['assignee_id', eb.fn.countAll<number>().as('n')])
      .where('assignee_id', 'in', ids)
      .where('state', 'in', [...OPEN_TICKET_STATES])
      .groupBy('assignee_id')
      .execute(),
    ctx.db
      .selectFrom('letter_engineers')
      .innerJoin('responsibility_letters', 'responsibility_letters.id', 'letter_engineers.letter_id')
      .select((eb) => ['letter_engineers.user_id', eb.fn.countAll<number>().as('n')])
      .where('letter_engineers.user_id', 'in', ids)
      .where('responsibility_letters.status', 'in', ACTIVE_LETTER_STATUSES)
      .where('responsibility_letters.id', '!=', id)
      .groupBy('letter_engineers.user_id')
      .execute(),
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
  const before = await ctx.db.selectFrom('letter_engineers').select(['user_id', 'is_lead']).where('letter_id', '=', id).execute();
  await ctx.db.transaction().execute(async (db) => {
    await bumpLetter(db, id, l.version, ['draft'], {}, at);
    await db.deleteFrom('letter_engineers').where('letter_id', '=', id).execute();
    await db
      .insertInto('letter_engineers')
      .values(engineerIds.map((u) => ({ letter_id: id, user_id: u, is_lead: u === body.leadId ? 1 : 0 })))
      .execute();
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
      const n = letterNumber(id);
      await notify(db, at, {
        userIds: added,
        kind: 'letter_assigned',
        title: { zh: `项目责任书 ${n} 指派给你`, en: `Responsibility letter ${n} assigned to you` },
        body: { zh: l.title, en: l.title },
        link: `/field/letters/${id}`,
      });
    }
  });
  return getLetter(ctx, id);
}

/** FS-4: the standard items of the letter may be ticked but not removed; keys are unique. */
function checkKit(current: TKitItem[], next: TKitItem[]) {
  const keys = new Set<string>();
  for (const [i, k] of next.entries()) {
    if (keys.has(k.key)) throw invalidValue(`body.kit.${i}.key`, `duplicate key ${k.key}`);
    keys.add(k.key);
  }
  const standard = current.filter((k) => k.category === 'standard');
  const missing = standard.filter((s) => !next.some((n) => n.key === s.key && n.category === 'standard'));
  if (missing.length) {
    throw new AppError('rule_violation', `The standard kit is taken on every job: ${missing.map((m) => m.name).join(', ')}`, {
      ruleId: 'FS-4',
      details: missing.map((m) => ({ path: 'body.kit', message: `standard item ${m.key} missing` })),
    });
  }
  const invented = next.filter((n) => n.category === 'standard' && !standard.some((s) => s.key === n.key));
  if (invented.length)
    throw invalidValue('body.kit', `not a standard item of this letter: ${invented.map((x) => x.key).join(', ')}`, 'FS-4');
  // Standard items keep their policy names.
  return next.map((n) => (n.category === 'standard' ? { ...(standard.find((s) => s.key === n.key) as TKitItem), packed: n.packed } : n));
}

/** FS-4: the letter's kit can be ticked as packed from the draft until the engineer is on site. */
const PACKABLE: TLetterStatus[] = ['draft', 'submitted', 'approved', 'on_site'];

/**
 * FS-4: the engineer ticks what is packed while getting ready — the plan may already be approved (the letter is then
 * frozen, but packing is not part of the plan). Only the letter's engineers (403 FS-4) or a dispatcher; keys not on
 * the letter's kit get 422 naming them; nothing else of the letter changes.
 */
export async function packKit(ctx: Ctx, id: number, body: TKitPacking): Promise<TLetter> {
  const l = await letterForWrite(ctx, id, body.version, PACKABLE);
  if (!can(ctx.actor, 'field.dispatch') && !(await isOnLetter(ctx.db, id, ctx.actor.id))) {
    throw new AppError('forbidden', 'FS-4: only the letter’s engineers tick its kit as packed', { ruleId: 'FS-4' });
  }
  const kit = parse<TKitItem[]>(l.kit) ?? [];
  const keys = new Set(kit.map((k) => k.key));
  const unknown = body.packed.findIndex((k) => !keys.has(k));
  if (unknown >= 0) throw invalidValue(`body.packed.${unknown}`, `not an item of this letter’s kit: ${body.packed[unknown]}`, 'FS-4');
  const packed = new Set(body.packed);
  const next = kit.map((k) => ({ ...k, packed: packed.has(k.key) }));
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await bumpLetter(db, id, l.version, PACKABLE, { kit: JSON.stringify(next) }, at);
    await recordAudit(db, ctx, {
      action: 'letter.kit_packing',
      entity: 'responsibility_letter',
      entityId: id,
      before: { packed: kit.filter((k) => k.packed).map((k) => k.key) },
      after: { packed: [...packed] },
    });
  });
  return getLetter(ctx, id);
}

/**
 * FS-2: the engineer fills the letter in (draft only). A site confirmation that differs from the notice flags the
 * letter and notifies the notice's author until they clarify.
 */
export async function fillLetter(ctx: Ctx, id: number, body: TLetterFill): Promise<TLetter> {
  const l = await letterForWrite(ctx, id, body.version, ['draft']);
  await assertWorksOn(ctx, id);
  const set: Record<string, unknown> = {};
  let mismatchRaised = false;
  if (body.siteConfirmation !== undefined) {
    set.site_confirmation = body.siteConfirmation == null ? null : JSON.stringify(body.siteConfirmation);
    const mismatch = body.siteConfirmation != null && !body.siteConfirmation.matchesNotice;
    set.site_mismatch = mismatch ? 1 : 0;
    if (mismatch) {
      set.site_clarification = null;
      mismatchRaised = true;
    }
  }
  if (body.plannedSolution !== undefined) set.planned_solution = body.plannedSolution || null;
  if (body.kit !== undefined) set.kit = JSON.stringify(checkKit(parse<TKitItem[]>(l.kit) ?? [], body.kit));
  if (body.appointmentAt !== undefined) set.appointment_at = body.appointmentAt == null ? null : new Date(body.appointmentAt).toISOString();
  if (body.estimatedMinutes !== undefined) set.estimated_minutes = body.estimatedMinutes;
  if (body.travelPlan !== undefined) {
    if (body.travelPlan && body.travelPlan.returnDate < body.travelPlan.departDate)
      throw invalidValue('body.travelPlan.returnDate', 'before the departure date');
    set.travel_plan = body.travelPlan == null ? null : JSON.stringify(body.travelPlan);
  }
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await bumpLetter(db, id, l.version, ['draft'], set, at);
    await recordAudit(db, ctx, { action: 'letter.fill', entity: 'responsibility_letter', entityId: id, after: set });
    if (mismatchRaised) {
      const r = await letterDetailQuery(db).where('responsibility_letters.id', '=', id).executeTakeFirstOrThrow();
      const who = clarifierOf(r);
      const content = body.siteConfirmation?.content ?? '';
      if (who != null) {
        await notify(db, at, {
          userIds: [who],
          kind: 'letter_site_mismatch',
          title: {
            zh: `${letterNumber(id)} 现场情况与通知单不符，请澄清`,
            en: `${letterNumber(id)}: site differs from the notice, please clarify`,
          },
          body: { zh: content, en: content },
          link: `/field/letters/${id}`,
        });
      }
    }
  });
  return getLetter(ctx, id);
}

/** FS-2: the notice's author clarifies a mismatch; the flag clears. */
export async function clarifySite(ctx: Ctx, id: number, body: TSiteClarification): Promise<TLetter> {
  const l = await letterFor(ctx, id);
  if (l.version !== body.version) throw versionConflict('The responsibility letter');
  const r = await letterDetailQuery(ctx.db).where('responsibility_letters.id', '=', id).executeTakeFirstOrThrow();
  if (clarifierOf(r) !== ctx.actor.id) throw forbidden('Only the author of the notice clarifies the site situation');
  if (!l.site_mismatch) throw new AppError('illegal_transition', 'The letter has no site mismatch to clarify');
  const at = nowIso(ctx.clock);
  const clarification = { note: body.note, by: ctx.actor.id, byName: ctx.actor.name, at };
  await ctx.db.transaction().execute(async (db) => {
    await bumpLetter(
      db,
      id,
      l.version,
      [l.status as TLetterStatus],
      { site_mismatch: 0, site_clarification: JSON.stringify(clarification) },
      at,
    );
    await recordAudit(db, ctx, { action: 'letter.clarify', entity: 'responsibility_letter', entityId: id, after: clarification });
    await tellEngineers(
      db,
      at,
      id,
      'letter_site_clarified',
      `通知单作者已澄清现场情况：${body.note}`,
      `The notice author clarified the site: ${body.note}`,
    );
  });
  return getLetter(ctx, id);
}

/** FS-2: what a letter lacks before it may be submitted (field names of the read shape). */
export async function missingForSubmit(
  db: Db,
  l: {
    id: number;
    site_confirmation: string | null;
    site_mismatch: number;
    planned_solution: string | null;
    appointment_at: string | null;
    estimated_minutes: number | null;
    travel_plan: string | null;
  },
): Promise<ErrorDetail[]> {
  const missing: ErrorDetail[] = [];
  const engineers = await db.selectFrom('letter_engineers').select('user_id').where('letter_id', '=', l.id).execute();
  if (engineers.length === 0) missing.push({ path: 'engineers', message: 'assign the engineers' });
  if (!l.site_confirmation) missing.push({ path: 'siteConfirmation', message: 'confirm the site situation with the customer’s contact' });
  else if (l.site_mismatch)
    missing.push({ path: 'siteConfirmation', message: 'the site differs from the notice: wait for the author’s clarification' });
  if (!l.planned_solution?.trim()) missing.push({ path: 'plannedSolution', message: 'required' });
  if (!l.appointment_at) missing.push({ path: 'appointmentAt', message: 'required' });
  if (!l.estimated_minutes) missing.push({ path: 'estimatedMinutes', message: 'required' });
  if (!l.travel_plan) missing.push({ path: 'travelPlan', message: 'required' });
  // FS-2: the appointment falls on one of the travel plan's days (company-local), or the engineer is not there.
  const plan = parse<TTravelPlan>(l.travel_plan);
  if (plan && l.appointment_at) {
    const day = localDateOfIso(l.appointment_at);
    if (day < plan.departDate || day > plan.returnDate)
      missing.push({
        path: 'appointmentAt',
        message: `the appointment (${day}) is outside the travel plan (${plan.departDate} to ${plan.returnDate})`,
      });
  }
  return missing;
}

/** FS-2: submit for approval only when complete; 422 naming every missing field, nothing changed. */
export async function submitLetter(ctx: Ctx, id: number, body: TVersionBody): Promise<TLetter> {
  const l = await letterForWrite(ctx, id, body.version, ['draft']);
  await assertWorksOn(ctx, id);
  const missing = await missingForSubmit(ctx.db, l);
  if (missing.length) {
    throw new AppError('rule_violation', `The letter is incomplete: ${missing.map((m) => m.path).join(', ')}`, {
      ruleId: 'FS-2',
      details: missing,
    });
  }
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await bumpLetter(db, id, l.version, ['draft'], { status: 'submitted', submitted_at: at }, at);
    await recordAudit(db, ctx, {
      action: 'letter.submit',
      entity: 'responsibility_letter',
      entityId: id,
      before: { status: l.status },
      after: { status: 'submitted' },
    });
    await notify(db, at, {
      // FS-10: the head of the letter's department approves the plan (ORG-1).
      userIds: await departmentHeads(db, l.department_id),
      kind: 'letter_to_approve',
      title: { zh: `项目责任书待审批 ${letterNumber(id)}`, en: `Responsibility letter to approve ${letterNumber(id)}` },
      body: { zh: l.title, en: l.title },
      link: `/field/letters/${id}`,
      email: false,
    });
  });
  return getLetter(ctx, id);
}

/** FS-10: the supervisor approves the plan. */
export async function approveLetter(ctx: Ctx, id: number, body: TVersionBody): Promise<TLetter> {
  const l = await letterForWrite(ctx, id, body.version, ['submitted']);
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await bumpLetter(
      db,
      id,
      l.version,
      ['submitted'],
      { status: 'approved', approved_by: ctx.actor.id, approved_at: at, reject_reason: null },
      at,
    );
    await recordAudit(db, ctx, {
      action: 'letter.approve',
      entity: 'responsibility_letter',
      entityId: id,
      before: { status: l.status },
      after: { status: 'approved' },
    });
    await tellEngineers(db, at, id, 'letter_approved', '出差计划已批准', 'travel plan approved');
  });
  return getLetter(ctx, id);
}

/** FS-10: a rejected plan goes back to draft with the reason. */
export async function rejectLetter(ctx: Ctx, id: number, body: TLetterReject): Promise<TLetter> {
  const l = await letterForWrite(ctx, id, body.version, ['submitted']);
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await bumpLetter(db, id, l.version, ['submitted'], { status: 'draft', reject_reason: body.reason, submitted_at: null }, at);
    await recordAudit(db, ctx, {
      action: 'letter.reject',
      entity: 'responsibility_letter',
      entityId: id,
      before: { status: l.status },
      after: { status: 'draft', reason: body.reason },
    });
    await tellEngineers(db, at, id, 'letter_rejected', `计划被退回：${body.reason}`, `plan rejected: ${body.reason}`);
  });
  return getLetter(ctx, id);
}

/**
 * FS-5: re-booking. The new appointment is recorded with the call to the customer (when, whom, why) and the
 * engineers are told. The dispatch board's drag uses the same call (optionally moving one engineer to another).
 */
export async function rescheduleLetter(ctx: Ctx, id: number, body: TLetterReschedule): Promise<TLetter> {
  const l = await letterForWrite(ctx, id, body.version, RESCHEDULABLE);
  await assertWorksOn(ctx, id);
  const toAt = new Date(body.appointmentAt).toISOString();
  const calledAt = new Date(body.calledAt).toISOString();
  const at = nowIso(ctx.clock);
  if (calledAt > at) throw invalidValue('body.calledAt', 'the call cannot be in the future', 'FS-5');
  if (body.reassign) {
    if (!can(ctx.actor, 'field.dispatch')) throw forbidden('Moving a letter to another engineer needs field.dispatch');
    const { fromUserId, toUserId } = body.reassign;
    if (!(await isOnLetter(ctx.db, id, fromUserId))) throw invalidValue('body.reassign.fromUserId', 'not an engineer of this letter');
    if (fromUserId !== toUserId && (await isOnLetter(ctx.db, id, toUserId)))
      throw invalidValue('body.reassign.toUserId', 'already on this letter');
    if ((await fieldWorkers(ctx.db, [toUserId])).length === 0) throw invalidValue('body.reassign.toUserId', 'not an active field engineer');
  }
  const set: Record<string, unknown> = { appointment_at: toAt };
  if (body.estimatedMinutes != null) set.estimated_minutes = body.estimatedMinutes;
  await ctx.db.transaction().execute(async (db) => {
    await bumpLetter(db, id, l.version, RESCHEDULABLE, set, at);
    await db
      .insertInto('letter_appointment_changes')
      .values({
        letter_id: id,
        from_at: l.appointment_at,
        to_at: toAt,
        called_at: calledAt,
        called_whom: body.calledWhom,
        reason: body.reason,
        changed_by: ctx.actor.id,
        created_at: at,
      })
      .execute();
    let removed: number[] = [];
    if (body.reassign && body.reassign.fromUserId !== body.reassign.toUserId) {
      const { fromUserId, toUserId } = body.reassign;
      await db
        .updateTable('letter_engineers')
        .set({ user_id: toUserId })
        .where('letter_id', '=', id)
        .where('user_id', '=', fromUserId)
        .execute();
      removed = [fromUserId];
    }
    await recordAudit(db, ctx, {
      action: 'letter.reschedule',
      entity: 'responsibility_letter',
      entityId: id,
      before: { appointmentAt: l.appointment_at, estimatedMinutes: l.estimated_minutes },
      after: { ...body, appointmentAt: toAt },
    });
    const when = toAt;
    await tellEngineers(
      db,
      at,
      id,
      'letter_rebooked',
      `预约改为 ${when}（${body.reason}）`,
      `appointment moved to ${when} (${body.reason})`,
      removed,
    );
  });
  return getLetter(ctx, id);
}
