import type { TExplanation, TIncidentDocument, TObligation } from '@techserve/core';
import type { Db } from '../../http/context';
import { toObligation } from '../obligations/obligations.service';
import * as repo from './incidents.repository';

// IN-1/IN-3: the reflection, the review and the notice of an incident as obligations (the obligations module computes their due
// instants and judges them on time or late by the time received); here they are read and shown with the incident.

/** The obligations of these incidents' documents, by obligation id (one query for all). */
export async function documentObligations(db: Db, rows: repo.IncidentRow[], nowMs: number): Promise<Map<number, TObligation>> {
  const ids = rows
    .flatMap((r) => [r.reflection_obligation_id, r.review_obligation_id, r.notice_obligation_id])
    .filter((id): id is number => id != null);
  const found = await repo.obligationsByIds(db, ids);
  return new Map(found.map((o) => [o.id, toObligation(o, nowMs)]));
}

const STATE: Record<TObligation['state'], TIncidentDocument['state']> = {
  open: 'open',
  on_time: 'onTime',
  late: 'late',
  excused: 'excused',
  cancelled: 'notDue',
};

function documentOf(
  kind: TIncidentDocument['kind'],
  required: boolean,
  owner: [number | null, string | null],
  obligation: TObligation | undefined,
  filed: { at: string | null; by: string | null; text: string | null },
  cached: { dueAt: string | null; explanation: string | null },
): TIncidentDocument {
  const state: TIncidentDocument['state'] = !required || !obligation ? 'notDue' : obligation.overdue ? 'overdue' : STATE[obligation.state];
  return {
    kind,
    required,
    ownerId: obligation?.ownerId ?? owner[0],
    ownerName: obligation?.ownerName ?? owner[1],
    dueAt: obligation?.dueAt ?? cached.dueAt,
    dueExplanation: obligation?.explanation ?? (cached.explanation ? (JSON.parse(cached.explanation) as TExplanation) : null),
    filedAt: filed.at,
    filedByName: filed.by,
    text: filed.text,
    state,
    stateExplanation: obligation?.judgement ?? null,
    obligationId: obligation?.id ?? null,
  };
}

/** The reflection (the engineer's), the review and the notice (the supervisor's) of an incident. */
export function documentsOf(r: repo.IncidentRow, obligations: Map<number, TObligation>): TIncidentDocument[] {
  const byId = (id: number | null) => (id == null ? undefined : obligations.get(id));
  return [
    documentOf(
      'reflection',
      Boolean(r.reflection_required),
      [r.engineer_id, r.engineer_name],
      byId(r.reflection_obligation_id),
      { at: r.reflection_at, by: r.reflector_name, text: r.reflection_text },
      { dueAt: r.reflection_due_at, explanation: r.reflection_due_explanation },
    ),
    documentOf(
      'review',
      Boolean(r.notice_required),
      [r.notice_owner_id, r.notice_owner_name],
      byId(r.review_obligation_id),
      { at: r.review_at, by: r.reviewer_name, text: r.review_text },
      { dueAt: r.review_due_at, explanation: r.review_due_explanation },
    ),
    documentOf(
      'notice',
      Boolean(r.notice_required),
      [r.notice_owner_id, r.notice_owner_name],
      byId(r.notice_obligation_id),
      { at: r.notice_at, by: r.noticer_name, text: r.notice_text },
      { dueAt: r.notice_due_at, explanation: r.notice_due_explanation },
    ),
  ];
}
