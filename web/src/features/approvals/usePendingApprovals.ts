import type { TApprovalKind, TLeaveRequest, TLetterSummary, TPermission, TTravelRequestSummary } from '@techserve/core';
import { useQueries } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../auth/useSession';

/** One waiting item, whatever its module. */
export type TPendingItem = {
  key: string;
  kind: TApprovalKind;
  id: number;
  version: number;
  who: string;
  what: string;
  when: string;
  href: string;
};

type Page<T> = { items: T[] };

const SOURCES: { kind: TApprovalKind; permission: TPermission; path: string; map: (r: never) => TPendingItem }[] = [
  {
    kind: 'leave',
    permission: 'leave.approve',
    path: '/leave-requests?view=approvals&status=submitted&limit=200',
    map: (r: TLeaveRequest) => ({
      key: `leave-${r.id}`,
      kind: 'leave',
      id: r.id,
      version: r.version,
      who: r.userName,
      what: r.reason,
      when: `${r.startDate} – ${r.endDate}`,
      href: `/leave/${r.id}`,
    }),
  },
  {
    kind: 'travel',
    permission: 'travel.approve',
    path: '/travel-requests?view=approvals&status=submitted&limit=200',
    map: (r: TTravelRequestSummary) => ({
      key: `travel-${r.id}`,
      kind: 'travel',
      id: r.id,
      version: r.version,
      who: r.userName,
      what: r.purpose,
      when: `${r.startDate} – ${r.endDate}`,
      href: `/travel/requests/${r.id}`,
    }),
  },
  ...(['letter', 'return'] as const).map((kind) => ({
    kind,
    permission: 'field.approve' as TPermission,
    path: `/field/letters?status=${kind === 'letter' ? 'submitted' : 'return_requested'}&limit=200`,
    map: (r: TLetterSummary) => ({
      key: `${kind}-${r.id}`,
      kind,
      id: r.id,
      version: r.version,
      who: r.customerName,
      what: `${r.number} ${r.title}`,
      when: '',
      href: `/field/letters/${r.id}`,
    }),
  })),
];

/** Issue 12 item 10: what waits for my decision, read from each module's own list (those I may decide). */
export function usePendingApprovals() {
  const { can } = useSession();
  const sources = SOURCES.filter((s) => can(s.permission));
  const results = useQueries({
    queries: sources.map((s) => ({
      queryKey: ['approvals', s.kind],
      queryFn: ({ signal }: { signal: AbortSignal }) => api<Page<never>>(s.path, { signal }),
    })),
  });
  const items = results.flatMap((r, i) => (r.data?.items ?? []).map((row) => sources[i].map(row)));
  return { items, loading: results.some((r) => r.isLoading), refetch: () => results.forEach((r) => void r.refetch()) };
}
