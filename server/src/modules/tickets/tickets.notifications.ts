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
  const ids = await repo.activePortalUserIds(db, t.customer_id);
  if (ids.length > 0) {
    await notify(db, at, {
      userIds: ids,
      kind: 'ticket_update',
      message: `customer.${key as Exclude<TCustomerMessageKey, 'mailSubject' | 'mailBody'>}`,
      params: { ...params, number: t.number },
      link: `/tickets/${t.id}`,
      ticketId: t.id,
    });
    return;
  }
  const news = customerMessage(key, params);
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
    message: 'ticket.assigned',
    params: { number, title },
    link: `/tickets/${ticketId}`,
    ticketId,
  });
}

/** SR-9: the customer sent the request back. */
export async function tellReopened(db: Db, at: string, t: TicketRef, assigneeId: number, reason: string) {
  await notify(db, at, {
    userIds: [assigneeId],
    kind: 'ticket_reopened',
    message: 'ticket.reopened',
    params: { number: t.number, reason },
    link: `/tickets/${t.id}`,
    ticketId: t.id,
  });
}

/** SR-8: the customer replied. */
export async function tellCustomerReplied(db: Db, at: string, t: TicketRef, assigneeId: number, text: string) {
  await notify(db, at, {
    userIds: [assigneeId],
    kind: 'ticket_customer_reply',
    message: 'ticket.customerReplied',
    params: { number: t.number, text: excerpt(text) },
    link: `/tickets/${t.id}`,
    ticketId: t.id,
  });
}

const ESCALATION_MESSAGE = { l2: 'ticket.escalatedL2', expert: 'ticket.escalatedExpert', rnd: 'ticket.escalatedRnd' } as const;

/** SR-6: the receiver of a hop. */
export async function tellEscalated(
  db: Db,
  at: string,
  t: TicketRef,
  kind: 'l2' | 'expert' | 'rnd',
  toUserId: number,
  description: string,
) {
  await notify(db, at, {
    userIds: [toUserId],
    kind: `ticket_escalation_${kind}`,
    message: ESCALATION_MESSAGE[kind],
    params: { number: t.number, description: excerpt(description) },
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
    message: 'ticket.escalationAnswered',
    params: { number: t.number, answer: excerpt(answer) },
    link: `/tickets/${t.id}`,
    ticketId: t.id,
  });
}

/** SR-5: the supervisors hear that a customer cannot wait, to re-allocate. */
export async function tellCannotWait(db: Db, at: string, t: TicketRef & { title: string }, userIds: number[], reason: string) {
  await notify(db, at, {
    userIds,
    kind: 'ticket_cannot_wait',
    message: 'ticket.cannotWait',
    params: { number: t.number, title: t.title, reason: excerpt(reason) },
    link: `/tickets/${t.id}`,
    ticketId: t.id,
  });
}

/** SR-12: the assignee hears the GM's decision on a change. */
export async function tellChangeDecided(db: Db, at: string, t: TicketRef, assigneeId: number, approved: boolean, comment: string) {
  await notify(db, at, {
    userIds: [assigneeId],
    kind: 'ticket_change_decision',
    message: approved ? 'ticket.changeApproved' : 'ticket.changeRejected',
    params: { number: t.number, comment },
    link: `/tickets/${t.id}`,
    ticketId: t.id,
  });
}
