import type { TCannedReply, TCannedReplyCreate, TCannedReplyRendered, TCannedReplyUpdate } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

const key = ['canned-replies'] as const;

/** SR-8: the canned replies I may use, with create, edit and delete for those who manage them. */
export function useCannedReplies(enabled = true) {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<{ items: TCannedReply[] }>('/canned-replies', { signal }),
    enabled,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const create = useMutation({
    mutationFn: (body: TCannedReplyCreate) => api<TCannedReply>('/canned-replies', { method: 'POST', body }),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: TCannedReplyUpdate & { id: number }) =>
      api<TCannedReply>(`/canned-replies/${id}`, { method: 'PATCH', body }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: number) => api(`/canned-replies/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  return { replies: list.data?.items ?? [], loading: list.isLoading, create, update, remove };
}

/** The template filled with the request's facts (the server reads the request in my scope). */
export const renderCannedReply = (id: number, ticketId: number) =>
  api<TCannedReplyRendered>(`/canned-replies/${id}/render`, { method: 'POST', body: { ticketId } });
