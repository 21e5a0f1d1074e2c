import type { TCustomer } from '@techserve/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { ticketKeys } from './ticketKeys';

/** Customers matching `q` (name, short name, code, contact name or phone) for the intake type-ahead. */
export function useCustomerOptions(q: string, enabled = true) {
  return useQuery({
    queryKey: ticketKeys.customers(q),
    queryFn: ({ signal }) => api<Page<TCustomer>>('/customers', { query: { q: q || undefined, limit: 20 }, signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
