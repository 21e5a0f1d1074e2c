import type { TPolicyDiff, TPolicyVersionDetail, TPolicyVersionSummary } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const policyKeys = {
  all: ['policy'] as const,
  versions: ['policy', 'versions'] as const,
  version: (number: number) => ['policy', 'version', number] as const,
  diff: (from: number, to: number) => ['policy', 'diff', from, to] as const,
};

export function usePolicyVersions() {
  return useQuery({
    queryKey: policyKeys.versions,
    queryFn: ({ signal }) => api<{ items: TPolicyVersionSummary[] }>('/policy/versions', { signal }),
  });
}

export function usePolicyVersion(number: number | null) {
  return useQuery({
    queryKey: policyKeys.version(number ?? 0),
    queryFn: ({ signal }) => api<TPolicyVersionDetail>(`/policy/versions/${number}`, { signal }),
    enabled: number !== null,
  });
}

export function usePolicyDiff(from: number | null, to: number | null) {
  return useQuery({
    queryKey: policyKeys.diff(from ?? 0, to ?? 0),
    queryFn: ({ signal }) => api<TPolicyDiff>('/policy/diff', { query: { from, to }, signal }),
    enabled: from !== null && to !== null,
  });
}
