import {
  type TExplanation,
  type TSlaClock,
  type TTicket,
  type TTicketCreate,
  computeWarranty,
  evaluateEligibility,
  indexTerms,
  localDateInZone,
  ticketNumber,
} from '@techserve/core';
import { type Outcome, WriteBatch } from '../../db/write-batch';
import { watchOf } from '../../db/write-watch';
import { type Ctx, type Db, can } from '../../http/context';
import { AppError, forbidden, invalidValue, notFound } from '../../http/errors';
import { auditRow } from '../audit/audit.service';
import { listReplacements } from '../customers/customers.repository';
import type { LoadedCalendar } from '../calendars/calendars.service';
import { type PolicyAt, policyAt } from '../policy/policy-in-force';
import { insertPendingChangeRequests } from './change-requests.repository';
import { isCustomerSide } from './tickets.access';
import { AssignmentReads, autoAssign, isWorker } from './tickets.assignment';
import * as intakeRepo from './tickets.intake.repository';
import * as repo from './tickets.repository';
import { type DetailParts, toDetail } from './tickets.detail';
import { tellAssignee } from './tickets.notifications';
import { calendarOf, clockOf, policyOfTicket, priorityOf, slaSummary } from './tickets.sla';

// SR-1..4: a request from a call, the portal, an integration or a signed service notice (FS-1), in two phases
// (issue 4: creating requests sustains at least half the rate of a bare INSERT; bench/README.md):
// 1. prepare, per request and outside any transaction: permissions, one query for what the request names
//    (SR-1 ownership, 422 naming the field), warranty (CU-2), eligibility (CU-3/4), priority (SR-3), calendar
//    (SLA-3, cached) and the checks of a dispatcher's assignment;
// 2. write, batched (db/write-batch.ts): the requests prepared together go into one transaction — numbers,
//    automatic assignment (SR-4, one request after another, each counting the ones before it), the rows with
//    their SLA clocks, timeline, search index, audit and the assignees' notifications.

type Place = { team_id: number | null; department_id: number | null; name: string };

type Draft = {
  ctx: Ctx;
  body: TTicketCreate;
  now: number;
  at: string;
  today: string;
  policy: PolicyAt;
  calendar: LoadedCalendar;
  facts: intakeRepo.IntakeFactsRow;
  productId: number | null;
  regionId: number | null;
  channel: string;
  priority: ReturnType<typeof priorityOf>;
  eligibility: ReturnType<typeof evaluateEligibility>;
  /** A dispatcher's choice (checked), or whether the rule chooses at write time (SR-4). */
  assignment: { userId: number; place: Place } | { auto: boolean };
  terms: string[];
};

type Written = { row: repo.DetailRow; clock: TSlaClock };

async function warrantyOf(
  db: Db,
  installed: { id: number; accepted_on: string | null; warranty_end_override: string | null },
  today: string,
) {
  const policy = (await policyAt(db, installed.accepted_on ?? today)) ?? (await policyAt(db, today));
  if (!policy) throw new AppError('internal', 'No published policy is in force');
  const parts = await listReplacements(db, [installed.id]);
  const w = policy.document.sla.warranty;
  return computeWarranty({
    acceptedOn: installed.accepted_on,
    endOverride: installed.warranty_end_override,
    replacements: parts.map((p) => ({ part: p.part, replacedOn: p.replaced_on })),
    policy: { months: w.months, replacedPartExtendsWarranty: w.replacedPartExtendsWarranty, version: policy.number },
    today,
  });
}

/** SR-1: every id names a row of the request's customer; 422 naming the field otherwise (no leaks). */
function checkFacts(facts: intakeRepo.IntakeFactsRow, body: TTicketCreate) {
  if (facts.customer_id == null) throw invalidValue('body.customerId', 'no such customer');
  const foreign = 'does not belong to this customer';
  if (body.contactId != null && facts.contact_customer_id !== body.customerId) throw invalidValue('body.contactId', foreign);
  if (body.siteId != null && facts.site_customer_id !== body.customerId) throw invalidValue('body.siteId', foreign);
  if (body.installedProductId != null && facts.installed_customer_id !== body.customerId)
    throw invalidValue('body.installedProductId', foreign);
  const productId = body.productId ?? facts.installed_product ?? null;
  if (productId != null && facts.product_id == null) throw invalidValue('body.productId', 'no such product');
  if (body.productId && facts.installed_id != null && body.productId !== facts.installed_product)
    throw invalidValue('body.productId', 'differs from the installed product’s product');
  return productId;
}

