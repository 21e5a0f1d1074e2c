import { Segmented } from 'antd';
import type { CSSProperties } from 'react';

export type TMineAll = 'mine' | 'all';

/** Switches a list between "mine" and "all" (a manager's wider view); labels come from the feature's texts. */
export function MineAllToggle({
  value,
  onChange,
  mine,
  all,
  style = { marginBottom: 12 },
}: {
  value: TMineAll;
  onChange: (value: TMineAll) => void;
  mine: string;
  all: string;
  style?: CSSProperties;
}) {
  return (
    <Segmented
      style={style}
      value={value}
      onChange={(v) => onChange(v as TMineAll)}
      options={[
        { value: 'mine', label: mine },
        { value: 'all', label: all },
      ]}
    />
  );
}
