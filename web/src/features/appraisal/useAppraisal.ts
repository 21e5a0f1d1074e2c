import type { TAppraisalScheme, TAppraisalSheet } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import './i18n';

export const appraisalKeys = {
  all: ['appraisal'] as const,
  list: (month: string, view: 'mine' | 'team') => ['appraisal', 'list', month, view] as const,
  sheet: (id: number) => ['appraisal', 'sheet', id] as const,
  scheme: (month: string) => ['appraisal', 'scheme', month] as const,
};

export const useAppraisalSheets = (month: string, view: 'mine' | 'team') =>
  useQuery({
    queryKey: appraisalKeys.list(month, view),
    queryFn: ({ signal }) => api<{ items: TAppraisalSheet[] }>(`/appraisal-sheets?month=${month}&view=${view}`, { signal }),
  });

export const useAppraisalSheet = (id: number) =>
  useQuery({
    queryKey: appraisalKeys.sheet(id),
    queryFn: ({ signal }) => api<TAppraisalSheet>(`/appraisal-sheets/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });

export const useAppraisalScheme = (month: string) =>
  useQuery({
    queryKey: appraisalKeys.scheme(month),
    queryFn: ({ signal }) => api<TAppraisalScheme>(`/appraisal-scheme?month=${month}`, { signal }),
    enabled: /^\d{4}-\d{2}$/.test(month),
    staleTime: 5 * 60_000,
  });

export function useAppraisalWrite<T = TAppraisalSheet>() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, method = 'POST' }: { path: string; body: unknown; method?: 'POST' | 'PUT' }) =>
      api<T>(path, { method, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appraisalKeys.all }),
  });
}

export function useAppraisalError() {
  const { t } = useTranslation();
  return useApiError({ reload: [appraisalKeys.all], conflictMessage: t('appraisal.conflictReloaded') });
}
