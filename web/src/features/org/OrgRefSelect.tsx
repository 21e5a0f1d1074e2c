import { Select } from 'antd';
import type { TRefSource } from './orgEntityConfigs';
import { useRefOptions } from './useRefOptions';

type Props = {
  source: TRefSource;
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Leave this record out (a record cannot be its own parent). */
  excludeId?: number;
  id?: string;
};

export function OrgRefSelect({ source, value, onChange, excludeId, id }: Props) {
  const options = useRefOptions(source).filter((option) => option.value !== excludeId);
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
    />
  );
}
