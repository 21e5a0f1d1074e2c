import {
  phraseOf,
  type TReasonParams,
  COMPLAINT_LEVEL_TEXT,
  type TComplaint,
  type TComplaintConfirmation,
  type TComplaintCreate,
  type TComplaintListQuery,
  localDateOf,
  proposeIncidentClass,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { notFound } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { assertMonthOpen } from '../months/months.service';
import { approversOf } from '../org/approvers';
import { policyOn } from '../policy/policy-in-force';
import { ticketFor } from '../tickets/tickets.access';
import { letterFor } from '../field/field.access.repository';
import { badField, illegalState, staffMember } from './incidents.shared';
import * as repo from './incidents.repository';

// SR-14: complaints (客户投诉/抱怨) — registered with who complained, to whom, about whom and what; acknowledged,
// handled to the customer's satisfaction and closed with the customer's confirmation. A complaint about an engineer to
// VP level or above proposes a Class I incident (IN-1), to a sales manager or sales admin Class II (IN-2).

export async function complaintFor(ctx: Pick<Ctx, 'actor' | 'db'>, id: number, db: Db = ctx.db) {
  const row = await repo.findComplaint(db, ctx.actor, id);
  if (!row) throw notFound('Complaint');
  return row;
}

export async function getComplaint(ctx: Ctx, id: number): Promise<TComplaint> {
  return repo.toComplaint(await complaintFor(ctx, id));
}

export async function listComplaints(ctx: Ctx, q: TComplaintListQuery) {
  const after = cursorId(q.cursor);
  const rows = await repo.listComplaintRows(ctx.db, ctx.actor, { ...q, after, limit: q.limit + 1 });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: items.map(repo.toComplaint), nextCursor };
}

const tell = (db: Db, at: string, userIds: number[], id: number, params: TReasonParams, kind = 'complaint') =>
  notify(db, at, {
    userIds,
    kind,
    message: 'complaint.filed',
    params: { ...params, id },
    link: `/complaints/${id}`,
  });

/** Who manages complaints about this person: their supervisors with incidents.manage (anyone who may, when none). */
export const complaintManagers = (db: Db, filed: { user_id: number; team_id: number | null; department_id: number | null }) =>
  approversOf(db, filed, 'incidents.manage');

/**
 * SR-14: registers a complaint. The customer, its contact, the engineer complained about and the request or visit it
 * concerns are checked (the request and the visit in the actor's scope, of the same customer); the policy in force on
 * the day it was received proposes the incident class (IN-1/IN-2) with its explanation; the managers are told.
 */
export async function createComplaint(ctx: Ctx, body: TComplaintCreate): Promise<TComplaint> {
  const at = nowIso(ctx.clock);
  if (Date.parse(body.receivedAt) > ctx.clock.now().getTime()) throw badField('body.receivedAt', 'incidents.inFuture', {}, 'SR-14');
  const id = await ctx.db.transaction().execute(async (db) => {
    // A complaint is a fact of the month it was received in (AP-6, WR-5): a closed month takes no new one.
    await assertMonthOpen(db, localDateOf(Date.parse(body.receivedAt)));
    const customer = await repo.customerOf(db, body.customerId);
    if (!customer) throw badField('body.customerId', 'complaints.noSuchCustomer', {}, 'SR-14');
    if (body.contactId != null) {
      const contact = await repo.contactOf(db, body.contactId);
      if (!contact || contact.customer_id !== customer.id)
        throw badField('body.contactId', 'complaints.contactOfOtherCustomer', {}, 'SR-14');
    }
    const about = body.aboutUserId != null ? await staffMember(db, body.aboutUserId, 'body.aboutUserId', 'SR-14') : null;
    if (body.ticketId != null) {
      const ticket = await ticketFor(ctx, body.ticketId, db).catch(() => null);
      if (!ticket) throw badField('body.ticketId', 'incidents.noSuchTicket', {}, 'SR-14');
      if (ticket.customer_id !== customer.id) throw badField('body.ticketId', 'complaints.requestOfOtherCustomer', {}, 'SR-14');
    }
    if (body.letterId != null) {
      const letter = await letterFor(ctx, body.letterId, db).catch(() => null);
      if (!letter || letter.customer_id !== customer.id) throw badField('body.letterId', 'incidents.noSuchVisit', {}, 'SR-14');
    }
    if (body.productId != null && !(await repo.productExists(db, body.productId)))
      throw badField('body.productId', 'incidents.noSuchProduct', {}, 'SR-14');
    const policy = await policyOn(db, localDateOf(Date.parse(body.receivedAt)));
    const proposal = proposeIncidentClass(policy.document.incidents, policy.number, { level: body.level, aboutEngineer: about != null });
    const row = {
      id: await repo.insertComplaint(db, {
        customer_id: customer.id,
        contact_id: body.contactId ?? null,
        complainant_name: body.complainantName,
        complainant_phone: body.complainantPhone || null,
        level: body.level,
        recipient_name: body.recipientName,
        received_at: new Date(body.receivedAt).toISOString(),
        about_user_id: about?.id ?? null,
        subject: body.subject,
        description: body.description,
        ticket_id: body.ticketId ?? null,
        letter_id: body.letterId ?? null,
        product_id: body.productId ?? null,
        status: 'open',
        proposed_class: proposal.classId,
        proposal_explanation: JSON.stringify(proposal.explanation),
        team_id: about?.teamId ?? null,
        department_id: about?.departmentId ?? ctx.actor.departmentId,
        region_id: customer.region_id,
        created_by: ctx.actor.id,
        policy_version: policy.number,
        created_at: at,
        updated_at: at,
      }),
    };
    await recordAudit(db, ctx, {
      action: 'complaint.create',
      entity: 'complaint',
      entityId: row.id,
      after: { ...body, proposal: proposal.classId },
    });
    const to = COMPLAINT_LEVEL_TEXT[body.level];
    const managers = await complaintManagers(db, {
      user_id: about?.id ?? ctx.actor.id,
      team_id: about?.teamId ?? null,
      department_id: about?.departmentId ?? ctx.actor.departmentId,
    });
    await tell(
      db,
      at,
      managers.filter((m) => m !== ctx.actor.id),
      row.id,
      {
        customer: customer.name,
        level: to,
        subject: body.subject,
        about: about ? phraseOf('complaint.about', { name: about.name }) : '',
        class: proposal.classId ? phraseOf('complaint.classProposed', { class: proposal.classId }) : '',
      },
    );
    return row.id;
  });
  return getComplaint(ctx, id);
}

