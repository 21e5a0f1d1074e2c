import { type TTravelLink, letterNumber } from '@techserve/core';
import type { Ctx } from '../../http/context';
import { refuse } from '../../http/errors';
import * as repo from './links.repository';

const MAX_LINKS = 10;
/** How many of the traveller's own letters are searched by number or title (the newest ones). */
const LETTERS_SEARCHED = 500;

/** FS-2: a letter's number as typed: ZR-000042 or zr-42. */
const LETTER_NUMBER = /^ZR-?0*(\d{1,9})$/i;

const letterLink = (l: { id: number; title: string }): TTravelLink => ({
  kind: 'letter',
  id: l.id,
  number: letterNumber(l.id),
  title: l.title,
});
const ticketLink = (t: { id: number; number: string; title: string }): TTravelLink => ({
  kind: 'ticket',
  id: t.id,
  number: t.number,
  title: t.title,
});

/**
 * FS-3: the letters (the traveller is one of their engineers) and service requests (in the traveller's scope) whose
 * number or title contains the typed text — the trip form's type-ahead. Nothing outside what the user may see.
 */
export async function searchLinks(ctx: Ctx, q: string): Promise<{ items: TTravelLink[] }> {
  const text = q.trim();
  const upper = text.toUpperCase();
  const letters = (await repo.lettersOfEngineer(ctx.db, ctx.actor.id, LETTERS_SEARCHED))
    .filter((l) => letterNumber(l.id).includes(upper) || l.title.includes(text))
    .slice(0, MAX_LINKS)
    .map(letterLink);
  const tickets = (await repo.ticketsMatching(ctx.db, ctx.actor, text, MAX_LINKS)).map(ticketLink);
  return { items: [...letters, ...tickets].slice(0, MAX_LINKS) };
}

/** FS-3: one letter or request by the exact number a user sees; an unknown one (or one out of scope) is 404 with its reason. */
export async function linkByNumber(ctx: Ctx, number: string): Promise<TTravelLink> {
  const text = number.trim();
  const letterId = LETTER_NUMBER.exec(text)?.[1];
  if (letterId) {
    const letter = await repo.letterOfEngineer(ctx.db, ctx.actor.id, Number(letterId));
    if (letter) return letterLink(letter);
  } else {
    const ticket = await repo.ticketByNumber(ctx.db, ctx.actor, text);
    if (ticket) return ticketLink(ticket);
  }
  throw refuse('not_found', 'travel.linkUnknown', { number: text });
}
