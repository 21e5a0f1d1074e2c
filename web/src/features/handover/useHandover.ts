import type { TConfidentiality, THandover, TProperty } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { usePagedList } from '../../shared/usePagedList';
import './i18n';

export const handoverKeys = {
  all: ['handovers'] as const,
  list: (path: string, q: Record<string, string | undefined>) => ['handovers', path, q] as const,
  detail: (id: number) => ['handovers', 'detail', id] as const,
  holdings: (userId: number) => ['handovers', 'holdings', userId] as const,
};

export type THoldings = {
  user: { id: number; name: string };
  items: THandover['items'];
  openHandoverId: number | null;
  confidentiality: TConfidentiality | null;
};

export type TTransferResult = {
  handover: THandover;
  failures: { kind: string; refId: number; reason: string; params: Record<string, unknown>; message: string }[];
};

export const useHandoverList = <T>(path: '/handovers' | '/company-property', q: Record<string, string | undefined> = {}) =>
  usePagedList<T>(path, handoverKeys.list(path, q), q);

export const useHandover = (id: number) =>
  useQuery({
    queryKey: handoverKeys.detail(id),
    queryFn: ({ signal }) => api<THandover>(`/handovers/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });

export const useHoldings = (userId: number | undefined) =>
  useQuery({
    queryKey: handoverKeys.holdings(userId ?? 0),
    queryFn: ({ signal }) => api<THoldings>(`/handovers/holdings/${userId}`, { signal }),
    enabled: userId !== undefined,
    retry: false,
  });

export function useHandoverWrite<T = unknown>() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, method = 'POST' }: { path: string; body: unknown; method?: 'POST' | 'PUT' }) =>
      api<T>(path, { method, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: handoverKeys.all }),
  });
}

export function useHandoverError() {
  const { t } = useTranslation();
  return useApiError({ reload: [handoverKeys.all], conflictMessage: t('handover.conflictReloaded') });
}

export type { TProperty };