/** What the caller may ask for at all, before anything is read (403/404 at once). */
function checkAllowed(ctx: Ctx, body: TTicketCreate) {
  const { actor } = ctx;
  if (isCustomerSide(actor)) {
    // The portal files for the contact's own company only, and cannot steer dispatch.
    if (body.customerId !== actor.customerId) throw notFound('Customer');
    if (body.assigneeId || body.teamId || body.priorityOverride) throw forbidden('Customers cannot assign requests or override priorities');
  }
  if ((body.assigneeId || body.teamId) && !can(actor, 'tickets.assign')) throw forbidden('Assigning needs the tickets.assign permission');
  if (body.priorityOverride && !can(actor, 'tickets.manage')) throw forbidden('Overriding a priority needs the tickets.manage permission');
}

type Request = { ctx: Ctx; body: TTicketCreate; now: number; today: string };

async function prepare(db: Db, { ctx, body, now, today }: Request, facts: intakeRepo.IntakeFactsRow): Promise<Draft> {
  const { actor } = ctx;
  const customerSide = isCustomerSide(actor);
  const at = new Date(now).toISOString();
  const productId = checkFacts(facts, body);
  const policy = await policyOfTicket(db, at);
  const warranty =
    facts.installed_id != null
      ? await warrantyOf(
          db,
          { id: facts.installed_id, accepted_on: facts.accepted_on, warranty_end_override: facts.warranty_end_override },
          today,
        )
      : null;
  const eligibility = evaluateEligibility({
    warranty: warranty && { status: warranty.status, lastDay: warranty.endDate },
    contract:
      facts.contract_id != null
        ? {
            number: facts.contract_number as string,
            slaLevelId: facts.contract_sla_level_id as string,
            endsOn: facts.contract_ends_on as string,
            coverage: facts.contract_coverage ?? 'business',
          }
        : null,
    policy: policy.document,
    policyVersion: policy.number,
  });
  const calendar = await calendarOf(db, facts.site_calendar_id ?? null);
  if (body.assigneeId && !(await isWorker(db, body.assigneeId))) throw invalidValue('body.assigneeId', 'not an active engineer');
  if (body.teamId && !(await repo.teamExists(db, body.teamId))) throw invalidValue('body.teamId', 'no such team');
  return {
    ctx,
    body,
    now,
    at,
    today,
    policy,
    calendar,
    facts,
    productId,
    regionId: facts.site_region_id ?? facts.customer_region_id ?? null,
    channel: body.channel ?? (customerSide ? 'portal' : actor.via === 'token' ? 'api' : 'phone'),
    priority: priorityOf(policy, body.urgency, body.impact, body.priorityOverride),
    eligibility,
    // SR-4: by rule unless the dispatcher chose; the portal's requests are always dispatched by rule, at once.
    assignment: body.assigneeId
      ? { userId: body.assigneeId, place: await repo.placeOf(db, body.assigneeId) }
      : { auto: Boolean(body.autoAssign || customerSide) },
    terms: [],
  };
}

/** SR-2: `count` consecutive numbers per company-local day, in the order of the drafts. */
async function numbersFor(db: Db, days: string[]): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1);
  const next = new Map<string, number>();
  for (const [day, count] of counts) next.set(day, (await intakeRepo.advanceSequence(db, day, count)) - count + 1);
  return days.map((day) => {
    const n = next.get(day) as number;
    next.set(day, n + 1);
    return ticketNumber(day, n);
  });
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

type Assignee = { userId: number | null; place: Place | null; explanation: TExplanation | null };

/**
 * SR-4, one request after another: each automatic choice counts the batch's earlier choices as load. Batches are
 * written one at a time (db/write-batch.ts), so the next batch's choices see this one's requests in the table.
 */
