import {
  DEFAULT_TIME_ZONE,
  type TExplanation,
  type TImpact,
  type TPriority,
  type TSlaClock,
  type TSlaEvent,
  type TTicket,
  type TTicketCreate,
  type TTicketListQuery,
  type TTicketState,
  type TTicketSummary,
  type TTicketTransition,
  type TTicketUpdate,
  type TUrgency,
  computePriority,
  computeWarranty,
  evaluateEligibility,
  indexTerms,
  isOpenTicketState,
  legalTicketActions,
  localDateInZone,
  nextTicketState,
  overridePriority,
  slaEventOf,
  ticketNumber,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { AppError, forbidden, invalidValue, notFound, versionConflict } from '../../http/errors';
import { encodeCursor } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { policyAt } from '../policy/policy-in-force';
import { scheduleFollowUp } from './followups.service';
import { isCustomerSide, ticketFor, ticketScope } from './tickets.access';
import { autoAssign, isWorker } from './tickets.assignment';
import * as repo from './tickets.repository';
import { calendarOf, clockOf, parseEvents, policyOfTicket, refreshSla, slaSummary, toSlaTarget } from './tickets.sla';
import { assertChangeApproved, escalationsOf } from './tickets.timeline';

const json = <T>(s: string) => JSON.parse(s) as T;

export const toSummary = (r: repo.SummaryRow): TTicketSummary => ({
  id: r.id,
  number: r.number,
  title: r.title,
  type: r.type as TTicketSummary['type'],
  channel: r.channel as TTicketSummary['channel'],
  state: r.state as TTicketState,
  priority: r.priority as TPriority,
  customerId: r.customer_id,
  customerName: r.customer_name,
  siteId: r.site_id,
  productId: r.product_id,
  regionId: r.region_id,
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_name,
  teamId: r.team_id,
  tier: r.tier,
  nextDueAt: r.next_due_at,
  slaBreached: Boolean(r.sla_breached),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export async function listTickets(ctx: Ctx, query: TTicketListQuery) {
  const rows = await repo.listTickets(ctx.db, ctx.dialect, ctx.actor, { ...query, actorId: ctx.actor.id }, query.limit);
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  return { items: items.map(toSummary), nextCursor: more ? encodeCursor([items[items.length - 1].id]) : null };
}

/** The detail row within the actor's scope (one query; 404 as ticketFor when out of scope). */
async function detailRow(ctx: Ctx, id: number, db: Db) {
  const r = await repo.detailQuery(db).where('tickets.id', '=', id).where((eb) => ticketScope(eb, ctx.actor)).executeTakeFirst();
  if (!r) throw notFound('Service request');
  return r;
}

type DetailParts = {
  clock: TSlaClock;
  rating: { attitude: string; skill: string; result: string; comment: string | null; via: string; signed_by: string | null; signature: unknown; created_at: string } | undefined;
  change: { customer_written_confirmation: number; confirmation_note: string | null; discussed_with_sales: number; discussed_with_rnd: number; decision: string; decided_by_name: string | null; decided_at: string | null; decision_comment: string | null } | undefined;
  escalations: Awaited<ReturnType<typeof escalationsOf>>;
  spent: Array<{ data: string | null }>;
};

export async function getTicket(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TTicket> {
  const r = await detailRow(ctx, id, db);
  const clock = await clockOf(db, r, ctx.clock.now().getTime());
  const [rating, change, escalations, spent] = await Promise.all([
    db.selectFrom('ticket_ratings').selectAll().where('ticket_id', '=', id).executeTakeFirst(),
    db.selectFrom('ticket_change_requests').leftJoin('users', 'users.id', 'ticket_change_requests.decided_by').selectAll('ticket_change_requests').select('users.name as decided_by_name').where('ticket_id', '=', id).executeTakeFirst(),
    escalationsOf(db, [id]),
    db.selectFrom('ticket_entries').select('data').where('ticket_id', '=', id).where('kind', '=', 'time').execute(),
  ]);
  return toDetail(ctx, r, { clock, rating, change, escalations, spent });
}

function toDetail(ctx: Ctx, r: repo.DetailRow, { clock, rating, change, escalations, spent }: DetailParts): TTicket {
  const customer = isCustomerSide(ctx.actor);
  return {
    ...toSummary(r),
    description: r.description,
    urgency: r.urgency as TUrgency,
    impact: r.impact as TImpact,
    priorityExplanation: json<TExplanation>(r.priority_explanation),
    eligibility: r.eligibility as TTicket['eligibility'],
    eligibilityExplanation: json<TExplanation>(r.eligibility_explanation),
    slaLevelId: r.sla_level_id,
    policyVersion: r.policy_version,
    calendarId: r.calendar_id,
    needsVisit: Boolean(r.needs_visit),
    contactId: r.contact_id,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    siteName: r.site_name,
    siteAddress: r.site_address,
    installedProductId: r.installed_product_id,
    serialNumber: r.serial_number,
    productName: r.product_name,
    contractId: r.contract_id,
    cause: r.cause,
    solution: r.solution,
    committedAt: r.committed_at,
    cancelReason: r.cancel_reason,
    reopenCount: r.reopen_count,
    sla: { firstResponse: toSlaTarget(clock.firstResponse), onsite: clock.onsite && toSlaTarget(clock.onsite), resolution: toSlaTarget(clock.resolution) },
    legalActions: legalTicketActions(r.state as TTicketState),
    rating: rating
      ? {
          attitude: rating.attitude as never,
          skill: rating.skill as never,
          result: rating.result as never,
          comment: rating.comment,
          via: rating.via as 'portal' | 'device',
          signedBy: rating.signed_by,
          hasSignature: Boolean(rating.signature),
          ratedAt: rating.created_at,
        }
      : null,
    changeRequest: change
      ? {
          customerWrittenConfirmation: Boolean(change.customer_written_confirmation),
          confirmationNote: change.confirmation_note,
          discussedWithSales: Boolean(change.discussed_with_sales),
          discussedWithRnd: Boolean(change.discussed_with_rnd),
          decision: change.decision as 'pending' | 'approved' | 'rejected',
          decidedBy: change.decided_by_name,
          decidedAt: change.decided_at,
          decisionComment: change.decision_comment,
        }
      : null,
    // The customer sees that the request was escalated, not the internal conversation about it.
    escalations: customer ? [] : escalations,
    totalMinutesSpent: spent.reduce((sum, e) => sum + Number((JSON.parse(e.data ?? '{}') as { minutes?: number }).minutes ?? 0), 0),
    createdBy: r.created_by,
  };
}

// Intake (SR-1..3) -------------------------------------------------------------------------------------------

/** Checks that every id names a row of the request's customer: 422 naming the field otherwise (no leaks). */
async function intakeFacts(db: Db, body: Pick<TTicketCreate, 'customerId' | 'contactId' | 'siteId' | 'installedProductId' | 'productId'>) {
  const customer = await db.selectFrom('customers').select(['id', 'region_id']).where('id', '=', body.customerId).executeTakeFirst();
  if (!customer) throw invalidValue('body.customerId', 'no such customer');
  const ofCustomer = async <T extends 'customer_contacts' | 'customer_sites' | 'installed_products'>(table: T, id: number | null | undefined, path: string) => {
    if (id == null) return undefined;
    const row = await db.selectFrom(table as 'customer_sites').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.customer_id !== body.customerId) throw invalidValue(path, 'does not belong to this customer');
    return row as unknown;
  };
  await ofCustomer('customer_contacts', body.contactId, 'body.contactId');
  let site = (await ofCustomer('customer_sites', body.siteId, 'body.siteId')) as { id: number; region_id: number | null; calendar_id: number | null } | undefined;
  const installed = (await ofCustomer('installed_products', body.installedProductId, 'body.installedProductId')) as
    | { id: number; site_id: number | null; product_id: number; accepted_on: string | null; warranty_end_override: string | null }
    | undefined;
  if (!site && installed?.site_id) site = await db.selectFrom('customer_sites').selectAll().where('id', '=', installed.site_id).executeTakeFirst();
  const productId = body.productId ?? installed?.product_id ?? null;
  if (productId != null && !(await db.selectFrom('products').select('id').where('id', '=', productId).executeTakeFirst())) throw invalidValue('body.productId', 'no such product');
  if (body.productId && installed && body.productId !== installed.product_id) throw invalidValue('body.productId', 'differs from the installed product’s product');
  return { customer, site, installed, productId };
}

async function warrantyOf(db: Db, installed: { id: number; accepted_on: string | null; warranty_end_override: string | null }, today: string) {
  const policy = (await policyAt(db, installed.accepted_on ?? today)) ?? (await policyAt(db, today));
  if (!policy) throw new AppError('internal', 'No published policy is in force');
  const parts = await db.selectFrom('part_replacements').select(['part', 'replaced_on']).where('installed_product_id', '=', installed.id).execute();
  const w = policy.document.sla.warranty;
  return computeWarranty({
    acceptedOn: installed.accepted_on,
    endOverride: installed.warranty_end_override,
    replacements: parts.map((p) => ({ part: p.part, replacedOn: p.replaced_on })),
    policy: { months: w.months, replacedPartExtendsWarranty: w.replacedPartExtendsWarranty, version: policy.number },
    today,
  });
}

function priorityOf(policy: Awaited<ReturnType<typeof policyOfTicket>>, urgency: TUrgency, impact: TImpact, override?: { priority: TPriority; reason: string } | null) {
  const computed = computePriority(policy.document, urgency, impact, policy.number);
  return override ? overridePriority(computed, override.priority, override.reason, policy.number) : computed;
}

/** SR-4: the engineer's team and department go with the request, so those queues and scopes see it. */
async function placeWith(db: Db, userId: number) {
  const u = await db.selectFrom('users').leftJoin('teams', 'teams.id', 'users.team_id').select(['users.id', 'users.name', 'users.team_id', 'users.department_id', 'teams.department_id as team_department_id']).where('users.id', '=', userId).executeTakeFirstOrThrow();
  return { team_id: u.team_id, department_id: u.department_id ?? u.team_department_id ?? null, name: u.name };
}

/**
 * SR-1..4: a request from a call, the portal or an integration. Everything — number, priority, eligibility,
 * SLA level and calendar, assignment, the timeline's first entry, the search index — is written in one
 * transaction; the assignee is told at once.
 */
export async function createTicket(ctx: Ctx, body: TTicketCreate): Promise<TTicket> {
  const { actor } = ctx;
  const customerSide = isCustomerSide(actor);
  if (customerSide) {
    // The portal files for the contact's own company only, and cannot steer dispatch.
    if (body.customerId !== actor.customerId) throw notFound('Customer');
    if (body.assigneeId || body.teamId || body.priorityOverride) throw forbidden('Customers cannot assign requests or override priorities');
  }
  if ((body.assigneeId || body.teamId) && !can(actor, 'tickets.assign')) throw forbidden('Assigning needs the tickets.assign permission');
  if (body.priorityOverride && !can(actor, 'tickets.manage')) throw forbidden('Overriding a priority needs the tickets.manage permission');
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = localDateInZone(DEFAULT_TIME_ZONE, now.getTime());
  // Read before the transaction: the policy cache is keyed by the Kysely object and a transaction is a new one,
  // so inside it every create re-read and re-parsed the policy document (twice). Published versions take effect
  // from tomorrow at the earliest, so the version in force now is the same inside and outside.
  const policy = await policyOfTicket(ctx.db, at);
  const { id, clock } = await ctx.db.transaction().execute(async (db) => {
    const facts = await intakeFacts(db, body);
    const warranty = facts.installed ? await warrantyOf(db, facts.installed, today) : null;
    const contract = await db
      .selectFrom('service_contracts')
      .select(['id', 'number', 'sla_level_id', 'ends_on'])
      .where('customer_id', '=', body.customerId)
      .where('starts_on', '<=', today)
      .where('ends_on', '>=', today)
      .orderBy('ends_on', 'desc')
      .executeTakeFirst();
    const eligibility = evaluateEligibility({
      warranty: warranty && { status: warranty.status, lastDay: warranty.endDate },
      contract: contract ? { number: contract.number, slaLevelId: contract.sla_level_id, endsOn: contract.ends_on } : null,
      policy: policy.document,
      policyVersion: policy.number,
    });
    const priority = priorityOf(policy, body.urgency, body.impact, body.priorityOverride);
    const calendar = await calendarOf(db, facts.site?.calendar_id ?? null);
    const number = ticketNumber(today, await repo.nextSequence(db, today));
    if (body.assigneeId && !(await isWorker(db, body.assigneeId))) throw invalidValue('body.assigneeId', 'not an active engineer');
    if (body.teamId && !(await db.selectFrom('teams').select('id').where('id', '=', body.teamId).executeTakeFirst())) throw invalidValue('body.teamId', 'no such team');
    const regionId = facts.site?.region_id ?? facts.customer.region_id ?? null;
    let assignment: { userId: number | null; explanation: TExplanation | null } = { userId: body.assigneeId ?? null, explanation: null };
    // SR-4: by rule unless the dispatcher chose; the portal's requests are always dispatched by rule, at once.
    if (!assignment.userId && (body.autoAssign || customerSide)) {
      const chosen = await autoAssign(db, { productId: facts.productId, regionId, policyVersion: policy.number });
      assignment = { userId: chosen.userId, explanation: chosen.explanation };
    }
    const place = assignment.userId ? await placeWith(db, assignment.userId) : null;
    const state = assignment.userId ? 'assigned' : 'new';
    // SLA-1..4 and the search index go into the INSERT itself: one write of the row instead of three.
    const clock = await clockOf(
      db,
      { id: 0, created_at: at, sla_level_id: eligibility.slaLevelId, priority: priority.priority, calendar_id: calendar.calendar.id, needs_visit: body.needsVisit ? 1 : 0, sla_events: '[]', state },
      now.getTime(),
      { policy, calendar },
    );
    const sla = slaSummary(clock, state);
    const terms = indexTerms(number, body.title, body.description);
    const inserted = await db
      .insertInto('tickets')
      .values({
        number,
        type: body.type,
        channel: body.channel ?? (customerSide ? 'portal' : actor.via === 'token' ? 'api' : 'phone'),
        title: body.title,
        description: body.description,
        customer_id: body.customerId,
        contact_id: body.contactId ?? null,
        site_id: facts.site?.id ?? null,
        installed_product_id: facts.installed?.id ?? null,
        product_id: facts.productId,
        region_id: regionId,
        contract_id: contract?.id ?? null,
        urgency: body.urgency,
        impact: body.impact,
        priority: priority.priority,
        priority_explanation: JSON.stringify(priority.explanation),
        eligibility: eligibility.eligibility,
        eligibility_explanation: JSON.stringify(eligibility.explanation),
        sla_level_id: eligibility.slaLevelId,
        calendar_id: calendar.calendar.id,
        policy_version: policy.number,
        needs_visit: body.needsVisit ? 1 : 0,
        state,
        next_due_at: sla.nextDueAt,
        sla_breached: sla.breached ? 1 : 0,
        sla_state: sla.state,
        ...(ctx.dialect === 'postgres' ? { search_vector: repo.searchVectorOf(terms) } : {}),
        assignee_id: assignment.userId,
        assigned_at: assignment.userId ? at : null,
        team_id: body.teamId ?? place?.team_id ?? null,
        department_id: place?.department_id ?? null,
        created_by: actor.id,
        created_at: at,
        updated_at: at,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    const ticketId = inserted.id;
    if (body.type === 'change_request') {
      await db.insertInto('ticket_change_requests').values({ ticket_id: ticketId, decision: 'pending' }).execute();
    }
    await repo.insertEntry(db, { ticketId, kind: 'created', visibility: 'public', authorId: actor.id, body: body.description, data: { priority: priority.explanation, eligibility: eligibility.explanation }, at });
    if (assignment.userId) {
      await repo.insertEntry(db, { ticketId, kind: 'assignment', visibility: 'internal', authorId: actor.id, data: { to: assignment.userId, toName: place?.name, explanation: assignment.explanation }, at });
    }
    if (ctx.dialect === 'sqlite') await repo.insertSearchRow(db, ticketId, terms);
    await recordAudit(db, ctx, { action: 'ticket.create', entity: 'ticket', entityId: ticketId, after: { number, ...body } });
    if (assignment.userId) await tellAssignee(db, at, ticketId, number, body.title, assignment.userId);
    return { id: ticketId, clock };
  });
  // The response is built from what was just written: a new request has no rating, escalation or time record,
  // and its change request (if any) is the pending one inserted above; its SLA clock is the one computed for the
  // INSERT. Only the row with its names (contact, site, assignee…) is read back, within the actor's scope as
  // getTicket reads it.
  const row = await detailRow(ctx, id, ctx.db);
  const change = body.type === 'change_request' ? PENDING_CHANGE_REQUEST : undefined;
  return toDetail(ctx, row, { clock, rating: undefined, change, escalations: [], spent: [] });
}

/** The ticket_change_requests row a create inserts (column defaults as in the migration). */
const PENDING_CHANGE_REQUEST: NonNullable<DetailParts['change']> = {
  customer_written_confirmation: 0,
  confirmation_note: null,
  discussed_with_sales: 0,
  discussed_with_rnd: 0,
  decision: 'pending',
  decided_by_name: null,
  decided_at: null,
  decision_comment: null,
};

async function tellAssignee(db: Db, at: string, ticketId: number, number: string, title: string, userId: number) {
  await notify(db, at, {
    userIds: [userId],
    kind: 'ticket_assigned',
    title: { zh: `新的服务请求 ${number}`, en: `New service request ${number}` },
    body: { zh: title, en: title },
    link: `/tickets/${ticketId}`,
    ticketId,
  });
}

/** SR-8: tell the customer's portal users (every active contact account of the company) about a public change. */
export async function tellCustomer(db: Db, at: string, t: { id: number; number: string; customer_id: number }, zh: string, en: string) {
  const portalUsers = await db.selectFrom('users').select('id').where('customer_id', '=', t.customer_id).where('status', '=', 'active').execute();
  const ids = portalUsers.map((u) => u.id);
  if (ids.length === 0) return;
  await notify(db, at, { userIds: ids, kind: 'ticket_update', title: { zh: `${t.number} ${zh}`, en: `${t.number}: ${en}` }, body: { zh, en }, link: `/tickets/${t.id}`, ticketId: t.id });
}

// Edits and transitions (SR-3..9) -------------------------------------------------------------------------------

/** Bumps the version if the caller read the current one; 409 otherwise (no lost updates). */
export async function bumpVersion(db: Db, id: number, version: number, set: Record<string, unknown>, at: string) {
  const res = await db
    .updateTable('tickets')
    .set({ ...set, updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict('The service request');
}

export async function updateTicket(ctx: Ctx, id: number, body: TTicketUpdate): Promise<TTicket> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const t = await ticketFor(ctx, id, db);
    const customerSide = isCustomerSide(ctx.actor);
    if (customerSide || !can(ctx.actor, 'tickets.work')) throw forbidden('Editing a request needs the tickets.work permission');
    if (body.priorityOverride !== undefined && !can(ctx.actor, 'tickets.manage')) throw forbidden('Overriding a priority needs the tickets.manage permission');
    if (!isOpenTicketState(t.state)) throw new AppError('illegal_transition', `A ${t.state} request cannot be edited`);
    const set: Record<string, unknown> = {};
    if (body.title !== undefined) set.title = body.title;
    if (body.description !== undefined) set.description = body.description;
    if (body.type !== undefined) set.type = body.type;
    if (body.needsVisit !== undefined) set.needs_visit = body.needsVisit ? 1 : 0;
    if (body.teamId !== undefined) {
      if (body.teamId && !(await db.selectFrom('teams').select('id').where('id', '=', body.teamId).executeTakeFirst())) throw invalidValue('body.teamId', 'no such team');
      set.team_id = body.teamId;
    }
    const urgency = (body.urgency ?? t.urgency) as TUrgency;
    const impact = (body.impact ?? t.impact) as TImpact;
    if (body.urgency !== undefined || body.impact !== undefined || body.priorityOverride !== undefined) {
      const policy = await policyOfTicket(db, t.created_at);
      const p = priorityOf(policy, urgency, impact, body.priorityOverride);
      Object.assign(set, { urgency, impact, priority: p.priority, priority_explanation: JSON.stringify(p.explanation) });
      if (p.priority !== t.priority) await repo.insertEntry(db, { ticketId: id, kind: 'priority', visibility: 'internal', authorId: ctx.actor.id, data: { from: t.priority, to: p.priority, explanation: p.explanation }, at });
    }
    await bumpVersion(db, id, body.version, set, at);
    if (body.title || body.description) await repo.indexTicketText(db, ctx.dialect, id, body.title, body.description);
    await refreshSla(db, { ...t, ...set } as typeof t, ctx.clock.now().getTime());
    await recordAudit(db, ctx, { action: 'ticket.update', entity: 'ticket', entityId: id, before: t, after: set });
  });
  return getTicket(ctx, id);
}

/** Who may take each action, beyond seeing the request (SR-4..9). */
function assertMayAct(ctx: Ctx, t: { assignee_id: number | null; created_by: number | null }, action: TTicketTransition['action']) {
  const a = ctx.actor;
  const isAssignee = t.assignee_id === a.id;
  const customerSide = isCustomerSide(a);
  switch (action) {
    case 'assign':
      if (!can(a, 'tickets.assign')) throw forbidden('Assigning needs the tickets.assign permission');
      return;
    case 'accept':
    case 'start':
    case 'wait':
    case 'resume':
    case 'resolve':
      if (customerSide || !can(a, 'tickets.work')) throw forbidden('Working on a request needs the tickets.work permission');
      if (!isAssignee && !can(a, 'tickets.manage') && action !== 'resume') throw forbidden('Only the assignee (or a supervisor) can do this');
      return;
    case 'confirm':
    case 'reject':
      // SR-9: the customer confirms in the portal, or on the engineer's device (FS-8) with a signature.
      if (!can(a, 'tickets.confirm')) throw forbidden('Confirming needs the tickets.confirm permission');
      return;
    case 'close':
      if (customerSide || !(can(a, 'tickets.manage') || (isAssignee && can(a, 'tickets.work')))) throw forbidden('Closing needs the tickets.manage permission or being the assignee');
      return;
    case 'cancel':
      if (customerSide ? t.created_by !== a.id : !can(a, 'tickets.manage')) throw forbidden('Cancelling needs the tickets.manage permission (customers may cancel their own requests)');
      return;
  }
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
    if (!to) throw new AppError('illegal_transition', `A ${from} request does not allow "${body.action}"; allowed now: ${legalTicketActions(from).join(', ') || 'nothing'}`);
    if (t.version !== body.version) throw versionConflict('The service request');
    if (body.action === 'start' || body.action === 'resolve') await assertChangeApproved(db, id);
    const set: Record<string, unknown> = { state: to };
    const events: TSlaEvent[] = slaEventOf(from, body.action).map((type) => ({ at: now.getTime(), type }));
    const customerSide = isCustomerSide(ctx.actor);
    let entry: { body?: string | null; data?: Record<string, unknown>; visibility: 'public' | 'internal' } = { visibility: 'public' };
    let tell: [string, string] | null = null;

    switch (body.action) {
      case 'assign': {
        const policy = await policyOfTicket(db, t.created_at);
        let userId = body.assigneeId ?? null;
        let explanation: TExplanation | null = null;
        if (userId) {
          if (!(await isWorker(db, userId))) throw invalidValue('body.assigneeId', 'not an active engineer');
        } else {
          const chosen = await autoAssign(db, { productId: t.product_id, regionId: t.region_id, policyVersion: policy.number, tier2: t.tier > 1 });
          if (!chosen.userId) throw new AppError('rule_violation', 'SR-4: no engineer is available for automatic assignment; choose one', { ruleId: 'SR-4' });
          userId = chosen.userId;
          explanation = chosen.explanation;
        }
        const place = await placeWith(db, userId);
        Object.assign(set, { assignee_id: userId, assigned_at: at, team_id: place.team_id ?? t.team_id, department_id: place.department_id ?? t.department_id });
        entry = { visibility: 'internal', body: body.reason ?? null, data: { from: t.assignee_id, to: userId, toName: place.name, explanation } };
        break;
      }
      case 'wait':
        entry = { visibility: 'public', body: body.reason, data: { from, to } };
        tell = ['需要您提供信息', 'waiting for your information'];
        break;
      case 'resolve':
        Object.assign(set, { cause: body.cause, solution: body.solution, resolved_at: at });
        entry = { visibility: 'public', body: body.solution, data: { from, to, cause: body.cause } };
        tell = ['已解决，请确认', 'resolved — please confirm'];
        break;
      case 'confirm': {
        const onDevice = !customerSide;
        if (onDevice) {
          // FS-8 on the engineer's device: the customer signs; without a signature it is not their confirmation.
          if (!body.signature) throw invalidValue('body.signature', 'the customer’s signature is required when confirming on the engineer’s device', 'FS-8');
          if (!body.signedBy) throw invalidValue('body.signedBy', 'the name of the customer who signs is required', 'FS-8');
        }
        if (body.signature && !SIGNATURE.test(body.signature)) throw invalidValue('body.signature', 'must be a data:image/png;base64 URL', 'FS-8');
        await db
          .insertInto('ticket_ratings')
          .values({
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
          })
          // FS-8: a rating signed on site with the service record stands; confirming afterwards does not add a second.
          .onConflict((oc) => oc.column('ticket_id').doNothing())
          .execute();
        entry = { visibility: 'public', body: body.rating.comment ?? null, data: { from, to, rating: body.rating, via: onDevice ? 'device' : 'portal' } };
        break;
      }
      case 'reject':
        Object.assign(set, { reopen_count: t.reopen_count + 1, resolved_at: null });
        entry = { visibility: 'public', body: body.reason, data: { from, to, reopened: true } };
        if (t.assignee_id) await notify(db, at, { userIds: [t.assignee_id], kind: 'ticket_reopened', title: { zh: `${t.number} 被客户退回`, en: `${t.number} reopened by the customer` }, body: { zh: body.reason, en: body.reason }, link: `/tickets/${id}`, ticketId: id });
        break;
      case 'close': {
        set.closed_at = at;
        const policy = await policyOfTicket(db, t.created_at);
        const closedOn = localDateInZone(DEFAULT_TIME_ZONE, now.getTime());
        await scheduleFollowUp(db, { ticketId: id, customerId: t.customer_id, closedOn, days: policy.document.sla.followUpDaysAfterClose, now: at });
        entry = { visibility: 'public', data: { from, to, followUpInDays: policy.document.sla.followUpDaysAfterClose } };
        break;
      }
      case 'cancel':
        set.cancel_reason = body.reason;
        entry = { visibility: 'public', body: body.reason, data: { from, to } };
        tell = ['已取消', 'cancelled'];
        break;
      default:
        entry = { visibility: 'public', data: { from, to } };
    }
    if (body.action === 'start' || body.action === 'resume') entry.data = { from, to };
    if (events.length) set.sla_events = JSON.stringify([...parseEvents(t.sla_events), ...events]);
    await bumpVersion(db, id, body.version, set, at);
    await repo.insertEntry(db, { ticketId: id, kind: body.action === 'assign' ? 'assignment' : body.action === 'confirm' ? 'rating' : 'state', visibility: entry.visibility, authorId: ctx.actor.id, body: entry.body, data: { action: body.action, ...entry.data }, at });
    if (body.action === 'resolve') await repo.indexTicketText(db, ctx.dialect, id, body.cause, body.solution);
    const updated = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await refreshSla(db, updated, now.getTime());
    await recordAudit(db, ctx, { action: `ticket.${body.action}`, entity: 'ticket', entityId: id, before: { state: from, assigneeId: t.assignee_id }, after: { state: to, ...set, signature: undefined, sla_events: undefined } });
    if (body.action === 'assign' && updated.assignee_id) await tellAssignee(db, at, id, t.number, t.title, updated.assignee_id);
    if (tell && !customerSide) await tellCustomer(db, at, t, tell[0], tell[1]);
  });
  return getTicket(ctx, id);
}

