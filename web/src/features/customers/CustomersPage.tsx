import { PlusOutlined } from '@ant-design/icons';
import type { TCustomer } from '@techserve/core';
import { Button, Flex, Input, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ExportButton } from '../../layout/ExportButton';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { CustomerFormModal } from './CustomerFormModal';
import { RowActions } from './RowActions';
import { useCustomers } from './useCustomers';
import { useDeleteRecord } from './useDeleteRecord';
import { useRegionName } from './useRegionName';
import './i18n';
import { ListTable } from '../../layout/ListTable';

/** CU-1: customers, searched by name, short name, code, contact name or phone. */
export function CustomersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState<string | undefined>();
  // null: closed; {}: a new customer; { customer }: editing that one.
  const [editing, setEditing] = useState<{ customer?: TCustomer } | null>(null);
  const canManage = can('customers.manage');
  const remove = useDeleteRecord('customers');
  const regionName = useRegionName();
  const customers = useCustomers(q);
  const rows = useMemo(() => customers.data?.pages.flatMap((page) => page.items) ?? [], [customers.data]);

  const columns: ColumnsType<TCustomer> = [
    {
      title: t('customers.name'),
      key: 'name',
      render: (_, customer) => <Link to={`/customers/${customer.id}`}>{customer.name}</Link>,
    },
    { title: t('customers.shortName'), dataIndex: 'shortName', key: 'shortName', width: 140 },
    { title: t('customers.code'), dataIndex: 'code', key: 'code', width: 120 },
    { title: t('customers.industry'), dataIndex: 'industry', key: 'industry', width: 120 },
    { title: t('customers.region'), key: 'region', width: 120, render: (_, customer) => regionName(customer.regionId) },
    { title: t('customers.address'), dataIndex: 'address', key: 'address' },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, customer) => (
        <RowActions
          testId={`customer-${customer.id}`}
          onEdit={() => setEditing({ customer })}
          onDelete={() => remove.mutate(customer.id)}
          deleteTitle={t('customers.confirmDelete', { name: customer.name })}
        />
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        extra={
          <Space wrap>
            <ExportButton path="/exports/customers.xlsx" query={{ q }} testId="customers-export" />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} data-testid="customer-create" onClick={() => setEditing({})}>
                {t('customers.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t('common.search')}
          placeholder={t('customers.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => setQ(value.trim() || undefined)}
          style={{ width: 320, maxWidth: '100%' }}
          data-testid="customer-search"
        />
      </Flex>
      <ListTable<TCustomer> columns={columns} dataSource={rows} loading={customers.isLoading} data-testid="customers-table" />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {customers.hasNextPage ? (
          <Button loading={customers.isFetchingNextPage} onClick={() => void customers.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('common.noMore')}</span>
        )}
      </Flex>
      {canManage && (
        <CustomerFormModal
          open={editing !== null}
          customer={editing?.customer}
          onClose={(saved) => {
            const created = saved && !editing?.customer;
            setEditing(null);
            if (created) navigate(`/customers/${saved.id}`);
          }}
        />
      )}
    </>
  );
}
