import type { TVisit } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { fieldKeys } from './fieldKeys';

/** Everything on site for a letter (FS-5..9): check-ins, record, photos, extra tasks, sign-off, return, `allowed`. */
export function useVisit(letterId: number) {
  return useQuery({
    queryKey: fieldKeys.visit(letterId),
    queryFn: ({ signal }) => api<TVisit>(`/field/letters/${letterId}/visit`, { signal }),
    enabled: Number.isInteger(letterId) && letterId > 0,
  });
}

export type TVisitCall = { path: string; method?: 'POST' | 'PUT'; body: unknown };

/** A step on site answered with the whole visit: the answer replaces the cached visit; my jobs and the letter reload. */
export function useVisitAction(letterId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: TVisitCall) => api<TVisit>(`/field/letters/${letterId}${path}`, { method, body }),
    onSuccess: (visit) => {
      queryClient.setQueryData(fieldKeys.visit(letterId), visit);
      void queryClient.invalidateQueries({ queryKey: fieldKeys.myJobs() });
      void queryClient.invalidateQueries({ queryKey: fieldKeys.letter(letterId) });
      void queryClient.invalidateQueries({ queryKey: fieldKeys.letterLists() });
    },
  });
}
