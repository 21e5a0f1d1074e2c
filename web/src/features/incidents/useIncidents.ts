import type { TComplaint, TIncident } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { usePagedList } from '../../shared/usePagedList';
import { useTranslation } from 'react-i18next';
import './i18n';

/** TanStack Query keys of complaints and incidents. */
export const incidentKeys = {
  all: ['incidents'] as const,
  complaints: (q: Record<string, string>) => ['incidents', 'complaints', q] as const,
  complaint: (id: number) => ['incidents', 'complaint', id] as const,
  incidents: (q: Record<string, string>) => ['incidents', 'list', q] as const,
  incident: (id: number) => ['incidents', 'incident', id] as const,
};

export const useComplaints = (q: Record<string, string>) => usePagedList<TComplaint>('/complaints', incidentKeys.complaints(q), q);
export const useIncidentList = (q: Record<string, string>) => usePagedList<TIncident>('/incidents', incidentKeys.incidents(q), q);

export const useComplaint = (id: number) =>
  useQuery({
    queryKey: incidentKeys.complaint(id),
    queryFn: ({ signal }) => api<TComplaint>(`/complaints/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });

export const useIncident = (id: number) =>
  useQuery({
    queryKey: incidentKeys.incident(id),
    queryFn: ({ signal }) => api<TIncident>(`/incidents/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });

/** Any complaint or incident write; refreshes every query of the feature after it. */
export function useIncidentWrite<T = unknown>() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, method = 'POST' }: { path: string; body: unknown; method?: 'POST' | 'PATCH' }) =>
      api<T>(path, { method, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.all }),
  });
}

/** Shows a failed call in the UI language (by reason key) and marks the form fields it names; 409 reloads. */
export function useIncidentError() {
  const { t } = useTranslation();
  return useApiError({ reload: [incidentKeys.all], conflictMessage: t('incidents.conflictReloaded') });
}