async function assigneesOf(db: Db, drafts: Draft[]): Promise<Assignee[]> {
  const pending: Array<{ userId: number; at: number }> = [];
  const assigned: Assignee[] = [];
  const reads = new AssignmentReads(db);
  for (const d of drafts) {
    let choice: Assignee = { userId: null, place: null, explanation: null };
    if ('userId' in d.assignment) choice = { userId: d.assignment.userId, place: d.assignment.place, explanation: null };
    else if (d.assignment.auto) {
      const chosen = await autoAssign(
        db,
        {
          productId: d.productId,
          regionId: d.regionId,
          policyVersion: d.policy.number,
          cap: { assignment: d.policy.document.sla.assignment, priority: d.priority.priority },
          pending,
          today: d.today,
        },
        reads,
      );
      if (chosen.userId) {
        choice = { userId: chosen.userId, place: await repo.placeOf(db, chosen.userId), explanation: chosen.explanation };
        pending.push({ userId: chosen.userId, at: d.now });
      }
    }
    assigned.push(choice);
  }
  return assigned;
}

async function writeDrafts(db: Db, drafts: Draft[], assigned: Assignee[]): Promise<Written[]> {
  const dialect = drafts[0].ctx.dialect;
  const numbers = await numbersFor(
    db,
    drafts.map((d) => d.today),
  );
  const rows = await Promise.all(
    drafts.map(async (d, i) => {
      const { userId, place } = assigned[i];
      const state = userId ? 'assigned' : 'new';
      const clock = await clockOf(
        db,
        {
          id: 0,
          created_at: d.at,
          sla_level_id: d.eligibility.slaLevelId,
          priority: d.priority.priority,
          calendar_id: d.calendar.calendar.id,
          needs_visit: d.body.needsVisit ? 1 : 0,
          sla_events: '[]',
          sla_coverage: d.eligibility.coverage,
          state,
        },
        d.now,
        { policy: d.policy, calendar: d.calendar },
      );
      const sla = slaSummary(clock, state);
      d.terms = indexTerms(numbers[i], d.body.title, d.body.description);
      const values: intakeRepo.NewTicketRow = {
        number: numbers[i],
        type: d.body.type,
        channel: d.channel,
        title: d.body.title,
        description: d.body.description,
        customer_id: d.body.customerId,
        contact_id: d.body.contactId ?? null,
        site_id: d.facts.site_id ?? null,
        installed_product_id: d.facts.installed_id ?? null,
        product_id: d.productId,
        region_id: d.regionId,
        contract_id: d.facts.contract_id ?? null,
        urgency: d.body.urgency,
        impact: d.body.impact,
        priority: d.priority.priority,
        priority_explanation: JSON.stringify(d.priority.explanation),
        eligibility: d.eligibility.eligibility,
        eligibility_explanation: JSON.stringify(d.eligibility.explanation),
        sla_level_id: d.eligibility.slaLevelId,
        sla_coverage: d.eligibility.coverage,
        calendar_id: d.calendar.calendar.id,
        policy_version: d.policy.number,
        needs_visit: d.body.needsVisit ? 1 : 0,
        state,
        next_due_at: sla.nextDueAt,
        sla_breached: sla.breached ? 1 : 0,
        sla_state: sla.state,
        assignee_id: userId,
        assigned_at: userId ? d.at : null,
        team_id: d.body.teamId ?? place?.team_id ?? null,
        department_id: place?.department_id ?? null,
        created_by: d.ctx.actor.id,
        created_at: d.at,
        updated_at: d.at,
      };
      return { values, clock };
    }),
  );
  // SLA-1..4 and (PostgreSQL) the search vector go into the INSERT itself: one write of each row.
  const ids = await intakeRepo.insertNewTickets(db, dialect, {
    tickets: rows.map((r, i) => ({ values: r.values, terms: drafts[i].terms })),
    entries: drafts.flatMap((d, i) => {
      const { userId, place, explanation } = assigned[i];
      const created = {
        number: numbers[i],
        kind: 'created',
        visibility: 'public' as const,
        authorId: d.ctx.actor.id,
        body: d.body.description,
        data: { priority: d.priority.explanation, eligibility: d.eligibility.explanation },
        at: d.at,
      };
      if (!userId) return [created];
      return [
        created,
        {
          number: numbers[i],
          kind: 'assignment',
          visibility: 'internal' as const,
          authorId: d.ctx.actor.id,
          data: { to: userId, toName: place?.name, explanation },
          at: d.at,
        },
      ];
    }),
    audits: drafts.map((d, i) => ({
      number: numbers[i],
      ...auditRow(d.ctx, { action: 'ticket.create', entity: 'ticket', entityId: null, after: { number: numbers[i], ...d.body } }),
    })),
  });
  await insertPendingChangeRequests(
    db,
    drafts.flatMap((d, i) => (d.body.type === 'change_request' ? [ids[i]] : [])),
  );
  for (const [i, d] of drafts.entries()) {
    const userId = assigned[i].userId;
    if (userId) await tellAssignee(db, d.at, ids[i], numbers[i], d.body.title, userId);
  }

  // The responses are built from what was written: a new request has no rating, escalation or time record, and
  // its names are the ones intake read (tickets.create-response.test.ts holds them equal to GET /tickets/:id).
  return drafts.map((d, i) => ({
    clock: rows[i].clock,
    // Object.assign onto the written values (not a spread: see tickets.detail.ts).
    row: Object.assign(rows[i].values, {
      id: ids[i],
      version: 1,
      tier: 1,
      cause: null,
      solution: null,
      committed_at: null,
      cancel_reason: null,
      reopen_count: 0,
      sla_events: '[]',
      resolved_at: null,
      closed_at: null,
      search_vector: null,
      customer_name: d.facts.customer_name as string, // checkFacts: the customer exists
      assignee_name: assigned[i].place?.name ?? null,
      contact_name: d.facts.contact_name,
      contact_phone: d.facts.contact_phone,
      site_name: d.facts.site_name,
      site_address: d.facts.site_address,
      serial_number: d.facts.serial_number,
      product_name: d.facts.product_name,
    }),
  }));
}

