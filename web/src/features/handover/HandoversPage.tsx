import type { THandoverSummary } from '@techserve/core';
import { Button, Card, Flex, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { LoadMore } from '../../shared/LoadMore';
import { useSession } from '../auth/useSession';
import { formatInstant } from '../field/formatInstant';
import { useHandoverList } from './useHandover';
import './i18n';

const STATUS_COLOR = { open: 'blue', completed: 'green', cancelled: 'default' } as const;

/** HO-1: the handovers one may run or takes part in, newest first. */
export function HandoversPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [status, setStatus] = useState<string | undefined>('open');
  const list = useHandoverList<THandoverSummary>('/handovers', { status });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <PageHeader
        title={t('handover.handovers')}
        extra={
          can('handover.manage') && (
            <Link to="/handovers/new">
              <Button type="primary">{t('handover.newHandover')}</Button>
            </Link>
          )
        }
      />
      <Select
        allowClear
        style={{ maxWidth: 200 }}
        aria-label={t('handover.status')}
        value={status}
        onChange={setStatus}
        options={(['open', 'completed', 'cancelled'] as const).map((s) => ({ value: s, label: t(`handover.status_${s}`) }))}
      />
      <List
        loading={list.isLoading}
        dataSource={items}
        locale={{ emptyText: t('handover.empty') }}
        renderItem={(h) => (
          <List.Item key={h.id}>
            <Card size="small" style={{ width: '100%' }}>
              <Flex justify="space-between" wrap gap={8}>
                <Link to={`/handovers/${h.id}`}>
                  <Typography.Text strong>
                    {h.user.name} → {h.successor.name}
                  </Typography.Text>
                </Link>
                <Flex gap={4}>
                  <Tag>{t(`handover.kind_${h.kind}`)}</Tag>
                  <Tag color={STATUS_COLOR[h.status]}>{t(`handover.status_${h.status}`)}</Tag>
                  {h.status === 'open' && <Tag color={h.open ? 'orange' : 'green'}>{t('handover.openCount', { count: h.open })}</Tag>}
                </Flex>
              </Flex>
              <Typography.Text type="secondary">
                {t('handover.manager')}：{h.manager.name} · {t('handover.startedBy')}：{h.startedByName} · {formatInstant(h.startedAt)}
              </Typography.Text>
            </Card>
          </List.Item>
        )}
      />
      <LoadMore list={list} count={items.length} />
    </Flex>
  );
}
