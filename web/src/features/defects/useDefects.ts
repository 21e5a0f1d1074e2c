import type { TDefectAnswer, TDefectReport, TDefectReportCreate } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** SR-15: defect reports — all of mine (or all, for an answerer), or a request's — with report and answer. */
export function useDefects(ticketId?: number, onlyOpen = false) {
  const queryClient = useQueryClient();
  const path = ticketId ? `/tickets/${ticketId}/defects` : `/defects${onlyOpen ? '?status=open' : ''}`;
  const list = useQuery({
    queryKey: ['defects', ticketId ?? 'all', onlyOpen],
    queryFn: ({ signal }) => api<{ items: TDefectReport[] }>(path, { signal }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['defects'] });
  const report = useMutation({
    mutationFn: (body: TDefectReportCreate) => api<TDefectReport>(`/tickets/${ticketId}/defects`, { method: 'POST', body }),
    onSuccess: refresh,
  });
  const answer = useMutation({
    mutationFn: ({ id, ...body }: TDefectAnswer & { id: number }) => api<TDefectReport>(`/defects/${id}/answer`, { method: 'POST', body }),
    onSuccess: refresh,
  });
  return { items: list.data?.items ?? [], loading: list.isLoading, report, answer };
}
