import type { TLedgerQuery, TLetter, TLetterBook, TVersionBody } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError } from '../../http/errors';
import { pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { cursorId } from '../../http/pagination';
import { addDays, localRange } from './field.dates';
import { engineersOfLetters, latestRating, ledgerRows, salesAdmins, uncountersignedTasks } from './letters.repository';
import { bumpLetter, getLetter, letterForWrite, letterNumber, parse } from './letters.service';

// FS-10 after the trip: the supervisor confirms the letter, sales admin books it in the service ledger.

/** FS-10: after the trip the supervisor confirms the letter and hands it to sales admin. */
export async function confirmLetter(ctx: Ctx, id: number, body: TVersionBody): Promise<TLetter> {
  const l = await letterForWrite(ctx, id, body.version, ['returned']);
  // FS-7: the company countersigns the extra tasks on return; the letter is confirmed only after that.
  const pending = await uncountersignedTasks(ctx.db, id);
  if (pending.length > 0) {
    throw new AppError(
      'rule_violation',
      `FS-7: countersign the ${pending.length} extra task(s) found on site before confirming the letter`,
      {
        ruleId: 'FS-7',
        details: pending.map((t) => ({
          path: `extraTasks.${t.id}`,
          message: t.status === 'open' ? 'not signed by the customer nor countersigned' : 'not countersigned',
        })),
      },
    );
  }
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await bumpLetter(db, id, l.version, ['returned'], { status: 'confirmed', confirmed_by: ctx.actor.id, confirmed_at: at }, at);
    await recordAudit(db, ctx, {
      action: 'letter.confirm',
      entity: 'responsibility_letter',
      entityId: id,
      before: { status: l.status },
      after: { status: 'confirmed' },
    });
    const ledger = await salesAdmins(db);
    await notify(db, at, {
      userIds: ledger.map((u) => u.id),
      kind: 'letter_to_book',
      message: 'letter.toBook',
      params: { number: letterNumber(id), title: l.title },
      link: `/field/letters/${id}`,
      email: false,
    });
  });
  return getLetter(ctx, id);
}

/** FS-10: the customer's latest evaluation of the letter's request (FS-8 rating). */
async function evaluationOf(db: Db, ticketId: number | null) {
  if (ticketId == null) return null;
  const r = await latestRating(db, ticketId);
  return r ? { attitude: r.attitude, skill: r.skill, result: r.result, comment: r.comment, ratedAt: r.created_at } : null;
}

/** FS-10: sales admin books the confirmed letter in the ledger with the customer's evaluation. */
export async function bookLetter(ctx: Ctx, id: number, body: TLetterBook): Promise<TLetter> {
  const l = await letterForWrite(ctx, id, body.version, ['confirmed']);
  const evaluation = await evaluationOf(ctx.db, l.ticket_id);
  const at = nowIso(ctx.clock);
  const set = {
    status: 'booked',
    booked_by: ctx.actor.id,
    booked_at: at,
    ledger_note: body.note || null,
    evaluation: evaluation && JSON.stringify(evaluation),
  };
  await ctx.db.transaction().execute(async (db) => {
    await bumpLetter(db, id, l.version, ['confirmed'], set, at);
    await recordAudit(db, ctx, {
      action: 'letter.book',
      entity: 'responsibility_letter',
      entityId: id,
      before: { status: l.status },
      after: { ...set, evaluation },
    });
  });
  return getLetter(ctx, id);
}

/** FS-10: the service ledger: booked letters by booking month (company time) and customer. */
export async function listLedger(ctx: Ctx, q: TLedgerQuery) {
  const after = cursorId(q.cursor);
  const range = q.month ? localRange(`${q.month}-01`, addDays(`${nextMonth(q.month)}-01`, -1)) : {};
  const rows = await ledgerRows(ctx.db, ctx.actor, { ...range, customerId: q.customerId, after, limit: q.limit });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  const engineers = await engineersOfLetters(
    ctx.db,
    items.map((r) => r.id),
  );
  return {
    items: items.map((r) => ({
      letterId: r.id,
      number: letterNumber(r.id),
      customerId: r.customer_id,
      customerName: r.customer_name,
      ticketNumber: r.ticket_number,
      title: r.title,
      engineers: (engineers.get(r.id) ?? []).map((e) => e.name),
      appointmentAt: r.appointment_at,
      confirmedAt: r.confirmed_at,
      bookedAt: r.booked_at as string,
      bookedByName: r.booked_by_name,
      evaluation: parse<TLetter['evaluation']>(r.evaluation),
      note: r.ledger_note,
    })),
    nextCursor,
  };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
