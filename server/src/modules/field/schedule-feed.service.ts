import { createHash, randomBytes } from 'node:crypto';
import type { TLetterStatus } from '@techserve/core';
import ical from 'ical-generator';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { notFound } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { endOf } from './field.dates';
import { letterNumber } from './letters.service';
import * as repo from './schedule-feed.repository';

// A personal iCalendar feed of the user's letter appointments. The secret token is shown once; only its sha256 is
// stored, so a leaked database does not leak feeds. Rotating replaces the token (the old URL stops working).

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const FEED_STATUSES: TLetterStatus[] = ['draft', 'submitted', 'approved', 'on_site', 'return_requested', 'returned', 'confirmed', 'booked'];
export const feedPath = (token: string) => `/api/v1/field/schedule/${token}.ics`;

export async function feedInfo(ctx: Ctx) {
  const row = await repo.feedTokenOf(ctx.db, ctx.actor.id);
  return { active: Boolean(row), createdAt: row?.created_at ?? null };
}

export async function rotateFeed(ctx: Ctx) {
  const token = randomBytes(24).toString('base64url');
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await repo.deleteFeedToken(db, ctx.actor.id);
    await repo.insertFeedToken(db, { user_id: ctx.actor.id, token_hash: hashOf(token), created_at: at });
    await recordAudit(db, ctx, { action: 'schedule_feed.rotate', entity: 'user', entityId: ctx.actor.id });
  });
  return { token, path: feedPath(token) };
}

export async function revokeFeed(ctx: Ctx) {
  await ctx.db.transaction().execute(async (db) => {
    await repo.deleteFeedToken(db, ctx.actor.id);
    await recordAudit(db, ctx, { action: 'schedule_feed.revoke', entity: 'user', entityId: ctx.actor.id });
  });
}

/** The feed of a token ('<token>.ics' or '<token>'): one VEVENT per appointment of the user's letters; 404 for an unknown token. */
export async function feedCalendar(db: Db, file: string): Promise<string> {
  const token = file.endsWith('.ics') ? file.slice(0, -4) : file;
  const owner = await repo.feedOwner(db, hashOf(token));
  if (!owner || owner.status !== 'active') throw notFound('Schedule feed');
  const letters = await repo.feedLetters(db, owner.id, FEED_STATUSES);
  const cal = ical({ name: `TechServe · ${owner.name}`, prodId: { company: 'TechServe', product: 'field-schedule', language: 'ZH' } });
  for (const l of letters) {
    const start = l.appointment_at as string;
    cal.createEvent({
      id: `letter-${l.id}@techserve`,
      start: new Date(start),
      end: new Date(endOf(start, l.estimated_minutes)),
      stamp: new Date(l.updated_at),
      // The letter's version grows with every change (a re-booked appointment, FS-5): calendars replace the event.
      sequence: l.version,
      summary: `${l.customer_name} ${l.ticket_number ?? letterNumber(l.id)}`,
      location: [l.site_name, l.site_address ?? l.notice_address ?? l.customer_address].filter(Boolean).join(' ') || null,
      description: `${letterNumber(l.id)} · ${l.title}`,
    });
  }
  return cal.toString();
}
