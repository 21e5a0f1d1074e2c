import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../shared/useDebounced';
import { useUserOptions } from '../../shared/useUserOptions';

/** Picks several staff members (the engineers on a project), searching the server as the user types. */
export function MemberSelect({
  value,
  onChange,
  known = [],
}: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  known?: { id: number; name: string }[];
}) {
  const [search, setSearch] = useState('');
  const users = useUserOptions(useDebounced(search));
  const options = new Map<number, string>(known.map((u) => [u.id, u.name]));
  for (const user of users.data ?? []) options.set(user.id, user.name);
  return (
    <Select<number[]>
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? []}
      onChange={(ids) => onChange?.(ids)}
      loading={users.isFetching}
      options={[...options].map(([id, name]) => ({ value: id, label: name }))}
    />
  );
}
