import { PlusOutlined } from '@ant-design/icons';
import type { TDeliveryStatus, TDeliverySummary } from '@techserve/core';
import { Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeliveryCreateModal } from './DeliveryCreateModal';
import { LoadMore } from '../../shared/LoadMore';
import { projectKeys } from './projectKeys';
import { usePagedList } from '../../shared/usePagedList';
import './i18n';

const STATUS_COLOR: Record<TDeliveryStatus, string> = { planned: 'default', notified: 'processing', signed: 'success' };

export function DeliveryStatusTag({ status, discrepancy }: { status: TDeliveryStatus; discrepancy: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={STATUS_COLOR[status]}>{t(`projects.deliveries.status.${status}`)}</Tag>
      {discrepancy && <Tag color="red">{t('projects.deliveries.discrepancy')}</Tag>}
    </>
  );
}

/** FS-13: deliveries in scope (of one project when given), with a create button. */
export function DeliveriesList({ projectId, customerId, canCreate }: { projectId?: number; customerId?: number; canCreate: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const list = usePagedList<TDeliverySummary>('/deliveries', projectKeys.deliveryList({ projectId }), { projectId });
  return (
    <div>
      {canCreate && (
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginBottom: 8 }} data-testid="delivery-create">
          {t('projects.deliveries.create')}
        </Button>
      )}
      <Table<TDeliverySummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: true }}
        dataSource={list.data?.pages.flatMap((p) => p.items) ?? []}
        columns={[
          { key: 'id', title: '#', render: (_, d) => <Link to={`/projects/deliveries/${d.id}`}>{`#${d.id}`}</Link> },
          { key: 'customer', title: t('projects.customer'), render: (_, d) => d.projectName ?? d.customerName },
          { key: 'address', title: t('projects.deliveries.address'), dataIndex: 'address', responsive: ['md'] },
          {
            key: 'status',
            title: t('projects.statusLabel'),
            render: (_, d) => <DeliveryStatusTag status={d.status} discrepancy={d.discrepancy} />,
          },
        ]}
      />
      <LoadMore list={list} />
      <DeliveryCreateModal open={creating} onClose={() => setCreating(false)} projectId={projectId} customerId={customerId} />
    </div>
  );
}

export function DeliveriesPage() {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Title level={3}>{t('projects.deliveries.title')}</Typography.Title>
      <DeliveriesList canCreate />
    </div>
  );
}
