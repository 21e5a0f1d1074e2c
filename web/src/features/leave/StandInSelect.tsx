import type { TStandInCandidate } from '@techserve/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useDebounced } from '../../shared/useDebounced';
import { leaveKeys } from './leaveKeys';
import './i18n';

/**
 * RS-4: picks the colleague who covers the duties, searching the department's colleagues on the server as the user
 * types (GET /leave/stand-ins: works for an engineer who sees no other users); `known` names an already chosen
 * stand-in (an extension keeps the one of the leave it extends).
 */
export function StandInSelect({
  id,
  value,
  onChange,
  known,
}: {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  known?: { id: number; name: string } | null;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search);
  const colleagues = useQuery({
    queryKey: leaveKeys.standIns(q),
    queryFn: ({ signal }) => api<{ items: TStandInCandidate[] }>('/leave/stand-ins', { query: { q: q || undefined }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const options = new Map<number, string>(known ? [[known.id, known.name]] : []);
  for (const user of colleagues.data?.items ?? []) options.set(user.id, user.employeeNo ? `${user.name}（${user.employeeNo}）` : user.name);
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      loading={colleagues.isFetching}
      notFoundContent={colleagues.isFetching ? undefined : t('leave.standInNone')}
      options={[...options].map(([userId, name]) => ({ value: userId, label: name }))}
      style={{ width: '100%' }}
    />
  );
}
