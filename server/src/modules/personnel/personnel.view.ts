import { type TExplanation, type TPersonnelChange, HANDOVER_ITEMS, replacementOverdue } from '@techserve/core';
import type * as repo from './personnel.repository';
import type { Checklist } from './personnel.service';

/** A personnel change as the API shows it (RS-6/RS-7): its steps, decisions, checklist, signatures and timeline. */
export function toApi(r: repo.ChangeRow, signatures: Awaited<ReturnType<typeof repo.signaturesOf>>, today: string): TPersonnelChange {
  const checklist = JSON.parse(r.checklist) as Checklist;
  const timeline: TPersonnelChange['timeline'] = [
    { at: r.created_at, event: r.kind === 'replacement' ? 'client_requested' : 'notice', byName: r.created_by_name },
  ];
  if (r.requested_on) timeline.push({ at: r.requested_on, event: 'requested', byName: null });
  if (r.company_decided_at) timeline.push({ at: r.company_decided_at, event: 'company_decided', byName: r.company_decided_by_name });
  if (r.client_decided_at) timeline.push({ at: r.client_decided_at, event: 'client_decided', byName: r.client_decided_by_name });
  if (r.handover_start) timeline.push({ at: r.handover_start, event: 'handover', byName: null });
  for (const item of HANDOVER_ITEMS) {
    const done = checklist[item];
    if (done) timeline.push({ at: done.at, event: `checklist.${item}`, byName: done.byName });
  }
  if (r.tested_at) timeline.push({ at: r.tested_at, event: 'tested', byName: r.tested_by_name });
  for (const s of signatures) timeline.push({ at: s.signed_at, event: `signed.${s.role}`, byName: s.user_name });
  if (r.completed_at) timeline.push({ at: r.completed_at, event: 'completed', byName: null });
  if (r.cancelled_at) timeline.push({ at: r.cancelled_at, event: 'cancelled', byName: r.cancelled_by_name });
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  const decided = (byName: string | null, at: string | null, comment: string | null) => (at ? { byName: byName ?? '', at, comment } : null);
  return {
    id: r.id,
    kind: r.kind as TPersonnelChange['kind'],
    status: r.status as TPersonnelChange['status'],
    siteId: r.site_id,
    siteName: r.site_name,
    outgoingUserId: r.outgoing_user_id,
    outgoingName: r.outgoing_name,
    incomingUserId: r.incoming_user_id,
    incomingName: r.incoming_name ?? r.incoming_user_name,
    qualifications: r.qualifications,
    cv: r.cv_file_name ? { fileName: r.cv_file_name, contentType: r.cv_content_type ?? '', size: r.cv_size ?? 0 } : null,
    reason: r.reason,
    reasonKind: r.reason_kind as TPersonnelChange['reasonKind'],
    noticeOn: r.notice_on,
    changeDate: r.change_date,
    requestDeadline: r.request_deadline,
    requestedOn: r.requested_on,
    dueDate: r.due_date,
    overdue:
      r.kind === 'replacement' &&
      replacementOverdue(r.due_date, r.status === 'completed' || r.status === 'cancelled' || r.status === 'rejected', today),
    companyDecision: decided(r.company_decided_by_name, r.company_decided_at, r.company_comment),
    clientDecision: decided(r.client_decided_by_name, r.client_decided_at, r.client_comment),
    handoverStart: r.handover_start,
    handoverEnd: r.handover_end,
    checklist: HANDOVER_ITEMS.map((item) => {
      const done = checklist[item];
      return { item, done: Boolean(done), byName: done?.byName ?? null, at: done?.at ?? null, note: done?.note ?? null };
    }),
    test:
      r.tested_at && r.test_passed !== null
        ? { passed: Boolean(r.test_passed), note: r.test_note ?? '', byName: r.tested_by_name ?? '', at: r.tested_at }
        : null,
    signatures: signatures.map((s) => ({
      role: s.role as 'outgoing' | 'incoming' | 'client',
      byName: s.user_name,
      at: s.signed_at,
      method: s.method as 'device' | 'app',
      signatureId: s.storage_key ? s.id : null,
    })),
    hasPdf: r.pdf_storage_key !== null,
    cancellation: r.cancelled_at ? { byName: r.cancelled_by_name ?? '', at: r.cancelled_at, reason: r.cancel_reason ?? '' } : null,
    explanations: JSON.parse(r.explanations) as TExplanation[],
    timeline,
    createdAt: r.created_at,
    version: r.version,
  };
}
