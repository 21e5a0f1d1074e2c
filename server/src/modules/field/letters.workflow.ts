import {
  type TKitItem,
  type TKitPacking,
  type TLetter,
  type TLetterFill,
  type TLetterReject,
  type TLetterReschedule,
  type TSiteClarification,
  type TTravelPlan,
  type TVersionBody,
  letterNumber,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { AppError, type ErrorDetail, forbidden, invalidValue, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { departmentHeads } from '../org/org.repository';
import { isOnLetter, letterFor } from './field.access.repository';
import { localDateOfIso } from './field.dates';
import { PACKABLE, checkKit } from './letters.kit';
import { confirmToCustomer } from './visits.customer';
import { fieldWorkers, insertAppointmentChange, letterDetailQuery, letterEngineerRows, moveLetterEngineer } from './letters.repository';
import { RESCHEDULABLE, bumpLetter, clarifierOf, getLetter, letterForWrite, parse, tellEngineers } from './letters.service';

// FS-2/FS-4/FS-5/FS-10: a letter's plan filled in, its kit packed, the site clarified, submitted, approved or
// rejected, and its appointment re-booked.

/** FS-2: the letter's own engineers fill it in; dispatchers (field.dispatch) may too. */
async function assertWorksOn(ctx: Ctx, letterId: number) {
  if (can(ctx.actor, 'field.dispatch')) return;
  if (!(await isOnLetter(ctx.db, letterId, ctx.actor.id))) throw forbidden('Only the letter’s engineers or a dispatcher may do this');
}

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
          message: 'letter.siteMismatch',
          params: { number: letterNumber(id), content },
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
    await bumpLetter(db, id, l.version, [l.status], { site_mismatch: 0, site_clarification: JSON.stringify(clarification) }, at);
    await recordAudit(db, ctx, { action: 'letter.clarify', entity: 'responsibility_letter', entityId: id, after: clarification });
    await tellEngineers(db, at, id, 'letter_site_clarified', 'letter.siteClarified', { note: body.note });
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
  const engineers = await letterEngineerRows(db, l.id);
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
      message: 'letter.toApprove',
      params: { number: letterNumber(id), title: l.title },
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
    await tellEngineers(db, at, id, 'letter_approved', 'letter.approved');
    // FS-5b: the approved plan fixes the appointment: the customer gets its confirmation.
    if (l.appointment_at)
      await confirmToCustomer(db, at, l, { key: 'appointmentAgreed', appointmentAt: l.appointment_at, timeZone: ctx.timeZone });
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
    await tellEngineers(db, at, id, 'letter_rejected', 'letter.rejected', { reason: body.reason });
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
    await insertAppointmentChange(db, {
      letter_id: id,
      from_at: l.appointment_at,
      to_at: toAt,
      called_at: calledAt,
      called_whom: body.calledWhom,
      reason: body.reason,
      changed_by: ctx.actor.id,
      created_at: at,
    });
    let removed: number[] = [];
    if (body.reassign && body.reassign.fromUserId !== body.reassign.toUserId) {
      const { fromUserId, toUserId } = body.reassign;
      await moveLetterEngineer(db, id, fromUserId, toUserId);
      removed = [fromUserId];
    }
    await recordAudit(db, ctx, {
      action: 'letter.reschedule',
      entity: 'responsibility_letter',
      entityId: id,
      before: { appointmentAt: l.appointment_at, estimatedMinutes: l.estimated_minutes },
      after: { ...body, appointmentAt: toAt },
    });
    await tellEngineers(db, at, id, 'letter_rebooked', 'letter.rebooked', { when: toAt, reason: body.reason }, removed);
    // FS-5b: an agreed (approved) appointment re-booked with the customer is confirmed again; before approval the
    // approval confirms it.
    if (l.status === 'approved')
      await confirmToCustomer(db, at, l, { key: 'appointmentAgreed', appointmentAt: toAt, timeZone: ctx.timeZone });
  });
  return getLetter(ctx, id);
}
