import type { TBatchResult, TTicketBatch } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Issue 12 item 9: one action on the selected requests; the answer has each request's result. */
export function useTicketBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TTicketBatch) => api<TBatchResult>('/ticket-batches', { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['tickets'] }),
  });
}
