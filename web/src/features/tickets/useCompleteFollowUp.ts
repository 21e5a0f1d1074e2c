import type { TFollowUp, TGrade } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** SR-11: records the call — the customer's satisfaction and a note. */
export function useCompleteFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; version: number; satisfaction: TGrade; note?: string }) =>
      api<TFollowUp>(`/followups/${id}/complete`, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['followups'] }),
  });
}
