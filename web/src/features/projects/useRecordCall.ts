import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export type TRecordCall = { path: string; method?: 'POST' | 'PATCH' | 'PUT' | 'DELETE'; body?: unknown };

/**
 * A change answered with the whole record (project, delivery or training): the answer replaces the cached record
 * and the lists reload.
 */
export function useRecordCall<T>(detailKey: readonly unknown[], listKey: readonly unknown[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: TRecordCall) => api<T>(path, { method, body: method === 'DELETE' ? undefined : body }),
    onSuccess: (record) => {
      queryClient.setQueryData(detailKey, record);
      void queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
}
