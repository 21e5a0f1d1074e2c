import type { Actor, Db } from '../../http/context';
import { containsText } from '../../http/like';
import { ticketScope } from '../tickets/tickets.repository';

/** FS-3: the letters a traveller is one of the engineers of (a trip may serve only those), newest first. */
export const lettersOfEngineer = (db: Db, userId: number, limit: number) =>
  db
    .selectFrom('responsibility_letters')
    .innerJoin('letter_engineers', 'letter_engineers.letter_id', 'responsibility_letters.id')
    .select(['responsibility_letters.id', 'responsibility_letters.title'])
    .where('letter_engineers.user_id', '=', userId)
    .orderBy('responsibility_letters.id', 'desc')
    .limit(limit)
    .execute();

/** FS-3: one letter by id, when the traveller is one of its engineers. */
export const letterOfEngineer = (db: Db, userId: number, letterId: number) =>
  db
    .selectFrom('responsibility_letters')
    .innerJoin('letter_engineers', 'letter_engineers.letter_id', 'responsibility_letters.id')
    .select(['responsibility_letters.id', 'responsibility_letters.title', 'responsibility_letters.ticket_id'])
    .where('letter_engineers.user_id', '=', userId)
    .where('responsibility_letters.id', '=', letterId)
    .executeTakeFirst();

/** The service requests in the actor's scope whose number or title contains the text, newest first. */
export const ticketsMatching = (db: Db, actor: Actor, text: string, limit: number) =>
  db
    .selectFrom('tickets')
    .select(['tickets.id', 'tickets.number', 'tickets.title'])
    .where((eb) => eb.and([ticketScope(eb, actor), eb.or([containsText('tickets.number', text), containsText('tickets.title', text)])]))
    .orderBy('tickets.id', 'desc')
    .limit(limit)
    .execute();

/** One service request in the actor's scope by its number (case-insensitive). */
export const ticketByNumber = (db: Db, actor: Actor, number: string) =>
  db
    .selectFrom('tickets')
    .select(['tickets.id', 'tickets.number', 'tickets.title'])
    .where((eb) => eb.and([ticketScope(eb, actor), eb(eb.fn('upper', ['tickets.number']), '=', number.toUpperCase())]))
    .executeTakeFirst();
