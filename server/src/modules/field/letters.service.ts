import {
  type TLetterNews,
  type TReasonParams,
  type TKitItem,
  type TLetter,
  type TLetterListQuery,
  type TLetterStatus,
  type TLetterSummary,
  type TSiteConfirmation,
  type TTravelPlan,
  letterNumber,
} from '@techserve/core';
import { type Ctx, type Db, can } from '../../http/context';
import { AppError, notFound, versionConflict } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { notify } from '../notifications/notifications.service';
import { isOnLetter, letterFor, letterScope, onLetter } from './field.access.repository';
import {
  type LetterDetailRow,
  appointmentHistory,
  engineersOfLetters,
  letterDetailQuery,
  letterEngineerRows,
  updateLetterAtVersion,
} from './letters.repository';

// FS-2 responsibility letters: the read shapes and what every letter write shares (version check, engineers told).
// Creation and staffing live in letters.staffing.ts, the kit rules in letters.kit.ts, filling, approval and
// re-booking in letters.workflow.ts.

/** Re-exported for the field module's other services. */
export { letterNumber };
export const parse = <T>(s: string | null): T | null => (s == null ? null : (JSON.parse(s) as T));

// Read shapes ---------------------------------------------------------------------------------------------

type Engineers = Awaited<ReturnType<typeof engineersOfLetters>>;

function toSummary(r: LetterDetailRow, engineers: Engineers): TLetterSummary {
  return {
    id: r.id,
    number: letterNumber(r.id),
    status: r.status,
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
export const clarifierOf = (r: Pick<LetterDetailRow, 'notice_author_id' | 'ticket_created_by'>) =>
  r.notice_author_id ?? r.ticket_created_by ?? null;

export const RESCHEDULABLE: TLetterStatus[] = ['draft', 'submitted', 'approved'];

async function allowedFor(ctx: Ctx, r: LetterDetailRow): Promise<TLetter['allowed']> {
  const { actor } = ctx;
  const mine = await isOnLetter(ctx.db, r.id, actor.id);
  const works = can(actor, 'field.work') && (mine || can(actor, 'field.dispatch'));
  const allowed: TLetter['allowed'] = [];
  if (r.status === 'draft' && works) allowed.push('fill', 'submit');
  if (r.status === 'draft' && can(actor, 'field.dispatch')) allowed.push('assign');
  if (r.status === 'submitted' && can(actor, 'field.approve')) allowed.push('approve', 'reject');
  if (RESCHEDULABLE.includes(r.status) && works) allowed.push('reschedule');
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
    query = query.where((eb) => onLetter(eb, ctx.actor.id));
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
export const bumpLetter = updateLetterAtVersion;

/** The letter for a write: in scope, version current (409), status one of `from` (409 illegal_transition). */
export async function letterForWrite(ctx: Ctx, id: number, version: number, from: readonly TLetterStatus[]) {
  const l = await letterFor(ctx, id);
  if (l.version !== version) throw versionConflict('The responsibility letter');
  if (!from.includes(l.status)) throw new AppError('illegal_transition', `Not possible while the letter is ${l.status}`);
  return l;
}

export async function tellEngineers(
  db: Db,
  at: string,
  letterId: number,
  kind: string,
  message: TLetterNews,
  params: TReasonParams = {},
  extra: number[] = [],
) {
  const rows = await letterEngineerRows(db, letterId);
  const n = letterNumber(letterId);
  await notify(db, at, {
    userIds: [...rows.map((r) => r.user_id), ...extra],
    kind,
    message,
    params: { ...params, number: n },
    link: `/field/letters/${letterId}`,
  });
}
