import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { useUserOptions, userOption } from '../../shared/useUserOptions';
import { OrgRefLabel } from './OrgRefLabel';
import type { TProduct, TProductExperts } from './orgTypes';
import { useOrgList } from './useOrgList';
import { useQuery } from '@tanstack/react-query';
import { ListTable } from '../../layout/ListTable';

type Row = TProduct & { experts: TProductExperts['experts'] };

/** ORG-3: per product, the expert engineers in consulting order. */
export function ProductExpertsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const products = useOrgList<TProduct>('products');
  const userOptions = useUserOptions('', 200);
  const table = useQuery({
    queryKey: ['org', 'product-experts'],
    queryFn: ({ signal }) => api<{ items: TProductExperts[] }>('/product-experts', { signal }).then((r) => r.items),
    enabled: can('org.read'),
  });
  const [editing, setEditing] = useState<Row | null>(null);
  const [selected, setSelected] = useState<number[]>([]);

  const rows = useMemo<Row[]>(() => {
    const byProduct = new Map((table.data ?? []).map((entry) => [entry.productId, entry.experts]));
    return (products.data ?? []).map((product) => ({
      ...product,
      experts: [...(byProduct.get(product.id) ?? [])].sort((a, b) => a.rank - b.rank),
    }));
  }, [products.data, table.data]);

  const save = useMutation({
    mutationFn: ({ productId, userIds }: { productId: number; userIds: number[] }) =>
      api(`/products/${productId}/experts`, { method: 'PUT', body: { userIds } }),
    onSuccess: () => {
      message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['org', 'product-experts'] });
      setEditing(null);
    },
    onError: (error) => showError(error),
  });

  const columns: ColumnsType<Row> = [
    { title: t('org.product'), dataIndex: 'name', key: 'name', width: 180 },
    {
      title: t('org.productLine'),
      key: 'productLine',
      width: 140,
      render: (_, row) => <OrgRefLabel source="product-lines" id={row.productLineId} />,
    },
    {
      title: t('org.experts'),
      key: 'experts',
      render: (_, row) =>
        row.experts.length === 0 ? (
          t('common.none')
        ) : (
          <Space size={[4, 4]} wrap>
            {row.experts.map((expert, index) => (
              <Tag key={expert.userId} color={index === 0 ? 'gold' : undefined}>
                {index + 1}. {expert.name}
              </Tag>
            ))}
          </Space>
        ),
    },
  ];
  if (can('org.manage')) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, row) => (
        <Button
          type="link"
          size="small"
          onClick={() => {
            setSelected(row.experts.map((expert) => expert.userId));
            setEditing(row);
          }}
        >
          {t('org.editExperts')}
        </Button>
      ),
    });
  }

  // Experts not in the picker's user list (e.g. outside the first page) still need a label.
  const options = useMemo(() => {
    const known = new Map((userOptions.data ?? []).map(userOption).map((option) => [option.value, option.label]));
    for (const expert of editing?.experts ?? []) if (!known.has(expert.userId)) known.set(expert.userId, expert.name);
    return [...known].map(([value, label]) => ({ value, label }));
  }, [userOptions.data, editing]);

  return (
    <>
      <PageHeader title={t('nav.productExperts')} />
      <ListTable<Row> columns={columns} dataSource={rows} loading={products.isLoading || table.isLoading} />
      <Modal
        open={editing !== null}
        title={`${t('org.editExperts')} · ${editing?.name ?? ''}`}
        onCancel={() => setEditing(null)}
        onOk={() => editing && save.mutate({ productId: editing.id, userIds: selected })}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
      >
        <Typography.Paragraph type="secondary">{t('org.expertsHint')}</Typography.Paragraph>
        <Select
          mode="multiple"
          aria-label={t('org.experts')}
          style={{ width: '100%' }}
          value={selected}
          onChange={setSelected}
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          labelRender={({ value, label }) => `${selected.indexOf(value as number) + 1}. ${label}`}
        />
      </Modal>
    </>
  );
}
