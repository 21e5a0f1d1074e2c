import type { TLetter } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { fieldKeys } from './fieldKeys';

/** One responsibility letter (FS-2) with its kit, engineers, appointment history and what the reader may do. */
export function useLetter(id: number) {
  return useQuery({
    queryKey: fieldKeys.letter(id),
    queryFn: ({ signal }) => api<TLetter>(`/field/letters/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export type TLetterCall = { path: string; method?: 'POST' | 'PATCH' | 'PUT'; body: unknown };

/** A change to a letter answered with the whole letter: the answer replaces the cached letter; lists and boards reload. */
export function useLetterAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: TLetterCall) => api<TLetter>(`/field/letters/${id}${path}`, { method, body }),
    onSuccess: (letter) => {
      queryClient.setQueryData(fieldKeys.letter(id), letter);
      void queryClient.invalidateQueries({ queryKey: fieldKeys.letterLists() });
      void queryClient.invalidateQueries({ queryKey: [...fieldKeys.all, 'board'] });
      void queryClient.invalidateQueries({ queryKey: [...fieldKeys.all, 'standup'] });
      void queryClient.invalidateQueries({ queryKey: fieldKeys.visits() });
    },
  });
}
