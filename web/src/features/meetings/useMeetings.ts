import type { TMeeting } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { usePagedList } from '../../shared/usePagedList';
import './i18n';

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (path: string, q: Record<string, string>) => ['meetings', path, q] as const,
  detail: (id: number) => ['meetings', 'detail', id] as const,
};

export const useMeetingList = <T>(path: '/meetings' | '/meeting-actions', q: Record<string, string> = {}) =>
  usePagedList<T>(path, meetingKeys.list(path, q), q);

export const useMeeting = (id: number) =>
  useQuery({
    queryKey: meetingKeys.detail(id),
    queryFn: ({ signal }) => api<TMeeting>(`/meetings/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });

export function useMeetingWrite<T = unknown>() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, method = 'POST' }: { path: string; body: unknown; method?: 'POST' | 'PATCH' }) =>
      api<T>(path, { method, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

export function useMeetingError() {
  const { t } = useTranslation();
  return useApiError({ reload: [meetingKeys.all], conflictMessage: t('meetings.conflictReloaded') });
}
