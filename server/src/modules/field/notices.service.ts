import {
  type TNoticeListQuery,
  type TNoticeReject,
  type TNoticeSign,
  type TServiceNotice,
  type TServiceNoticeCreate,
  type TTicketType,
  ZTicketCreate,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Actor, type Ctx, type Db, can } from '../../http/context';
import { AppError, invalidValue, notFound, versionConflict } from '../../http/errors';
import { pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { holdersOf } from '../org/org.repository';
import { createTicket } from '../tickets/tickets.intake';
import { isDepartmentHead, isGm, noticeFor, noticeScope } from './field.access.repository';
import { cursorId } from '../../http/pagination';
import { fieldPolicyNow } from './field.policy';
import * as repo from './notices.repository';

/** ZTicketCreate's description limit; the full texts stay on the notice. */
const REQUEST_DESCRIPTION_MAX = 10_000;

export const noticeNumber = (id: number) => `SN-${String(id).padStart(6, '0')}`;

type Signing = { canSign: boolean; needsGmAbsentReason: boolean; as: 'gm' | 'department_head' | null; refusal: string | null };

/**
 * FS-1: whether the actor may sign under the policy in force: the GM when `gm`; the service department head
 * directly when `departmentHeadDirectly`, or when `departmentHeadWhenGmAbsent` with a stated GM absence.
 */
async function signingOf(ctx: Ctx, actor: Actor): Promise<Signing> {
  if (!can(actor, 'field.sign'))
    return { canSign: false, needsGmAbsentReason: false, as: null, refusal: 'Signing needs the field.sign permission' };
  const signers = (await fieldPolicyNow(ctx)).serviceNoticeSigners;
  if (isGm(actor) && signers.gm) return { canSign: true, needsGmAbsentReason: false, as: 'gm', refusal: null };
  // A GM who also heads the service department falls back to the department head's rules.
  if (await isDepartmentHead(ctx.db, actor)) {
    if (signers.departmentHeadDirectly) return { canSign: true, needsGmAbsentReason: false, as: 'department_head', refusal: null };
    if (signers.departmentHeadWhenGmAbsent) return { canSign: true, needsGmAbsentReason: true, as: 'department_head', refusal: null };
    return {
      canSign: false,
      needsGmAbsentReason: false,
      as: 'department_head',
      refusal: 'The policy in force lets only the GM sign service notices',
    };
  }
  if (isGm(actor))
    return {
      canSign: false,
      needsGmAbsentReason: false,
      as: 'gm',
      refusal: 'The policy in force does not let the GM sign service notices',
    };
  return {
    canSign: false,
    needsGmAbsentReason: false,
    as: null,
    refusal: 'Only the GM or the service department head signs service notices',
  };
}

const toNotice = (r: repo.NoticeDetailRow, signing: Signing): TServiceNotice => ({
  id: r.id,
  number: noticeNumber(r.id),
  status: r.status as TServiceNotice['status'],
  customerId: r.customer_id,
  customerName: r.customer_name ?? r.customer_unit ?? '',
  siteId: r.site_id,
  siteAddress: r.site_address,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  type: r.type as TTicketType,
  title: r.title,
  requirements: r.requirements,
  siteSituation: r.site_situation,
  createdBy: r.created_by,
  createdByName: r.author_name,
  signedBy: r.signed_by,
  signedByName: r.signer_name,
  signedAs: r.signed_as as TServiceNotice['signedAs'],
  signedAt: r.signed_at,
  gmAbsentReason: r.gm_absent_reason,
  rejectedBy: r.rejected_by,
  rejectedByName: r.rejecter_name,
  rejectedAt: r.rejected_at,
  rejectReason: r.reject_reason,
  ticketId: r.ticket_id,
  ticketNumber: r.ticket_number,
  letterId: r.letter_id == null ? null : Number(r.letter_id),
  canSign: r.status === 'pending' && signing.canSign,
  signNeedsGmAbsentReason: r.status === 'pending' && signing.needsGmAbsentReason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export async function getNotice(ctx: Ctx, id: number): Promise<TServiceNotice> {
  const r = await repo
    .noticeDetailQuery(ctx.db)
    .where('service_notices.id', '=', id)
    .where((eb) => noticeScope(eb, ctx.actor))
    .executeTakeFirst();
  if (!r) throw notFound('Service notice');
  return toNotice(r, await signingOf(ctx, ctx.actor));
}

export async function listNotices(ctx: Ctx, q: TNoticeListQuery) {
  const after = cursorId(q.cursor);
  let query = repo.noticeDetailQuery(ctx.db).where((eb) => noticeScope(eb, ctx.actor));
  if (q.box === 'mine') query = query.where('service_notices.created_by', '=', ctx.actor.id);
  if (q.box === 'to_sign') query = query.where('service_notices.status', '=', 'pending');
  if (q.status) query = query.where('service_notices.status', '=', q.status);
  if (after) query = query.where('service_notices.id', '<', after);
  const rows = await query
    .orderBy('service_notices.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const signing = await signingOf(ctx, ctx.actor);
  // to_sign lists only what the reader may sign.
  const visible = q.box === 'to_sign' && !signing.canSign ? [] : rows;
  const { items, nextCursor } = pageOf(visible, q.limit, (r) => [r.id]);
  return { items: items.map((r) => toNotice(r, signing)), nextCursor };
}

async function assertCustomer(db: Db, customerId: number, siteId: number | null | undefined) {
  if (!(await repo.customerExists(db, customerId))) throw invalidValue('body.customerId', 'no such customer');
  if (siteId != null && !(await repo.siteOfCustomer(db, siteId, customerId))) {
    throw invalidValue('body.siteId', 'not a site of this customer');
  }
}

/** FS-1: raise a notice (pending until signed). */
export async function createNotice(ctx: Ctx, body: TServiceNoticeCreate): Promise<TServiceNotice> {
  if (body.customerId != null) await assertCustomer(ctx.db, body.customerId, body.siteId);
  else if (body.siteId != null) throw invalidValue('body.siteId', 'a site needs its customer');
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    const { id } = await repo.insertNotice(db, {
      status: 'pending',
      customer_id: body.customerId ?? null,
      customer_unit: body.customerUnit || null,
      site_id: body.siteId ?? null,
      site_address: body.siteAddress || null,
      contact_name: body.contactName,
      contact_phone: body.contactPhone,
      type: body.type,
      title: body.title,
      requirements: body.requirements,
      site_situation: body.siteSituation,
      created_by: ctx.actor.id,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, { action: 'notice.create', entity: 'service_notice', entityId: id, after: body });
    await notify(db, at, {
      userIds: await signerIds(db),
      kind: 'notice_to_sign',
      message: 'notice.toSign',
      params: { number: noticeNumber(id), title: body.title },
      link: `/field/notices/${id}`,
      email: false,
    });
    return id;
  });
  return getNotice(ctx, id);
}

/** Users who might sign: whoever holds field.sign (the policy decides at signing time who of them may). */
const signerIds = (db: Db) => holdersOf(db, 'field.sign');

const bumpNotice = repo.updatePendingNotice;

/**
 * FS-1: signing makes the notice valid and raises a service request (SR-1, channel service_notice, needs a visit)
 * through the tickets service. The request is created after the notice is marked signed; if creating it fails, the
 * signature is rolled back so the notice stays pending.
 */
export async function signNotice(ctx: Ctx, id: number, body: TNoticeSign): Promise<TServiceNotice> {
  const n = await noticeFor(ctx, id);
  if (n.version !== body.version) throw versionConflict('The service notice');
  if (n.status !== 'pending') throw new AppError('illegal_transition', `The notice is already ${n.status}`);
  const signing = await signingOf(ctx, ctx.actor);
  if (!signing.canSign) throw new AppError('rule_violation', signing.refusal ?? 'You may not sign this notice', { ruleId: 'FS-1' });
  const gmAbsentReason = body.gmAbsentReason?.trim() || null;
  if (signing.needsGmAbsentReason && !gmAbsentReason) {
    throw new AppError('rule_violation', 'The department head signs only when the GM is absent: state the reason', {
      ruleId: 'FS-1',
      details: [{ path: 'body.gmAbsentReason', message: 'required: the GM is absent because …' }],
    });
  }
  const customerId = n.customer_id ?? body.customerId ?? null;
  if (customerId == null) {
    throw new AppError('rule_violation', 'Link the notice to a customer record before signing (the service request needs one)', {
      ruleId: 'FS-1',
      details: [{ path: 'body.customerId', message: 'required for a notice with a free-text customer unit' }],
    });
  }
  if (n.customer_id == null) await assertCustomer(ctx.db, customerId, n.site_id);
  const at = nowIso(ctx.clock);
  const signed = {
    status: 'signed',
    signed_by: ctx.actor.id,
    signed_as: signing.as,
    signed_at: at,
    gm_absent_reason: signing.needsGmAbsentReason ? gmAbsentReason : null,
    customer_id: customerId,
  };
  await ctx.db.transaction().execute(async (db) => {
    await bumpNotice(db, id, n.version, signed, at);
    await recordAudit(db, ctx, {
      action: 'notice.sign',
      entity: 'service_notice',
      entityId: id,
      before: { status: n.status },
      after: signed,
    });
  });
  let ticketId: number;
  try {
    const ticket = await createTicket(
      ctx,
      ZTicketCreate.parse({
        customerId,
        siteId: n.site_id,
        type: n.type,
        channel: 'service_notice',
        title: n.title,
        description: requestDescription(n),
        urgency: 'medium',
        impact: 'department',
        needsVisit: true,
        autoAssign: false,
      }),
    );
    ticketId = ticket.id;
  } catch (err) {
    await repo.setNotice(ctx.db, id, {
      status: 'pending',
      signed_by: null,
      signed_as: null,
      signed_at: null,
      gm_absent_reason: null,
      customer_id: n.customer_id,
      version: n.version + 2,
      updated_at: at,
    });
    throw err;
  }
  await ctx.db.transaction().execute(async (db) => {
    await repo.setNotice(db, id, { ticket_id: ticketId });
    await notify(db, at, {
      userIds: [n.created_by],
      kind: 'notice_signed',
      message: 'notice.signed',
      params: { number: noticeNumber(id), title: n.title },
      link: `/field/notices/${id}`,
    });
  });
  return getNotice(ctx, id);
}

/** The request's description from the notice, within the request's length limit (SR-1). */
function requestDescription(n: { requirements: string; site_situation: string; contact_name: string; contact_phone: string }): string {
  const contact = `联系人：${n.contact_name} ${n.contact_phone}`;
  const full = [n.requirements, '', `现场情况：${n.site_situation}`, contact].join('\n');
  return full.length <= REQUEST_DESCRIPTION_MAX ? full : `${full.slice(0, REQUEST_DESCRIPTION_MAX - contact.length - 2)}…\n${contact}`;
}

/** FS-1: a rejection carries its reason and tells the author. */
export async function rejectNotice(ctx: Ctx, id: number, body: TNoticeReject): Promise<TServiceNotice> {
  const n = await noticeFor(ctx, id);
  if (n.version !== body.version) throw versionConflict('The service notice');
  if (n.status !== 'pending') throw new AppError('illegal_transition', `The notice is already ${n.status}`);
  const signing = await signingOf(ctx, ctx.actor);
  if (!signing.canSign) throw new AppError('rule_violation', signing.refusal ?? 'You may not decide on this notice', { ruleId: 'FS-1' });
  const at = nowIso(ctx.clock);
  const set = { status: 'rejected', rejected_by: ctx.actor.id, rejected_at: at, reject_reason: body.reason };
  await ctx.db.transaction().execute(async (db) => {
    await bumpNotice(db, id, n.version, set, at);
    await recordAudit(db, ctx, {
      action: 'notice.reject',
      entity: 'service_notice',
      entityId: id,
      before: { status: n.status },
      after: set,
    });
    await notify(db, at, {
      userIds: [n.created_by],
      kind: 'notice_rejected',
      message: 'notice.rejected',
      params: { number: noticeNumber(id), reason: body.reason },
      link: `/field/notices/${id}`,
    });
  });
  return getNotice(ctx, id);
}
