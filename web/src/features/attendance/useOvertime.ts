import type { TOvertime, TOvertimeCreate, TOvertimeMonth } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { attendanceKeys } from './useAttendance';

// AT-5/AT-5b: overtime requests, the superior's inbox and a person's overtime month.
const overtimeKeys = {
  list: (view: string) => [...attendanceKeys.all, 'overtime', view] as const,
  month: (month: string) => [...attendanceKeys.all, 'overtime-month', month] as const,
};

export function useOvertimeList(view: 'mine' | 'inbox', enabled = true) {
  return useQuery({
    queryKey: overtimeKeys.list(view),
    queryFn: ({ signal }) => api<Page<TOvertime>>('/attendance/overtime', { query: { view, limit: 100 }, signal }),
    enabled,
  });
}

export function useOvertimeMonth(month: string) {
  return useQuery({
    queryKey: overtimeKeys.month(month),
    queryFn: ({ signal }) => api<TOvertimeMonth>('/attendance/overtime/month', { query: { month }, signal }),
  });
}

export function useRequestOvertime() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TOvertimeCreate) => api<TOvertime>('/attendance/overtime', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attendanceKeys.all }),
  });
}

export function useDecideOvertime() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, approve }: { id: number; version: number; approve: boolean }) =>
      api<TOvertime>(`/attendance/overtime/${id}/decision`, { method: 'POST', body: { version, approve } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attendanceKeys.all }),
  });
}
