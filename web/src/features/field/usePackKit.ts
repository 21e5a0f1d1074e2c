import type { TLetter } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { fieldKeys } from './fieldKeys';
import { useFieldError } from './useFieldError';

/** FS-4: saves the kit items ticked as packed on a letter; my jobs and the letter reload (409: someone changed it). */
export function usePackKit() {
  const queryClient = useQueryClient();
  const showError = useFieldError(fieldKeys.myJobs());
  return useMutation({
    mutationFn: ({ letterId, version, packed }: { letterId: number; version: number; packed: string[] }) =>
      api<TLetter>(`/field/letters/${letterId}/kit-packing`, { method: 'PUT', body: { version, packed } }),
    onSuccess: (letter) => {
      void queryClient.invalidateQueries({ queryKey: fieldKeys.myJobs() });
      void queryClient.invalidateQueries({ queryKey: fieldKeys.letter(letter.id) });
    },
    onError: (error) => showError(error),
  });
}
