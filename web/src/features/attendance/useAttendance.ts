import type {
  TAttendanceMonth,
  TAttendanceRollupList,
  TAttendanceToday,
  TCorrection,
  TCorrectionCreate,
  TPunch,
  TPunchCreate,
} from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';

export const attendanceKeys = {
  all: ['attendance'] as const,
  today: () => ['attendance', 'today'] as const,
  month: (month: string, userId?: number) => ['attendance', 'month', month, userId ?? 'me'] as const,
  rollup: (month: string) => ['attendance', 'rollup', month] as const,
  corrections: (view: string) => ['attendance', 'corrections', view] as const,
};

/** The clock-in card: today's shift, punches and judgement. */
export function useToday() {
  return useQuery({ queryKey: attendanceKeys.today(), queryFn: ({ signal }) => api<TAttendanceToday>('/attendance/today', { signal }) });
}

/** A person's month (one's own when userId is omitted). */
export function useAttendanceMonth(month: string, userId?: number) {
  return useQuery({
    queryKey: attendanceKeys.month(month, userId),
    queryFn: ({ signal }) => api<TAttendanceMonth>('/attendance/month', { query: { month, userId }, signal }),
  });
}

/** The month roll-up of the people in scope. */
export function useRollup(month: string) {
  return useQuery({
    queryKey: attendanceKeys.rollup(month),
    queryFn: ({ signal }) => api<TAttendanceRollupList>('/attendance/rollup', { query: { month }, signal }),
  });
}

export function useCorrections(view: 'mine' | 'inbox') {
  return useQuery({
    queryKey: attendanceKeys.corrections(view),
    queryFn: ({ signal }) => api<Page<TCorrection>>('/attendance/corrections', { query: { view, limit: 100 }, signal }),
  });
}

/** Any attendance write; refreshes every attendance query after it. */
function useAttendanceWrite<B, R>(path: (body: B) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<R>(path(body), { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attendanceKeys.all }),
  });
}

export const usePunch = () => useAttendanceWrite<TPunchCreate, TPunch>(() => '/attendance/punches');
export const useRequestCorrection = () => useAttendanceWrite<TCorrectionCreate, TCorrection>(() => '/attendance/corrections');
export type TDecisionBody = { id: number; version: number; approve: boolean };
export function useDecideCorrection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, approve }: TDecisionBody) =>
      api<TCorrection>(`/attendance/corrections/${id}/decision`, { method: 'POST', body: { version, approve } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attendanceKeys.all }),
  });
}

/** The browser's position when it gives one within a few seconds; none otherwise (the punch is then flagged, not refused). */
export function currentPosition(timeoutMs = 8000): Promise<Pick<TPunchCreate, 'latitude' | 'longitude' | 'accuracyM'>> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve({});
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracyM: Math.round(p.coords.accuracy) }),
      () => resolve({}),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
