import type { TCheckInCreate, TGrade, TKitItem, TLetterStatus, TMyJob, TVisit, TVisitFile } from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { AppError, notFound } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { isOnLetter, letterFor, letterScope, onLetter } from './field.access.repository';
import { localDateOfIso, localMidnightIso } from './field.dates';
import { bumpLetter, letterNumber, parse } from './letters.service';
import { letterDetailQuery, ticketContactsOfLetters } from './letters.repository';
import * as repo from './visits.repository';
import { moveTicketForVisit, recordArrivalOnTicket } from './visits.ticket';

// FS-5 check-in/out, the engineer's jobs and the visit read shape shared by records, sign-off, extra tasks and return.

/** Letter statuses in which the engineer is (or may arrive) on site. */
const ARRIVABLE: TLetterStatus[] = ['approved', 'on_site', 'return_requested'];
const ON_SITE: TLetterStatus[] = ['on_site', 'return_requested'];

/**
 * The letter for an engineer's action on site: in scope (404), the actor one of its engineers (403 with the action's
 * rule `rules.action`, e.g. FS-5 for a check-in on someone else's visit), and in one of `statuses` (409, or 422 with
 * `rules.status` when a rule forbids it).
 */
export async function letterForEngineer(
  ctx: Ctx,
  id: number,
  statuses: readonly TLetterStatus[],
  rules: { action: string; status?: string },
  db: Db = ctx.db,
) {
  const l = await letterFor(ctx, id, db);
  if (!(await isOnLetter(db, id, ctx.actor.id))) {
    throw new AppError('forbidden', `${rules.action}: only the engineers on this responsibility letter may do this`, {
      ruleId: rules.action,
    });
  }
  assertLetterStatus(l.status, statuses, rules.status);
  return l;
}

export function assertLetterStatus(status: string, statuses: readonly TLetterStatus[], ruleId?: string) {
  if (statuses.includes(status as TLetterStatus)) return;
  const message = `Not possible while the letter is ${status} (needs ${statuses.join(' or ')})`;
  throw ruleId ? new AppError('rule_violation', `${ruleId}: ${message}`, { ruleId }) : new AppError('illegal_transition', message);
}

const fileUrl = (id: number) => `/api/v1/field/visit-files/${id}`;
export const signatureUrl = (id: number) => `/api/v1/field/visit-signatures/${id}`;
export const pdfUrlOf = (letterId: number) => `/api/v1/field/letters/${letterId}/service-record.pdf`;

const toFile = (f: repo.FileRow): TVisitFile => ({
  id: f.id,
  purpose: f.purpose as TVisitFile['purpose'],
  fileName: f.file_name,
  contentType: f.content_type,
  size: Number(f.size),
  url: fileUrl(f.id),
  ticketAttachmentId: f.ticket_attachment_id,
  createdAt: f.created_at,
});

const bool = (v: number | null) => (v == null ? null : Boolean(v));

