import type { TLetter, TLetterCreate } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { fieldKeys } from './fieldKeys';

/** FS-2: opens a responsibility letter for a signed notice or a request that needs a visit. */
export function useCreateLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TLetterCreate) => api<TLetter>('/field/letters', { method: 'POST', body }),
    onSuccess: (letter) => {
      queryClient.setQueryData(fieldKeys.letter(letter.id), letter);
      void queryClient.invalidateQueries({ queryKey: fieldKeys.letterLists() });
      void queryClient.invalidateQueries({ queryKey: fieldKeys.noticeLists() });
    },
  });
}
