import type { TRefSource } from './orgEntityConfigs';
import { useRefOptions } from './useRefOptions';

/** The display name of a referenced record (falls back to its id). */
export function OrgRefLabel({ source, id }: { source: TRefSource; id: number | null | undefined }) {
  const options = useRefOptions(source);
  if (id == null) return <>—</>;
  return <>{options.find((option) => option.value === id)?.label ?? `#${id}`}</>;
}