/** FS-5..FS-9: everything recorded on site for a letter, with what the reader may do now. */
export async function getVisit(ctx: Ctx, id: number): Promise<TVisit> {
  const l = await letterDetailQuery(ctx.db)
    .where('responsibility_letters.id', '=', id)
    .where((eb) => letterScope(eb, ctx.actor))
    .executeTakeFirst();
  if (!l) throw notFound('Responsibility letter');
  const db = ctx.db;
  const [checkIns, record, parts, consults, files, tasks, signOff, returns, mine] = await Promise.all([
    repo.checkInsOf(db, id),
    repo.recordOf(db, id),
    repo.partsOf(db, id),
    repo.consultsOf(db, id),
    repo.filesOf(db, id),
    repo.extraTasksOf(db, id),
    repo.signOffOf(db, id),
    repo.returnRequestsOf(db, id),
    isOnLetter(db, id, ctx.actor.id),
  ]);
  const own = checkIns.filter((c) => c.user_id === ctx.actor.id);
  const onSiteNow = own.at(-1)?.kind === 'in';
  const status = l.status;
  const customerSigned = Boolean(signOff?.signature_id);
  const reportRequired = Boolean(record?.report_required);
  const reportFiled = record?.report_filed_at ?? null;

  const works = mine && can(ctx.actor, 'field.work');
  const approves = can(ctx.actor, 'field.approve');
  const allowed: TVisit['allowed'] = [];
  if (works && ARRIVABLE.includes(status) && !onSiteNow) allowed.push('check_in');
  if (works && ON_SITE.includes(status) && onSiteNow) allowed.push('check_out');
  if (works && status === 'on_site' && !signOff) allowed.push('edit_record', 'add_extra_task');
  if (works && status === 'on_site' && tasks.some((t) => t.status === 'open')) allowed.push('customer_sign_task');
  if (works && status === 'on_site' && !signOff && record && record.diagnosis.trim() && record.work_done.trim()) allowed.push('sign_off');
  if (works && reportRequired && !reportFiled) allowed.push('file_difficulty_report');
  if (works && status === 'on_site' && signOff) allowed.push('request_return');
  if (approves && status === 'return_requested') allowed.push('approve_return', 'decline_return');
  if (approves && COUNTERSIGNABLE.includes(status) && tasks.some((t) => t.status === 'customer_signed')) allowed.push('countersign');

  return {
    letterId: id,
    letterNumber: letterNumber(id),
    status,
    version: l.version,
    ticketId: l.ticket_id,
    ticketNumber: l.ticket_number,
    customerName: l.customer_name,
    checkIns: checkIns.map((c) => ({
      id: c.id,
      userId: c.user_id,
      userName: c.user_name,
      kind: c.kind as 'in' | 'out',
      at: c.at,
      lat: c.lat,
      lng: c.lng,
      accuracy: c.accuracy,
      confirmedWith: c.confirmed_with,
      note: c.note,
    })),
    firstArrivalAt: checkIns.find((c) => c.kind === 'in')?.at ?? null,
    onSiteNow,
    record: record
      ? {
          diagnosis: record.diagnosis,
          workDone: record.work_done,
          solved: bool(record.solved),
          restoredOriginal: Boolean(record.restored_original),
          unsolvedOn: record.unsolved_on,
          updatedAt: record.updated_at,
          updatedByName: record.updated_by_name,
          version: record.version,
        }
      : null,
    parts: parts.map((p) => ({
      id: p.id,
      part: p.part,
      quantity: p.quantity,
      installedProductId: p.installed_product_id,
      partReplacementId: p.part_replacement_id,
      createdAt: p.created_at,
      createdByName: p.created_by_name,
    })),
    expertConsults: consults.map((c) => ({
      id: c.id,
      expertUserId: c.expert_user_id,
      expertName: c.expert_name,
      question: c.question,
      answer: c.answer,
      createdAt: c.created_at,
      createdByName: c.created_by_name,
    })),
    photos: files.filter((f) => f.purpose !== 'record_pdf').map(toFile),
    difficultyReport: {
      required: reportRequired,
      dueOn: reportRequired ? (record?.unsolved_on ?? null) : null,
      text: record?.report_text ?? null,
      photoIds: parse<number[]>(record?.report_photo_ids ?? null) ?? [],
      filedAt: reportFiled,
      filedByName: record?.report_filed_by_name ?? null,
      onTime: reportFiled && record?.unsolved_on ? localDateOfIso(reportFiled) <= record.unsolved_on : null,
      missing: reportRequired && !reportFiled,
    },
    extraTasks: tasks.map((t) => ({
      id: t.id,
      description: t.description,
      estimateMinutes: t.estimate_minutes,
      status: t.status as 'open' | 'customer_signed' | 'countersigned',
      customerSignerName: t.signer_name,
      customerSignedAt: t.signed_at,
      customerSignatureUrl: t.customer_signature_id ? signatureUrl(t.customer_signature_id) : null,
      countersignedByName: t.countersigned_by_name,
      countersignedAt: t.countersigned_at,
      createdAt: t.created_at,
      createdByName: t.created_by_name,
      version: t.version,
    })),
    signOff: signOff
      ? {
          customerSigned,
          attitude: signOff.attitude as TGrade | null,
          skill: signOff.skill as TGrade | null,
          result: signOff.result as TGrade | null,
          comment: signOff.comment,
          signerName: signOff.signer_name,
          signatureUrl: signOff.signature_id ? signatureUrl(signOff.signature_id) : null,
          signatureSha256: signOff.signature_sha256,
          unsignedReason: signOff.unsigned_reason,
          recordedAt: signOff.recorded_at,
          recordedByName: signOff.recorded_by_name,
          ratingRecordedOnRequest: Boolean(signOff.rating_on_request),
        }
      : null,
    customerSigned,
    pdfUrl: pdfUrlOf(id),
    returnRequests: returns.map((r) => ({
      id: r.id,
      completionNote: r.completion_note,
      returnPlan: parse<{ date: string; transport: string; note?: string | null }>(r.return_plan) ?? { date: '', transport: '' },
      requestedAt: r.requested_at,
      requestedByName: r.requested_by_name,
      decision: r.decision as 'pending' | 'approved' | 'declined' | 'automatic',
      decidedAt: r.decided_at,
      decidedByName: r.decided_by_name,
      declineReason: r.decline_reason,
    })),
    allowed,
  };
}

/** FS-7: extra tasks are countersigned on return. */
export const COUNTERSIGNABLE: TLetterStatus[] = ['return_requested', 'returned', 'confirmed'];

/**
 * The signed-in engineer's visits: letters they are on that are approved or under way, with today's (company-local)
 * appointments and those still on site first, then upcoming ones.
 */
