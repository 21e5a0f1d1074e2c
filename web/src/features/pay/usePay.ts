import type { TCommissionEntry, TPayDashboard, TPayProfile, TPayroll, TTierProposalOut, TWelderProposalOut } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import './i18n';

export const payKeys = {
  all: ['pay'] as const,
  payroll: (month: string) => ['pay', 'payroll', month] as const,
  commission: (state: string | undefined) => ['pay', 'commission', state ?? 'all'] as const,
  profiles: ['pay', 'profiles'] as const,
  tiers: (month: string) => ['pay', 'tiers', month] as const,
  welders: (month: string) => ['pay', 'welders', month] as const,
  dashboard: (from: string, to: string) => ['pay', 'dashboard', from, to] as const,
};

export const usePayroll = (month: string) =>
  useQuery({
    queryKey: payKeys.payroll(month),
    queryFn: ({ signal }) => api<TPayroll>(`/pay/payroll?month=${month}`, { signal }),
    retry: false,
  });

export const useCommissionEntries = (state: string | undefined) =>
  useQuery({
    queryKey: payKeys.commission(state),
    queryFn: ({ signal }) => api<{ items: TCommissionEntry[] }>(`/pay/commission${state ? `?state=${state}` : ''}`, { signal }),
  });

export const usePayProfiles = () =>
  useQuery({ queryKey: payKeys.profiles, queryFn: ({ signal }) => api<{ items: TPayProfile[] }>('/pay/profiles', { signal }) });

export const useTierProposals = (month: string) =>
  useQuery({
    queryKey: payKeys.tiers(month),
    queryFn: ({ signal }) => api<{ items: TTierProposalOut[] }>(`/pay/tier-proposals?month=${month}`, { signal }),
  });

/** PAY-3/PAY-3b: welder grade-ups and probation assessments due at the month's end. */
export const useWelderProposals = (month: string) =>
  useQuery({
    queryKey: payKeys.welders(month),
    queryFn: ({ signal }) => api<{ items: TWelderProposalOut[] }>(`/pay/welder-proposals?month=${month}`, { signal }),
  });

export const usePayDashboard = (from: string, to: string) =>
  useQuery({
    queryKey: payKeys.dashboard(from, to),
    queryFn: ({ signal }) => api<TPayDashboard>(`/pay/dashboard?from=${from}&to=${to}`, { signal }),
    enabled: from <= to,
  });

export function usePayWrite<T>() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, method = 'POST' }: { path: string; body: unknown; method?: 'POST' | 'PUT' }) =>
      api<T>(path, { method, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: payKeys.all }),
  });
}

export function usePayError() {
  const { t } = useTranslation();
  return useApiError({ reload: [payKeys.all], conflictMessage: t('pay.conflictReloaded') });
}
