import { Select } from 'antd';
import type { TProduct } from '../org/orgTypes';
import { useOrgList } from '../org/useOrgList';

type Props = {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The name of the current product, shown even when the product list cannot be read. */
  currentName?: string;
};

/** A product of the organisation's catalogue (name · model), searchable. */
export function ProductSelect({ id, value, onChange, currentName }: Props) {
  const products = useOrgList<TProduct>('products');
  const options = (products.data ?? []).map((product) => ({
    value: product.id,
    label: product.model ? `${product.name} · ${product.model}` : product.name,
  }));
  if (value != null && currentName && !options.some((option) => option.value === value)) options.push({ value, label: currentName });
  return (
    <Select
      id={id}
      showSearch={{ optionFilterProp: 'label' }}
      loading={products.isLoading}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      data-testid="product-select"
    />
  );
}
