import type { TAuditEntry } from '@techserve/core';
import { Button, DatePicker, Flex, Form, Input, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { AuditChange } from './AuditChange';
import { type TAuditFilters, useAudit } from './useAudit';
import { ListTable } from '../../layout/ListTable';

type FilterValues = { entity?: string; action?: string; range?: [Dayjs | null, Dayjs | null] | null };

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<TAuditFilters>({});
  const audit = useAudit(filters);
  const rows = useMemo(() => audit.data?.pages.flatMap((page) => page.items) ?? [], [audit.data]);

  const apply = (values: FilterValues) => {
    const [from, to] = values.range ?? [];
    setFilters({
      entity: values.entity?.trim() || undefined,
      action: values.action?.trim() || undefined,
      from: from ? from.startOf('day').toISOString() : undefined,
      to: to ? to.endOf('day').toISOString() : undefined,
    });
  };

  const columns: ColumnsType<TAuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      key: 'at',
      width: 170,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 120,
      render: (_, entry) => entry.actorName ?? t('audit.system'),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      width: 140,
      render: (action) => <Tag>{action}</Tag>,
    },
    { title: t('audit.entity'), dataIndex: 'entity', key: 'entity', width: 130 },
    { title: t('audit.entityId'), dataIndex: 'entityId', key: 'entityId', width: 90 },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', width: 130 },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Form<FilterValues> layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="entity" label={t('audit.filterEntity')}>
          <Input allowClear placeholder="user" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.filterAction')}>
          <Input allowClear placeholder="update" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="range" label={t('audit.dateRange')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ maxWidth: 'calc(100vw - 40px)' }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t('audit.apply')}
          </Button>
        </Form.Item>
      </Form>
      <ListTable<TAuditEntry>
        columns={columns}
        dataSource={rows}
        loading={audit.isLoading}
        expandable={{
          expandedRowRender: (entry) => <AuditChange entry={entry} />,
          rowExpandable: (entry) => entry.before != null || entry.after != null,
        }}
        data-testid="audit-table"
      />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {audit.hasNextPage && (
          <Button loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
    </>
  );
}
