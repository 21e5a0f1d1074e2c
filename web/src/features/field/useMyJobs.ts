import type { TMyJob } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { fieldKeys } from './fieldKeys';

/** The signed-in engineer's visits today and upcoming (FS-5), refreshed every few minutes. */
export function useMyJobs() {
  return useQuery({
    queryKey: fieldKeys.myJobs(),
    queryFn: ({ signal }) => api<{ items: TMyJob[] }>('/field/my-jobs', { signal }),
    refetchInterval: 5 * 60_000,
  });
}
