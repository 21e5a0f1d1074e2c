import type { TCustomerFile } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ticketKeys } from './ticketKeys';

/** CU-1: the chosen customer's file — contacts, sites, installed products with warranty, contracts. */
export function useIntakeCustomerFile(customerId: number | undefined) {
  return useQuery({
    queryKey: ticketKeys.customerFile(customerId ?? 0),
    queryFn: ({ signal }) => api<TCustomerFile>(`/customers/${customerId}/file`, { signal }),
    enabled: Boolean(customerId),
  });
}
