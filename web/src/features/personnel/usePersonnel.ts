import type { TClientApprovalItem, TClientApprovalKind, TPersonnelChange } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';

export const personnelKeys = {
  all: ['personnel'] as const,
  list: () => ['personnel', 'list'] as const,
  one: (id: number) => ['personnel', 'one', id] as const,
  inbox: () => ['personnel', 'inbox'] as const,
};

export function useChanges() {
  return useQuery({
    queryKey: personnelKeys.list(),
    queryFn: ({ signal }) => api<Page<TPersonnelChange>>('/personnel-changes', { query: { limit: 100 }, signal }),
  });
}

export function useChange(id: number) {
  return useQuery({
    queryKey: personnelKeys.one(id),
    queryFn: ({ signal }) => api<TPersonnelChange>(`/personnel-changes/${id}`, { signal }),
  });
}

export function useClientInbox() {
  return useQuery({
    queryKey: personnelKeys.inbox(),
    queryFn: ({ signal }) => api<{ items: TClientApprovalItem[] }>('/client-approvals', { signal }),
  });
}

/** Any personnel write; refreshes every personnel query after it. */
export function usePersonnelWrite<B>(path: (body: B) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<TPersonnelChange>(path(body), { method: 'POST', body: stripRoute(body) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personnelKeys.all }),
  });
}

/** The route's own fields (`id`) are not part of the request body. */
const stripRoute = <B>(body: B) => {
  if (body && typeof body === 'object' && 'id' in body) {
    const { id: _id, ...rest } = body as Record<string, unknown>;
    return rest;
  }
  return body;
};

export function useClientDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (b: { kind: TClientApprovalKind; id: number; version: number; approve: boolean }) =>
      api<{ ok: true }>(`/client-approvals/${b.kind}/${b.id}`, { method: 'POST', body: { version: b.version, approve: b.approve } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personnelKeys.all }),
  });
}

export function useUploadCv(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<TPersonnelChange>(`/personnel-changes/${id}/cv`, { method: 'POST', body: form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personnelKeys.all }),
  });
}
