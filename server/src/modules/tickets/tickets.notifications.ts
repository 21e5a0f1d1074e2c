import { type TCustomerMessageKey, type TReasonParams, customerMessage } from '@techserve/core';
import type { Db } from '../../http/context';
import { queueMail } from '../../mail/outbox.repository';
import { notificationMail, notify } from '../notifications/notifications.service';
import * as repo from './tickets.repository';

// What the people around a service request are told (SR-4..12), in one place.

type TicketRef = { id: number; number: string };

const excerpt = (s: string) => s.slice(0, 500);

type CustomerTicket = TicketRef & { customer_id: number; contact_id: number | null; title: string };

/**
 * SR-8: tell the customer of a public change — its portal users (every active contact account of the company) in
 * the app and by e-mail; a customer without a portal account hears by e-mail to the request's contact. The texts
 * come by key from core (customerMessages), in the customer's words: no rule ids. `reply` is a public reply's text,
 * quoted in the e-mail (the contact cannot read the timeline without an account).
 */
export async function tellCustomer(
  db: Db,
  at: string,
  t: CustomerTicket,
  key: TCustomerMessageKey,
  params: TReasonParams = {},
  reply = '',
) {
  const news = customerMessage(key, params);
  const ids = await repo.activePortalUserIds(db, t.customer_id);
  if (ids.length > 0) {
    await notify(db, at, {
      userIds: ids,
      kind: 'ticket_update',
      title: { zh: `${t.number} ${news.zh}`, en: `${t.number}: ${news.en}` },
      body: news,
      link: `/tickets/${t.id}`,
      ticketId: t.id,
    });
    return;
  }
  const contact = t.contact_id ? await repo.contactOf(db, t.contact_id) : undefined;
  const to = contact?.email?.trim();
  if (!contact || !to) return;
  const common = { number: t.number, title: t.title, name: contact.name, reply: excerpt(reply) };
  const inBoth = (k: TCustomerMessageKey) => ({
    zh: customerMessage(k, { ...common, news: news.zh }).zh,
    en: customerMessage(k, { ...common, news: news.en }).en,
  });
  const mail = notificationMail({ title: inBoth('mailSubject'), body: inBoth('mailBody'), link: null });
  await queueMail(db, [{ to_address: to, subject: mail.subject, text_body: mail.text, html_body: null, created_at: at, send_after: at }]);
}

/** SR-4: the assignee hears of a new request at once. */
export async function tellAssignee(db: Db, at: string, ticketId: number, number: string, title: string, userId: number) {
  await notify(db, at, {
    userIds: [userId],
    kind: 'ticket_assigned',
    title: { zh: `新的服务请求 ${number}`, en: `New service request ${number}` },
    body: { zh: title, en: title },
    link: `/tickets/${ticketId}`,
    ticketId,
  });
}

/** SR-9: the customer sent the request back. */
export async function tellReopened(db: Db, at: string, t: TicketRef, assigneeId: number, reason: string) {
  await notify(db, at, {
    userIds: [assigneeId],
    kind: 'ticket_reopened',
    title: { zh: `${t.number} 被客户退回`, en: `${t.number} reopened by the customer` },
    body: { zh: reason, en: reason },
    link: `/tickets/${t.id}`,
    ticketId: t.id,
  });
}

/** SR-8: the customer replied. */
export async function tellCustomerReplied(db: Db, at: string, t: TicketRef, assigneeId: number, text: string) {
  await notify(db, at, {
    userIds: [assigneeId],
    kind: 'ticket_customer_reply',
    title: { zh: `${t.number} 客户回复`, en: `${t.number}: the customer replied` },
    body: { zh: excerpt(text), en: excerpt(text) },
    link: `/tickets/${t.id}`,
    ticketId: t.id,
  });
}

const ESCALATION_TEXT = {
  l2: { zh: '升级到二线', en: 'escalated to tier 2' },
  expert: { zh: '咨询产品专家', en: 'product expert consulted' },
  rnd: { zh: '提交研发', en: 'raised to R&D' },
} as const;

/** SR-6: the receiver of a hop. */
export async function tellEscalated(
  db: Db,
  at: string,
  t: TicketRef,
  kind: 'l2' | 'expert' | 'rnd',
  toUserId: number,
  description: string,
) {
  const k = ESCALATION_TEXT[kind];
  await notify(db, at, {
    userIds: [toUserId],
    kind: `ticket_escalation_${kind}`,
    title: { zh: `${t.number} ${k.zh}`, en: `${t.number}: ${k.en}` },
    body: { zh: excerpt(description), en: excerpt(description) },
    link: `/tickets/${t.id}`,
    ticketId: t.id,
  });
}

/** SR-6: the one who escalated (and the assignee) hear the solution fed back. */
export async function tellEscalationAnswered(db: Db, at: string, t: TicketRef, userIds: number[], answer: string) {
  if (userIds.length === 0) return;
  await notify(db, at, {
    userIds,
    kind: 'ticket_escalation_answer',
    title: { zh: `${t.number} 已反馈解决方案`, en: `${t.number}: solution fed back` },
    body: { zh: excerpt(answer), en: excerpt(answer) },
    link: `/tickets/${t.id}`,
    ticketId: t.id,
  });
}

/** SR-5: the supervisors hear that a customer cannot wait, to re-allocate. */
export async function tellCannotWait(db: Db, at: string, t: TicketRef & { title: string }, userIds: number[], reason: string) {
  await notify(db, at, {
    userIds,
    kind: 'ticket_cannot_wait',
    title: { zh: `${t.number} 客户无法等待，请重新调配`, en: `${t.number}: the customer cannot wait — re-allocate` },
    body: { zh: `${t.title}\n${excerpt(reason)}`, en: `${t.title}\n${excerpt(reason)}` },
    link: `/tickets/${t.id}`,
    ticketId: t.id,
  });
}

/** SR-12: the assignee hears the GM's decision on a change. */
export async function tellChangeDecided(db: Db, at: string, t: TicketRef, assigneeId: number, approved: boolean, comment: string) {
  await notify(db, at, {
    userIds: [assigneeId],
    kind: 'ticket_change_decision',
    title: {
      zh: `${t.number} 变更${approved ? '已批准' : '被驳回'}`,
      en: `${t.number}: change ${approved ? 'approved' : 'rejected'}`,
    },
    body: { zh: comment, en: comment },
    link: `/tickets/${t.id}`,
    ticketId: t.id,
  });
}
