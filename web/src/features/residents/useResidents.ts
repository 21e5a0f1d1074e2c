import type { TConductMonthOut, TOperationsRecord, TResidentSite } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const residentsKeys = {
  all: ['residents'] as const,
  sites: () => ['residents', 'sites'] as const,
  site: (siteId: number) => ['residents', 'site', siteId] as const,
  records: (siteId: number, month: string) => ['residents', 'records', siteId, month] as const,
  conduct: (month: string, siteId?: number) => ['residents', 'conduct', month, siteId ?? 'all'] as const,
};

/** The client sites in scope (the client IT office: its own). */
export function useResidentSites() {
  return useQuery({
    queryKey: residentsKeys.sites(),
    queryFn: ({ signal }) => api<{ items: { id: number; name: string }[] }>('/residents/sites', { signal }),
  });
}

/** RS-11: a site's contract, staffing, register and logs. */
export function useResidentSite(siteId: number | undefined) {
  return useQuery({
    queryKey: residentsKeys.site(siteId ?? 0),
    queryFn: ({ signal }) => api<TResidentSite>(`/residents/sites/${siteId}`, { signal }),
    enabled: siteId !== undefined,
  });
}

/** RS-8: a site's operations records of a month. */
export function useRecords(siteId: number | undefined, month: string) {
  return useQuery({
    queryKey: residentsKeys.records(siteId ?? 0, month),
    queryFn: ({ signal }) =>
      api<{ month: string; items: TOperationsRecord[] }>(`/residents/sites/${siteId}/records`, { query: { month }, signal }),
    enabled: siteId !== undefined,
  });
}

/** RS-9: the month's conduct points in scope. */
export function useConduct(month: string, siteId?: number) {
  return useQuery({
    queryKey: residentsKeys.conduct(month, siteId),
    queryFn: ({ signal }) => api<TConductMonthOut>('/residents/conduct', { query: { month, siteId }, signal }),
  });
}

/** Any residents write (JSON or a FormData upload); refreshes every residents query after it. */
export function useResidentsWrite<B, R>(method: 'POST' | 'PUT' | 'PATCH' = 'POST') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: B }) => api<R>(path, { method, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: residentsKeys.all }),
  });
}
