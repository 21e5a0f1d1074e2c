import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../shared/useDebounced';
import { useUserOptions } from '../../shared/useUserOptions';

/** Picks several active staff members by name (server-side search); names already chosen stay visible. */
export function StaffMultiSelect({
  id,
  value,
  onChange,
  known = [],
  testId,
}: {
  id?: string;
  value?: number[];
  onChange?: (value: number[]) => void;
  known?: { id: number; name: string }[];
  testId?: string;
}) {
  const [search, setSearch] = useState('');
  const users = useUserOptions(useDebounced(search));
  const options = new Map<number, string>(known.map((k) => [k.id, k.name]));
  for (const u of users.data ?? []) options.set(u.id, u.employeeNo ? `${u.name}（${u.employeeNo}）` : u.name);
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? []}
      onChange={(next) => onChange?.(next)}
      loading={users.isFetching}
      options={[...options].map(([value, label]) => ({ value, label }))}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
