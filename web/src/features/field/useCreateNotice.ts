import type { TServiceNotice, TServiceNoticeCreate } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api } from '../../api/client';
import { fieldKeys } from './fieldKeys';

/** Raises a service notice (FS-1) with one Idempotency-Key per filled-in form, so a double click raises one notice. */
export function useCreateNotice() {
  const queryClient = useQueryClient();
  const key = useRef<string | null>(null);
  return useMutation({
    mutationFn: (body: TServiceNoticeCreate) => {
      key.current ??= crypto.randomUUID();
      return api<TServiceNotice>('/field/notices', { method: 'POST', body, headers: { 'Idempotency-Key': key.current } });
    },
    onSuccess: (notice) => {
      key.current = null;
      queryClient.setQueryData(fieldKeys.notice(notice.id), notice);
      void queryClient.invalidateQueries({ queryKey: fieldKeys.noticeLists() });
    },
  });
}