/**
 * Requests filed together: one query reads what they all name, each is checked and prepared on its own (its
 * refusal is its own), and the accepted ones are written in one transaction.
 */
async function createRequests(db: Db, requests: Request[]): Promise<Array<Outcome<Created>>> {
  const facts = await intakeRepo.intakeFactsRows(
    db,
    requests.map(({ body, today }) => ({
      customerId: body.customerId,
      contactId: body.contactId ?? null,
      siteId: body.siteId ?? null,
      installedProductId: body.installedProductId ?? null,
      productId: body.productId ?? null,
      today,
    })),
  );
  const prepared = await Promise.all(
    requests.map((r, i) =>
      prepare(db, r, facts[i]).then(
        (draft): Outcome<Draft> => ({ ok: true, value: draft }),
        (error: unknown): Outcome<Draft> => ({ ok: false, error }),
      ),
    ),
  );
  const drafts = prepared.flatMap((p) => (p.ok ? [p.value] : []));
  if (drafts.length === 0) return prepared as Array<Outcome<Created>>;
  // Reads stay outside the write transaction, so it holds the day's number counter only for its INSERTs.
  const assigned = await assigneesOf(db, drafts);
  const written = db.isTransaction
    ? await writeDrafts(db, drafts, assigned)
    : await db.transaction().execute((trx) => writeDrafts(trx, drafts, assigned));
  let next = 0;
  return prepared.map((p) => (p.ok ? { ok: true, value: { draft: p.value, ...written[next++] } } : p));
}

type Created = Written & { draft: Draft };

/** The creates of one database, in batches (one queue per database, like its caches). */
const createBatch = (ctx: Ctx) =>
  watchOf(ctx.db).shared('tickets.create', () => new WriteBatch<Request, Created>((requests) => createRequests(ctx.db, requests)));

/**
 * SR-1..4: creates a request — number, priority, eligibility, SLA level and calendar, assignment, the timeline's
 * first entry, the search index and the audit entry are written in one transaction; the assignee is told at once.
 */
export async function createTicket(ctx: Ctx, body: TTicketCreate): Promise<TTicket> {
  checkAllowed(ctx, body);
  const now = ctx.clock.now().getTime();
  const request: Request = { ctx, body, now, today: localDateInZone(ctx.timeZone, now) };
  // Inside a caller's transaction the create joins it; otherwise it joins the next batch.
  const created = ctx.db.isTransaction
    ? await createRequests(ctx.db, [request]).then(([o]) => (o.ok ? o.value : Promise.reject(o.error)))
    : await createBatch(ctx).submit(request);
  const { draft, row, clock } = created;
  const change = body.type === 'change_request' ? PENDING_CHANGE_REQUEST : undefined;
  const explanations = { priority: draft.priority.explanation, eligibility: draft.eligibility.explanation };
  return toDetail(ctx, row, { clock, rating: undefined, change, escalations: [], spent: [], explanations });
}
