import type { TCustomer } from '@techserve/core';
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerOptions } from './useCustomerOptions';
import { useDebounced } from '../../shared/useDebounced';
import './i18n';

const label = (customer: TCustomer) =>
  [customer.name, customer.shortName && customer.shortName !== customer.name ? customer.shortName : null, customer.code]
    .filter(Boolean)
    .join(' · ');

/**
 * Customer type-ahead: searches the server (name, short name, code, contact name or phone) as the user types,
 * debounced, so it is fast during a phone call.
 */
export function CustomerSelect({
  value,
  onChange,
  knownName,
  placeholder,
  style,
  size,
  autoFocus,
  testId,
}: {
  value?: number;
  onChange?: (customerId: number | undefined, customer?: TCustomer) => void;
  knownName?: string;
  placeholder?: string;
  style?: CSSProperties;
  size?: 'large' | 'middle';
  autoFocus?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const customers = useCustomerOptions(useDebounced(search.trim(), 250));
  const items = customers.data?.items ?? [];
  const options = items.map((customer) => ({ value: customer.id, label: label(customer) }));
  if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: knownName ?? `#${value}` });
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      autoFocus={autoFocus}
      size={size}
      value={value}
      placeholder={placeholder}
      notFoundContent={customers.isFetching ? t('common.loading') : t('tickets.noCustomerFound')}
      loading={customers.isFetching}
      onChange={(id) =>
        onChange?.(
          id ?? undefined,
          items.find((customer) => customer.id === id),
        )
      }
      options={options}
      style={style}
      data-testid={testId}
    />
  );
}
