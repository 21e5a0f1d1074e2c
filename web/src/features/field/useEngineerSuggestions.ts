import type { TEngineerSuggestion } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { fieldKeys } from './fieldKeys';

/** FS-2: engineers for a letter — the site's region first, with level, open load and travel conflicts. */
export function useEngineerSuggestions(letterId: number, enabled: boolean) {
  return useQuery({
    queryKey: fieldKeys.suggestions(letterId),
    queryFn: ({ signal }) => api<{ items: TEngineerSuggestion[] }>(`/field/letters/${letterId}/engineer-suggestions`, { signal }),
    enabled,
  });
}
