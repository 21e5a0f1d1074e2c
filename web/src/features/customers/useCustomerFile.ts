import type { TCustomerFile } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { customerKeys } from './customerKeys';

/** CU-1: the customer file (客户资料表) of one customer. */
export function useCustomerFile(id: number) {
  return useQuery({
    queryKey: customerKeys.file(id),
    queryFn: ({ signal }) => api<TCustomerFile>(`/customers/${id}/file`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}
