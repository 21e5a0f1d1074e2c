import type {
  TAdjustment,
  TDailyLog,
  TDailyLogDraft,
  TMonthStatus,
  TMonthlyReportDataOut,
  TMonthlyReportSummary,
  TObligation,
  TObligationSummary,
  TVolumeReport,
  TVolumeSummary,
  TWeeklyPlan,
  TWeeklyPlanDraft,
  TWeeklyReport,
  TWeeklyReportDraft,
  TWorkload,
} from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { reportsKeys } from './reportsKeys';

const ok = (value: string | number | undefined | null) => value !== undefined && value !== null && value !== '';

/** Obligations: mine / my team's / my department's, due this week, overdue, open or all. */
export function useObligations(view: 'mine' | 'team' | 'department', range: 'week' | 'overdue' | 'open' | 'all', month?: string) {
  const query = { view, range, month, limit: 200 };
  return useQuery({
    queryKey: reportsKeys.obligations(query),
    queryFn: ({ signal }) => api<Page<TObligation>>('/obligations', { query, signal }),
  });
}

export function useObligation(id: number) {
  return useQuery({
    queryKey: reportsKeys.obligation(id),
    queryFn: ({ signal }) => api<TObligation>(`/obligations/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
}

export function useObligationSummary(month: string, enabled = true) {
  return useQuery({
    queryKey: reportsKeys.summary(month),
    queryFn: ({ signal }) => api<TObligationSummary>('/obligations/summary', { query: { month }, signal }),
    enabled: enabled && ok(month),
  });
}

export function useDailyDraft(date: string) {
  return useQuery({
    queryKey: reportsKeys.dailyDraft(date),
    queryFn: ({ signal }) => api<TDailyLogDraft>('/daily-logs/draft', { query: { date }, signal }),
    enabled: ok(date),
    retry: false,
  });
}

export function useDailyLogs(view: 'mine' | 'team', from?: string, to?: string, enabled = true) {
  const query = { view, from, to, limit: 100 };
  return useQuery({
    queryKey: reportsKeys.dailyLogs(query),
    queryFn: ({ signal }) => api<Page<TDailyLog>>('/daily-logs', { query, signal }),
    enabled,
  });
}

export function usePlanDraft(weekStart: string) {
  return useQuery({
    queryKey: reportsKeys.planDraft(weekStart),
    queryFn: ({ signal }) => api<TWeeklyPlanDraft>('/weekly-plans/draft', { query: { weekStart }, signal }),
    enabled: ok(weekStart),
    retry: false,
  });
}

export function usePlans(view: 'mine' | 'team', enabled = true) {
  const query = { view, limit: 100 };
  return useQuery({
    queryKey: reportsKeys.plans(query),
    queryFn: ({ signal }) => api<Page<TWeeklyPlan>>('/weekly-plans', { query, signal }),
    enabled,
  });
}

export function useWeeklyDraft(weekStart: string, kind: 'engineer' | 'supervisor') {
  return useQuery({
    queryKey: reportsKeys.weeklyDraft(weekStart, kind),
    queryFn: ({ signal }) => api<TWeeklyReportDraft>('/weekly-reports/draft', { query: { weekStart, kind }, signal }),
    enabled: ok(weekStart),
    retry: false,
  });
}

export function useWeeklyReports(view: 'mine' | 'team' | 'department', enabled = true) {
  const query = { view, limit: 100 };
  return useQuery({
    queryKey: reportsKeys.weeklyReports(query),
    queryFn: ({ signal }) => api<Page<TWeeklyReport>>('/weekly-reports', { query, signal }),
    enabled,
  });
}

export function useWeeklyReport(id: number) {
  return useQuery({
    queryKey: reportsKeys.weeklyReport(id),
    queryFn: ({ signal }) => api<TWeeklyReport>(`/weekly-reports/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
}

export function useMonthlyPreview(departmentId: number | null, month: string) {
  return useQuery({
    queryKey: reportsKeys.monthlyPreview(departmentId ?? 0, month),
    queryFn: ({ signal }) => api<TMonthlyReportDataOut>('/monthly-reports/preview', { query: { departmentId, month }, signal }),
    enabled: departmentId != null && ok(month),
    retry: false,
  });
}

export function useMonthlyReports() {
  return useQuery({
    queryKey: reportsKeys.monthlyReports,
    queryFn: ({ signal }) => api<{ items: TMonthlyReportSummary[] }>('/monthly-reports', { signal }),
  });
}

export function useVolumeReports(view: 'mine' | 'verify' | 'all', enabled = true) {
  const query = { view, limit: 100 };
  return useQuery({
    queryKey: reportsKeys.volume(query),
    queryFn: ({ signal }) => api<Page<TVolumeReport>>('/volume-reports', { query, signal }),
    enabled,
  });
}

export function useVolumeProjects(enabled = true) {
  return useQuery({
    queryKey: reportsKeys.volumeProjects,
    queryFn: ({ signal }) => api<{ items: { id: number; name: string; status: string }[] }>('/volume-reports/projects', { signal }),
    enabled,
  });
}

export function useVolumeSummary(month: string) {
  return useQuery({
    queryKey: reportsKeys.volumeSummary(month),
    queryFn: ({ signal }) => api<TVolumeSummary>('/volume-reports/summary', { query: { month }, signal }),
    enabled: ok(month),
  });
}

export function useWorkload(from: string, to: string) {
  const query = { from, to };
  return useQuery({
    queryKey: reportsKeys.workload(query),
    queryFn: ({ signal }) => api<TWorkload>('/workload', { query, signal }),
    enabled: ok(from) && ok(to) && from <= to,
    retry: false,
  });
}

export function useMonths(year: number) {
  return useQuery({
    queryKey: reportsKeys.months(year),
    queryFn: ({ signal }) => api<{ items: TMonthStatus[] }>('/months', { query: { year }, signal }),
  });
}

export function useAdjustments(month: string, enabled = true) {
  const query = { month, limit: 100 };
  return useQuery({
    queryKey: reportsKeys.adjustments(month),
    queryFn: ({ signal }) => api<Page<TAdjustment>>('/month-adjustments', { query, signal }),
    enabled,
  });
}

/** Any write of the reports feature; refreshes every reports query after it. */
export function useReportsAction<T = unknown>() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, method = 'POST' }: { path: string; body: unknown; method?: 'POST' | 'PUT' }) =>
      api<T>(path, { method, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportsKeys.all }),
  });
}
