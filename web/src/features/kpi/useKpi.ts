import type { TAwardRound, TKpiPage } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import './i18n';

export const kpiKeys = {
  all: ['kpi'] as const,
  round: (month: string) => ['kpi', 'awards', month] as const,
  page: (period: string, view: 'mine' | 'team') => ['kpi', 'page', period, view] as const,
};

export const useAwardRound = (month: string) =>
  useQuery({
    queryKey: kpiKeys.round(month),
    queryFn: ({ signal }) => api<TAwardRound>(`/awards?month=${month}`, { signal }),
  });

export const useKpiPage = (period: string, view: 'mine' | 'team') =>
  useQuery({
    queryKey: kpiKeys.page(period, view),
    queryFn: ({ signal }) => api<TKpiPage>(`/kpis?period=${period}&view=${view}`, { signal }),
    enabled: /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(period),
    retry: false,
  });

export function useKpiWrite<T>() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, method = 'POST' }: { path: string; body: unknown; method?: 'POST' | 'PUT' }) =>
      api<T>(path, { method, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}

export function useKpiError() {
  const { t } = useTranslation();
  return useApiError({ reload: [kpiKeys.all], conflictMessage: t('kpi.conflictReloaded') });
}
