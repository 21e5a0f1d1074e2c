import type { TCustomerFile, TInstalledProduct, TPartReplacement } from '@techserve/core';
import { Button, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../layout/ListTable';
import { InstalledProductFormModal } from './InstalledProductFormModal';
import { PartReplacementModal } from './PartReplacementModal';
import { RowActions } from './RowActions';
import { TabToolbar } from './TabToolbar';
import { useDeleteRecord } from './useDeleteRecord';
import { WarrantySummary } from './WarrantySummary';
import './i18n';

/** A row expands when there is more to see: its note or its part replacements. */
const hasDetails = (product: TInstalledProduct) => product.partReplacements.length > 0 || Boolean(product.note);

/** The part replacements of one installed product, shown when its row is expanded. */
function Replacements({ product }: { product: TInstalledProduct }) {
  const { t } = useTranslation();
  const columns: ColumnsType<TPartReplacement> = [
    { title: t('customers.part'), dataIndex: 'part', key: 'part' },
    { title: t('customers.replacedOn'), dataIndex: 'replacedOn', key: 'replacedOn' },
    {
      // CU-2: the part's own warranty, continued from its replacement date.
      title: t('customers.partWarrantyUntil'),
      key: 'partWarranty',
      render: (_, r) => {
        const own = product.warranty.parts?.find((p) => p.part === r.part && p.replacedOn === r.replacedOn);
        return own ? (
          <Tag color={own.status === 'in_warranty' ? 'green' : 'default'}>{t('customers.warrantyUntil', { date: own.endDate })}</Tag>
        ) : null;
      },
    },
    { title: t('customers.note'), dataIndex: 'note', key: 'note' },
  ];
  return (
    <>
      <Typography.Text strong>{t('customers.replacements')}</Typography.Text>
      <ListTable<TPartReplacement>
        size="small"
        columns={columns}
        dataSource={product.partReplacements}
        data-testid={`replacements-${product.id}`}
      />
    </>
  );
}

/** CU-1/CU-2: the installed products of a customer file with their warranty and part replacements. */
export function InstalledProductsTab({ file, canManage }: { file: TCustomerFile; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ product?: TInstalledProduct } | null>(null);
  const [replacing, setReplacing] = useState<TInstalledProduct | null>(null);
  const remove = useDeleteRecord('installed-products');
  const siteName = new Map(file.sites.map((site) => [site.id, site.name]));
  const none = t('common.none');

  const columns: ColumnsType<TInstalledProduct> = [
    { title: t('customers.product'), dataIndex: 'productName', key: 'product' },
    { title: t('customers.serialNumber'), dataIndex: 'serialNumber', key: 'serial' },
    { title: t('customers.siteName'), key: 'site', render: (_, p) => (p.siteId ? (siteName.get(p.siteId) ?? `#${p.siteId}`) : none) },
    { title: t('customers.acceptedOn'), key: 'acceptedOn', render: (_, p) => p.acceptedOn ?? none },
    { title: t('customers.warranty'), key: 'warranty', width: 280, render: (_, p) => <WarrantySummary warranty={p.warranty} /> },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, product) => (
        <RowActions
          testId={`product-${product.id}`}
          onEdit={() => setEditing({ product })}
          onDelete={() => remove.mutate(product.id)}
          deleteTitle={t('customers.confirmDeleteProduct')}
        >
          <Button type="link" size="small" onClick={() => setReplacing(product)} data-testid={`product-${product.id}-replace`}>
            {t('customers.recordReplacement')}
          </Button>
        </RowActions>
      ),
    });
  }

  return (
    <>
      {canManage && <TabToolbar label={t('customers.addProduct')} onAdd={() => setEditing({})} testId="product-add" />}
      <ListTable<TInstalledProduct>
        size="small"
        columns={columns}
        dataSource={file.installedProducts}
        expandable={
          file.installedProducts.some(hasDetails)
            ? {
                rowExpandable: hasDetails,
                expandedRowRender: (product) => (
                  <>
                    {product.note && <Typography.Paragraph type="secondary">{product.note}</Typography.Paragraph>}
                    {product.partReplacements.length > 0 && <Replacements product={product} />}
                  </>
                ),
              }
            : undefined
        }
        data-testid="customer-products"
      />
      {canManage && (
        <>
          <InstalledProductFormModal
            open={editing !== null}
            customerId={file.customer.id}
            product={editing?.product}
            sites={file.sites}
            onClose={() => setEditing(null)}
          />
          <PartReplacementModal open={replacing !== null} product={replacing ?? undefined} onClose={() => setReplacing(null)} />
        </>
      )}
    </>
  );
}
