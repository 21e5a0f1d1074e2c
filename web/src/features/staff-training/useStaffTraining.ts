import type { TExam, TStaffSession } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { usePagedList } from '../../shared/usePagedList';
import './i18n';

const ROOT = '/staff-training';
export const trainingKeys = {
  all: ['staff-training'] as const,
  list: (what: string, q: Record<string, string>) => ['staff-training', what, q] as const,
  session: (id: number) => ['staff-training', 'session', id] as const,
  exam: (id: number) => ['staff-training', 'exam', id] as const,
};

/** A keyset-paged list under /staff-training (sessions, exams, questions, certificates, test-tasks). */
export const useTrainingList = <T>(what: string, q: Record<string, string> = {}) =>
  usePagedList<T>(`${ROOT}/${what}`, trainingKeys.list(what, q), q);

export const useStaffSession = (id: number) =>
  useQuery({
    queryKey: trainingKeys.session(id),
    queryFn: ({ signal }) => api<TStaffSession>(`${ROOT}/sessions/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });

export const useExam = (id: number) =>
  useQuery({
    queryKey: trainingKeys.exam(id),
    queryFn: ({ signal }) => api<TExam>(`${ROOT}/exams/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });

/** Any write under /staff-training; refreshes the feature's queries after it. */
export function useTrainingWrite<T = unknown>() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, method = 'POST' }: { path: string; body: unknown; method?: 'POST' | 'PATCH' | 'PUT' }) =>
      api<T>(`${ROOT}${path}`, { method, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
  });
}

export function useTrainingError() {
  const { t } = useTranslation();
  return useApiError({ reload: [trainingKeys.all], conflictMessage: t('staffTraining.conflictReloaded') });
}