export async function myJobs(ctx: Ctx): Promise<{ items: TMyJob[] }> {
  const now = nowIso(ctx.clock);
  const today = localDateOfIso(now);
  const startOfToday = localMidnightIso(today);
  const rows = await letterDetailQuery(ctx.db)
    .select(['service_notices.contact_name as notice_contact_name', 'service_notices.contact_phone as notice_contact_phone'])
    .where((eb) => onLetter(eb, ctx.actor.id))
    .where((eb) =>
      eb.or([
        eb('responsibility_letters.status', 'in', ON_SITE),
        eb.and([
          eb('responsibility_letters.status', '=', 'approved'),
          eb.or([eb('responsibility_letters.appointment_at', '>=', startOfToday), eb('responsibility_letters.appointment_at', 'is', null)]),
        ]),
      ]),
    )
    .orderBy('responsibility_letters.appointment_at')
    .orderBy('responsibility_letters.id')
    .limit(200)
    .execute();
  const ids = rows.map((r) => r.id);
  const [checkIns, signOffs, ticketContacts] = await Promise.all([
    ids.length ? repo.checkInsOfUser(ctx.db, ids, ctx.actor.id) : [],
    ids.length ? repo.signOffsOfLetters(ctx.db, ids) : [],
    ids.length ? ticketContactsOfLetters(ctx.db, ids) : [],
  ]);
  const last = new Map<number, { kind: string; at: string }>();
  for (const c of checkIns) last.set(c.letter_id, c);
  const items = rows.map((r): TMyJob => {
    const contact = ticketContacts.find((c) => c.id === r.id);
    const lastCheckIn = last.get(r.id);
    const onSiteNow = lastCheckIn?.kind === 'in';
    return {
      letterId: r.id,
      letterNumber: letterNumber(r.id),
      status: r.status,
      title: r.title,
      ticketId: r.ticket_id,
      ticketNumber: r.ticket_number,
      customerName: r.customer_name,
      siteName: r.site_name,
      address: r.site_address ?? r.notice_site_address ?? r.customer_address,
      contactName: r.notice_contact_name ?? contact?.name ?? null,
      contactPhone: r.notice_contact_phone ?? contact?.phone ?? null,
      appointmentAt: r.appointment_at,
      estimatedMinutes: r.estimated_minutes,
      plannedSolution: r.planned_solution,
      kit: parse<TKitItem[]>(r.kit) ?? [],
      today: onSiteNow || r.status !== 'approved' || (r.appointment_at != null && localDateOfIso(r.appointment_at) === today),
      onSiteNow,
      lastCheckInAt: lastCheckIn?.at ?? null,
      customerSigned: Boolean(signOffs.find((s) => s.letter_id === r.id)?.signature_id),
      version: r.version,
    };
  });
  // Today's jobs first, each group in appointment order (the query's order).
  return { items: [...items.filter((j) => j.today), ...items.filter((j) => !j.today)] };
}

/**
 * FS-5: check-in on arrival and check-out, at the server's time with the browser's position when given. Only the
 * letter's engineers, only on an approved letter (FS-3: no trip without an approved plan). On arrival the engineer
 * confirms the service time with the customer (whom). The first arrival moves the letter approved → on_site and
 * meets the request's on-site SLA target (SLA-2).
 */
export async function checkIn(ctx: Ctx, id: number, body: TCheckInCreate): Promise<TVisit> {
  const arriving = body.kind === 'in';
  // FS-3: no trip (arrival) before the plan is approved; FS-5: leaving needs an arrival.
  const l = await letterForEngineer(ctx, id, arriving ? ARRIVABLE : ON_SITE, { action: 'FS-5', status: arriving ? 'FS-3' : 'FS-5' });
  const at = nowIso(ctx.clock);
  if (arriving && !body.confirmedWith) {
    throw new AppError('rule_violation', 'FS-5: on arrival, confirm the service time with the customer and say with whom', {
      ruleId: 'FS-5',
      details: [{ path: 'body.confirmedWith', message: 'required on arrival' }],
    });
  }
  await ctx.db.transaction().execute(async (db) => {
    const last = await repo.lastCheckInOf(db, id, ctx.actor.id);
    if (arriving && last?.kind === 'in') throw new AppError('conflict', `You checked in at ${last.at} and have not checked out`);
    if (!arriving && last?.kind !== 'in') throw new AppError('rule_violation', 'FS-5: check in before checking out', { ruleId: 'FS-5' });
    const row = {
      letter_id: id,
      user_id: ctx.actor.id,
      kind: body.kind,
      at,
      lat: body.lat ?? null,
      lng: body.lng ?? null,
      accuracy: body.accuracy ?? null,
      confirmed_with: arriving ? (body.confirmedWith ?? null) : null,
      note: body.note || null,
    };
    const { id: checkInId } = await repo.insertCheckIn(db, row);
    let arrivalOnRequest = false;
    if (arriving && l.status === 'approved') {
      await bumpLetter(db, id, l.version, ['approved'], { status: 'on_site' }, at);
      if (l.ticket_id != null) {
        arrivalOnRequest = await recordArrivalOnTicket(db, l.ticket_id, ctx.actor.id, at, letterNumber(id));
        await moveTicketForVisit(ctx, db, l.ticket_id, { kind: 'arrived' }, letterNumber(id));
      }
    }
    await recordAudit(db, ctx, {
      action: `visit.check_${body.kind}`,
      entity: 'responsibility_letter',
      entityId: id,
      before: { status: l.status },
      after: { checkInId, ...row, status: arriving && l.status === 'approved' ? 'on_site' : l.status, arrivalOnRequest },
    });
  });
  return getVisit(ctx, id);
}