/** SR-14: the department takes the complaint up (acknowledged). */
export async function acknowledgeComplaint(ctx: Ctx, id: number, version: number, note?: string | null): Promise<TComplaint> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await complaintFor(ctx, id, db);
    if (row.version !== version) throw repo.staleComplaint();
    if (row.status !== 'open') throw illegalState(row.status);
    const set = { status: 'acknowledged', acknowledged_at: at, acknowledged_by: ctx.actor.id, acknowledge_note: note ?? null };
    await repo.bump(db, 'complaints', id, version, set, at);
    await recordAudit(db, ctx, {
      action: 'complaint.acknowledge',
      entity: 'complaint',
      entityId: id,
      before: { status: row.status },
      after: set,
    });
  });
  return getComplaint(ctx, id);
}

/** SR-14: what was done about it (handled); a complaint still open is taken up at the same time. */
export async function handleComplaint(ctx: Ctx, id: number, version: number, handling: string): Promise<TComplaint> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await complaintFor(ctx, id, db);
    if (row.version !== version) throw repo.staleComplaint();
    if (row.status !== 'open' && row.status !== 'acknowledged') throw illegalState(row.status);
    const set: Record<string, unknown> = { status: 'handled', handling, handled_at: at, handled_by: ctx.actor.id };
    if (row.status === 'open') Object.assign(set, { acknowledged_at: at, acknowledged_by: ctx.actor.id });
    await repo.bump(db, 'complaints', id, version, set, at);
    await recordAudit(db, ctx, {
      action: 'complaint.handle',
      entity: 'complaint',
      entityId: id,
      before: { status: row.status },
      after: set,
    });
  });
  return getComplaint(ctx, id);
}

/**
 * SR-14: the customer's confirmation. Satisfied: the complaint is closed with who confirmed and how. Not satisfied: it
 * goes back to the department (acknowledged) to be handled again; the answer is kept.
 */
export async function confirmComplaint(ctx: Ctx, id: number, body: TComplaintConfirmation): Promise<TComplaint> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await complaintFor(ctx, id, db);
    if (row.version !== body.version) throw repo.staleComplaint();
    if (row.status !== 'handled') throw badField('body.satisfied', 'complaints.handleFirst', {}, 'SR-14');
    const set = body.satisfied
      ? {
          status: 'closed',
          closed_at: at,
          confirmed_by: body.confirmedBy,
          confirmation_channel: body.channel,
          confirmation_note: body.note ?? null,
        }
      : {
          status: 'acknowledged',
          confirmed_by: body.confirmedBy,
          confirmation_channel: body.channel,
          confirmation_note: body.note ?? null,
        };
    await repo.bump(db, 'complaints', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: body.satisfied ? 'complaint.close' : 'complaint.not_satisfied',
      entity: 'complaint',
      entityId: id,
      before: { status: row.status },
      after: set,
    });
  });
  return getComplaint(ctx, id);
}
