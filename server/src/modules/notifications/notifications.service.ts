import {
  type TMessageKind,
  type TNotification,
  type TNotificationListQuery,
  type TReadAllResult,
  type TReasonParams,
  type TUnreadCount,
  isMessageKind,
  messageTexts,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { notFound } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { type OutboxInsert, queueMail } from '../../mail/outbox.repository';
import * as repo from './notifications.repository';

/**
 * What to tell whom: `message` is a kind of core's message catalogue (core/src/messages) and `params` fill its
 * templates; the notification keeps both and is rendered in the reader's language when listed (issue 13).
 * `kind` is the notification's category as before (what the web and the tests filter on).
 */
export type NotifyInput = {
  userIds: number[];
  kind: string;
  link?: string | null;
  ticketId?: number | null;
  email?: boolean;
  message: TMessageKind;
  params?: TReasonParams;
};

type Bilingual = { zh: string; en: string };

/** Subject and plain-text body of a notification e-mail, Chinese first, then English. */
export function notificationMail(input: { title: Bilingual; body: Bilingual; link?: string | null }): { subject: string; text: string } {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim(); // no header injection through a title
  const [zh, en] = [oneLine(input.title.zh), oneLine(input.title.en)];
  const subject = zh === en ? zh : `${zh} / ${en}`;
  const part = (title: string, body: string, open: string) =>
    [title, '', body, ...(input.link ? ['', `${open}: ${input.link}`] : [])].join('\n');
  const text = [
    part(input.title.zh, input.body.zh, '在系统中打开'),
    '',
    '————————',
    '',
    part(input.title.en, input.body.en, 'Open in TechServe'),
    '',
    '--',
    '技术服务管理系统自动发送，请勿回复。 / Sent by TechServe; please do not reply.',
  ].join('\n');
  return { subject, text };
}

/**
 * Inserts one in-app notification per distinct user and, when email !== false, queues one e-mail per user with
 * an e-mail address (bilingual subject/body, zh first). Disabled users get nothing. Runs inside the caller's
 * transaction (db may be a Transaction), so nothing is notified for a change that rolls back.
 */
export async function notify(db: Db, now: string, input: NotifyInput): Promise<void> {
  const ids = [...new Set(input.userIds)].filter((id) => Number.isInteger(id) && id > 0);
  const users = await repo.activeUsers(db, ids);
  const texts = messageTexts(input.message, input.params);
  await repo.insertNotifications(
    db,
    users.map((u) => ({
      user_id: u.id,
      kind: input.kind,
      title_zh: texts.title.zh,
      title_en: texts.title.en,
      body_zh: texts.body.zh,
      body_en: texts.body.en,
      message: input.message,
      params: JSON.stringify(input.params ?? {}),
      link: input.link ?? null,
      ticket_id: input.ticketId ?? null,
      created_at: now,
    })),
  );
  if (input.email === false) return;
  const mail = notificationMail({ ...texts, link: input.link });
  const rows: OutboxInsert[] = users
    .filter((u) => u.email?.trim())
    .map((u) => ({
      to_address: (u.email as string).trim(),
      subject: mail.subject,
      text_body: mail.text,
      html_body: null,
      created_at: now,
      send_after: now,
    }));
  await queueMail(db, rows);
}

/** The params a row keeps, or undefined when they are missing or unreadable (then the stored texts are shown). */
function storedParams(json: string | null): TReasonParams | undefined {
  if (json == null) return undefined;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as TReasonParams) : undefined;
  } catch {
    return undefined;
  }
}

/** A row's texts: rendered from the catalogue by its message kind, or as stored (rows from before issue 13). */
function textsOf(r: repo.NotificationRow): { title: Bilingual; body: Bilingual } {
  const params = storedParams(r.params);
  if (r.message && isMessageKind(r.message) && params) return messageTexts(r.message, params);
  return { title: { zh: r.title_zh, en: r.title_en }, body: { zh: r.body_zh, en: r.body_en } };
}

const toNotification = (r: repo.NotificationRow): TNotification => ({
  id: r.id,
  kind: r.kind,
  ...textsOf(r),
  link: r.link,
  ticketId: r.ticket_id,
  readAt: r.read_at,
  createdAt: r.created_at,
});

/** The caller's own notifications, newest first. */
export async function listNotifications(
  ctx: Ctx,
  q: TNotificationListQuery,
): Promise<{ items: TNotification[]; nextCursor: string | null }> {
  const after = decodeCursor(q.cursor, 1);
  const rows = await repo.listForUser(ctx.db, ctx.actor.id, {
    unread: q.unread === 'true',
    limit: q.limit + 1,
    beforeId: after ? Number(after[0]) : null,
  });
  const page = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: page.items.map(toNotification), nextCursor: page.nextCursor };
}

export async function unreadCount(ctx: Ctx): Promise<TUnreadCount> {
  return { count: await repo.countUnread(ctx.db, ctx.actor.id) };
}

/** Marks one of the caller's notifications read (again is harmless); someone else's is 404, like a missing one. */
export async function markNotificationRead(ctx: Ctx, id: number): Promise<TNotification> {
  await repo.markRead(ctx.db, ctx.actor.id, nowIso(ctx.clock), id);
  const row = await repo.findOwn(ctx.db, ctx.actor.id, id);
  if (!row) throw notFound('Notification');
  return toNotification(row);
}

export async function markAllNotificationsRead(ctx: Ctx): Promise<TReadAllResult> {
  return { updated: await repo.markRead(ctx.db, ctx.actor.id, nowIso(ctx.clock)) };
}
