import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** One record (project, delivery or training) by id under its query key. */
export function useRecord<T>(queryKey: readonly unknown[], path: string, id: number) {
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => api<T>(path, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}
