import { PlusOutlined } from '@ant-design/icons';
import type { TMeeting } from '@techserve/core';
import { Button, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { ResponsiveList } from '../../layout/ResponsiveList';
import { useSession } from '../auth/useSession';
import { LoadMore } from '../../shared/LoadMore';
import { formatInstant } from '../field/formatInstant';
import { useMeetingList } from './useMeetings';
import './i18n';

/** MTG-1: the department's meetings with their open and overdue action items. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const list = useMeetingList<TMeeting>('/meetings');
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const link = (m: TMeeting) => <Link to={`/meetings/${m.id}`}>{m.title}</Link>;
  const open = (m: TMeeting) => (
    <Tag color={m.overdueActions ? 'red' : m.openActions ? 'blue' : 'default'}>
      {t('meetings.openCount', { open: m.openActions, overdue: m.overdueActions })}
    </Tag>
  );
  return (
    <>
      <PageHeader
        title={t('meetings.meetings')}
        extra={
          can('meetings.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/meetings/new')} data-testid="meeting-new">
              {t('meetings.newMeeting')}
            </Button>
          )
        }
      />
      <ResponsiveList<TMeeting>
        items={rows}
        loading={list.isLoading}
        empty={t('meetings.empty')}
        testId="meetings"
        columns={[
          { title: t('meetings.title'), key: 'title', render: (_, m) => link(m) },
          { title: t('meetings.kind'), key: 'kind', render: (_, m) => t(`meetings.kind_${m.kind}`) },
          { title: t('meetings.heldAt'), key: 'held', render: (_, m) => formatInstant(m.heldAt) },
          { title: t('meetings.chair'), key: 'chair', render: (_, m) => m.chairName ?? '—' },
          { title: t('meetings.actions'), key: 'open', render: (_, m) => open(m) },
        ]}
        card={(m) => (
          <Flex vertical gap={4}>
            <Typography.Text strong>{link(m)}</Typography.Text>
            <Typography.Text type="secondary">
              {t(`meetings.kind_${m.kind}`)} · {formatInstant(m.heldAt)}
            </Typography.Text>
            <div>{open(m)}</div>
          </Flex>
        )}
      />
      <LoadMore list={list} count={rows.length} testId="meetings-more" />
    </>
  );
}
