import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Grid, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { CalendarFormModal } from './CalendarFormModal';
import type { TCalendarSummary } from './calendarTypes';
import { useCalendars } from './useCalendars';
import { ListTable } from '../../layout/ListTable';

/** All calendars, with New calendar for managers. */
export function CalendarList({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const editable = can('calendars.manage');
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const calendars = useCalendars();
  const [creating, setCreating] = useState(false);
  // On a phone the zone and mode move under the name, so the counts stay in view without scrolling.
  const compact = !Grid.useBreakpoint().sm;

  const remove = useMutation({
    mutationFn: (id: number) => api(`/calendars/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      message.success(t('common.deleted'));
      void queryClient.invalidateQueries({ queryKey: ['calendars'] });
    },
    onError: (error) => showError(error),
  });

  const columns: ColumnsType<TCalendarSummary> = [
    {
      title: t('calendars.name'),
      key: 'name',
      render: (_, c) => (
        <Flex vertical gap={2}>
          <Space size={4} wrap>
            <Typography.Link onClick={() => onOpen(c.id)} data-testid={`calendar-open-${c.id}`}>
              {c.name}
            </Typography.Link>
            {c.isDefault && <Tag color="blue">{t('calendars.defaultTag')}</Tag>}
          </Space>
          {compact && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.timeZone} · {t(`calendars.mode_${c.mode}`)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    ...(compact
      ? []
      : ([
          { title: t('calendars.timeZone'), dataIndex: 'timeZone', key: 'timeZone' },
          { title: t('calendars.mode'), key: 'mode', render: (_, c) => t(`calendars.mode_${c.mode}`) },
        ] satisfies ColumnsType<TCalendarSummary>)),
    { title: t('calendars.holidayCount'), dataIndex: 'holidayCount', key: 'holidays', align: 'right' },
    { title: t('calendars.makeupCount'), dataIndex: 'makeupCount', key: 'makeup', align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Space size={0}>
          {!compact && (
            <Button type="link" size="small" onClick={() => onOpen(c.id)}>
              {t('calendars.open')}
            </Button>
          )}
          {editable && !c.isDefault && (
            <Popconfirm
              title={t('calendars.deleteConfirm')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutate(c.id)}
            >
              <Button type="link" size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="calendars-page">
      <PageHeader
        title={t('calendars.title')}
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="calendar-create">
              {t('calendars.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('calendars.intro')}</Typography.Paragraph>
      <ListTable<TCalendarSummary> columns={columns} dataSource={calendars.data?.items} loading={calendars.isLoading} />
      <CalendarFormModal open={creating} onClose={() => setCreating(false)} onCreated={(c) => onOpen(c.id)} />
    </div>
  );
}
