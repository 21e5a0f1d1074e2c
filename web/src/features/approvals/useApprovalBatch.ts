import type { TApprovalBatch, TBatchResult } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Issue 12 item 10: approve or reject the chosen items with one comment; each item's result comes back. */
export function useApprovalBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TApprovalBatch) => api<TBatchResult>('/approvals/batch', { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['approvals'] }),
  });
}
