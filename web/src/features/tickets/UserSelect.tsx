import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../shared/useDebounced';
import { useUserOptions } from '../../shared/useUserOptions';

/** Picks an active staff member by name, user name or employee number (server-side search). */
export function UserSelect({
  value,
  onChange,
  placeholder,
  allowClear = true,
  testId,
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
}) {
  const [search, setSearch] = useState('');
  const users = useUserOptions(useDebounced(search));
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={allowClear}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      placeholder={placeholder}
      loading={users.isFetching}
      options={(users.data ?? []).map((user) => ({
        value: user.id,
        label: user.employeeNo ? `${user.name}（${user.employeeNo}）` : user.name,
      }))}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
