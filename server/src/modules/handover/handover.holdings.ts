import type { THoldingCounts, THoldingKind } from '@techserve/core';
import type { Db } from '../../http/context';
import { activeLettersOf } from '../field/letters.repository';
import { openProjectsManagedBy } from '../projects/projects.repository';
import { openTicketsAssignedTo } from '../tickets/tickets.repository';
import { regionsHeldBy } from '../users/users.repository';
import { propertyHeldBy } from './handover.repository';

/** One thing a person holds (HO-1), with the version its module needs to move it. */
export type Holding = { kind: THoldingKind; refId: number; label: string; detail: string | null; version: number; userId: number };

/**
 * HO-1 (set-based): everything these people hold now, read from the owning modules: open requests assigned to them,
 * responsibility letters in their hands, projects they manage, the regions they answer for (each with its customers),
 * and the company's property, loans and receivables documents they still hold.
 */
export async function holdingsOf(db: Db, userIds: number[]): Promise<Holding[]> {
  const [tickets, letters, projects, regions, property] = await Promise.all([
    openTicketsAssignedTo(db, userIds),
    activeLettersOf(db, userIds),
    openProjectsManagedBy(db, userIds),
    regionsHeldBy(db, userIds),
    propertyHeldBy(db, userIds),
  ]);
  return [
    ...tickets.map((t) => ({
      kind: 'ticket' as const,
      refId: t.id,
      label: `${t.number} ${t.title}`,
      detail: t.state,
      version: t.version,
      userId: t.assignee_id as number,
    })),
    ...letters.map((l) => ({
      kind: 'letter' as const,
      refId: l.id,
      label: l.title,
      detail: l.status,
      version: l.version,
      userId: l.user_id,
    })),
    ...projects.map((p) => ({
      kind: 'project' as const,
      refId: p.id,
      label: p.name,
      detail: p.status,
      version: p.version,
      userId: p.manager_id as number,
    })),
    ...regions.map((r) => ({
      kind: 'region' as const,
      refId: r.id,
      label: r.name,
      detail: `customers:${Number(r.customers ?? 0)}`,
      version: 0,
      userId: r.user_id,
    })),
    ...property.map((p) => ({
      kind: p.kind as THoldingKind,
      refId: p.id,
      label: p.reference ? `${p.description}（${p.reference}）` : p.description,
      detail: p.amount_fen != null ? `fen:${p.amount_fen}` : null,
      version: p.version,
      userId: p.holder_id,
    })),
  ];
}

export function countsOf(items: readonly { kind: THoldingKind }[]): THoldingCounts {
  const counts: THoldingCounts = {};
  for (const i of items) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
  return counts;
}
