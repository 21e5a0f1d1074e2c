import type { TServiceNotice } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { fieldKeys } from './fieldKeys';

/** One service notice (FS-1) with whether the reader may sign it. */
export function useNotice(id: number) {
  return useQuery({
    queryKey: fieldKeys.notice(id),
    queryFn: ({ signal }) => api<TServiceNotice>(`/field/notices/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Sign or reject a notice (`path` 'sign' | 'reject'); the answer replaces the cached notice, lists reload. */
export function useNoticeAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: 'sign' | 'reject'; body: unknown }) =>
      api<TServiceNotice>(`/field/notices/${id}/${path}`, { method: 'POST', body }),
    onSuccess: (notice) => {
      queryClient.setQueryData(fieldKeys.notice(id), notice);
      void queryClient.invalidateQueries({ queryKey: fieldKeys.noticeLists() });
    },
  });
}
