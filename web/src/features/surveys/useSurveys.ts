import type { TSurvey, TSurveyDetail, TSurveyFormList, TSurveyResults } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { usePagedList } from '../../shared/usePagedList';
import './i18n';

export const surveyKeys = {
  all: ['surveys'] as const,
  list: () => ['surveys', 'list'] as const,
  detail: (id: number) => ['surveys', 'detail', id] as const,
  results: (id: number, by: string) => ['surveys', 'results', id, by] as const,
  portal: () => ['surveys', 'portal'] as const,
};

export const useSurveyList = () => usePagedList<TSurvey>('/surveys', surveyKeys.list(), {});

export const useSurvey = (id: number) =>
  useQuery({
    queryKey: surveyKeys.detail(id),
    queryFn: ({ signal }) => api<TSurveyDetail>(`/surveys/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });

export const useSurveyResults = (id: number, by: string) =>
  useQuery({
    queryKey: surveyKeys.results(id, by),
    queryFn: ({ signal }) => api<TSurveyResults>(`/surveys/${id}/results`, { query: { by }, signal }),
    enabled: Number.isInteger(id) && id > 0,
  });

export const usePortalSurveys = () =>
  useQuery({ queryKey: surveyKeys.portal(), queryFn: ({ signal }) => api<TSurveyFormList>('/portal/surveys', { signal }) });

export function useSurveyWrite<T = unknown>() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) => api<T>(path, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

export function useSurveyError() {
  const { t } = useTranslation();
  return useApiError({ reload: [surveyKeys.all], conflictMessage: t('surveys.conflictReloaded') });
}
