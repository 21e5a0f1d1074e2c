import { type TCustomerMessageKey, customerMessage, localText, visitMail } from '@techserve/core';
import type { Db } from '../../http/context';
import { queueMail } from '../../mail/outbox.repository';
import { notify } from '../notifications/notifications.service';
import { activePortalUserIds } from '../tickets/tickets.repository';
import { letterContact } from './visits.repository';

type LetterRef = { id: number; ticket_id: number | null; customer_id: number; notice_id: number | null };
type VisitNews =
  { key: Extract<TCustomerMessageKey, 'appointmentAgreed'>; appointmentAt: string; timeZone: string } | { key: 'serviceCompleted' };

/**
 * FS-5b: the customer's confirmation — when the on-site appointment is agreed and when the service is completed.
 * Portal users of the customer hear in the app (and by e-mail); a customer without a portal account hears by e-mail
 * to the contact. `contactMail: false` when another e-mail to the contact already carries the news (the sign-off's
 * service record). Texts by key from core (customerMessages), in the customer's words.
 */
export async function confirmToCustomer(db: Db, at: string, letter: LetterRef, news: VisitNews, contactMail = true) {
  const params: Record<string, string> =
    news.key === 'appointmentAgreed' ? { time: localText(Date.parse(news.appointmentAt), news.timeZone) } : {};
  const ids = await activePortalUserIds(db, letter.customer_id);
  if (ids.length > 0) {
    await notify(db, at, {
      userIds: ids,
      kind: 'visit_confirmation',
      message: `visit.${news.key}`,
      params,
      link: letter.ticket_id == null ? null : `/tickets/${letter.ticket_id}`,
      ticketId: letter.ticket_id ?? undefined,
    });
    return;
  }
  if (!contactMail) return;
  const contact = await letterContact(db, letter);
  const to = contact?.email?.trim();
  if (!contact || !to) return;
  const mail = visitMail(contact.name, customerMessage(news.key, params));
  await queueMail(db, [
    {
      to_address: to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: null,
      created_at: at,
      send_after: at,
    },
  ]);
}
