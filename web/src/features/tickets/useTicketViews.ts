import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ticketKeys } from './ticketKeys';

export type TTicketView = { id: number; name: string; query: Record<string, string>; createdAt: string };

/** My saved list views, with save and delete. */
export function useTicketViews() {
  const queryClient = useQueryClient();
  const views = useQuery({
    queryKey: ticketKeys.views(),
    queryFn: ({ signal }) => api<{ items: TTicketView[] }>('/ticket-views', { signal }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ticketKeys.views() });
  const save = useMutation({
    mutationFn: (body: { name: string; query: Record<string, string> }) => api<TTicketView>('/ticket-views', { method: 'POST', body }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: number) => api(`/ticket-views/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  return { views: views.data?.items ?? [], save, remove };
}
