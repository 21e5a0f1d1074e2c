import {
  type TSearchGroup,
  type TSearchHit,
  type TSearchQuery,
  type TSearchResult,
  type TTicketSummary,
  letterNumber,
  searchProbe,
} from '@techserve/core';
import { type Ctx, can } from '../../http/context';
import { listTickets } from '../tickets/tickets.service';
import * as repo from './search.repository';

/** Requests: numbers by prefix, titles and text through the tickets list's full-text index, contacts by name or phone. */
async function ticketHits(ctx: Ctx, p: ReturnType<typeof searchProbe>, limit: number): Promise<TSearchHit[]> {
  const [byNumber, byText, byContact] = await Promise.all([
    repo.ticketsByNumber(ctx.db, ctx.dialect, ctx.actor, p.upper, limit),
    // The tickets module's own list (its scope, its FTS5 / tsvector index): titles, descriptions, replies.
    listTickets(ctx, { q: p.text, limit }).then((page) => page.items),
    repo.ticketsByContact(ctx.db, ctx.dialect, ctx.actor, p, limit),
  ]);
  const hits = new Map<number, TSearchHit>();
  const add = (id: number, number: string, title: string, customer: string) => {
    if (!hits.has(id)) hits.set(id, { id, label: `${number} ${title}`, detail: customer });
  };
  for (const r of byNumber) add(r.id, r.number, r.title, r.customer_name);
  for (const r of byText as TTicketSummary[]) add(r.id, r.number, r.title, r.customerName);
  for (const r of byContact) add(r.id, r.number, r.title, r.customer_name);
  return [...hits.values()].slice(0, limit);
}

/**
 * Issue 12 item 8 (SEC-1, ORG-2): one text searched in every kind of row the user may read — a group only with its
 * read permission, each row only inside the user's data scope (the modules' own scope filters), so a search never
 * shows what the user could not open.
 */
export async function search(ctx: Ctx, query: TSearchQuery): Promise<TSearchResult> {
  const q = query.q.trim();
  const limit = query.limit;
  const p = searchProbe(q);
  const a = ctx.actor;
  const groups: TSearchGroup[] = [];
  const tickets = can(a, 'tickets.read') ? await ticketHits(ctx, p, limit) : [];
  if (can(a, 'tickets.read')) groups.push({ kind: 'tickets', items: tickets });
  if (can(a, 'customers.read')) {
    const rows = await repo.customersByName(ctx.db, ctx.dialect, a, p.text, limit);
    groups.push({ kind: 'customers', items: rows.map((r) => ({ id: r.id, label: r.name, detail: r.code })) });
  }
  if (can(a, 'field.read')) {
    const rows = await repo.lettersByIdOrTicket(ctx.db, a, { letterId: p.letterId, ticketIds: tickets.map((t) => t.id) }, limit);
    groups.push({
      kind: 'letters',
      items: rows.map((r) => ({ id: r.id, label: `${letterNumber(r.id)} ${r.title}`, detail: r.customer_name })),
    });
  }
  if (can(a, 'users.read')) {
    const rows = await repo.usersByName(ctx.db, ctx.dialect, a, p, limit);
    groups.push({ kind: 'users', items: rows.map((r) => ({ id: r.id, label: r.name, detail: r.username })) });
  }
  return { q, groups };
}
