import type { TMeetingAction } from '@techserve/core';
import { Card, Empty, Flex, List, Segmented, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MineAllToggle } from '../../layout/MineAllToggle';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { LoadMore } from '../../shared/LoadMore';
import { ActionItemRow } from './ActionItemRow';
import { useMeetingList } from './useMeetings';
import './i18n';

const FILTERS = ['open', 'overdue', 'done', 'all'] as const;

/** MTG-1: the action items to follow up — mine, or everyone's for a meeting manager — open, overdue or done. */
export function MyActionsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [state, setState] = useState<(typeof FILTERS)[number]>('open');
  const [view, setView] = useState<'mine' | 'all'>('mine');
  const list = useMeetingList<TMeetingAction>('/meeting-actions', { state, view });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  return (
    <Flex vertical gap={12} style={{ maxWidth: 900 }}>
      <PageHeader title={t('meetings.myActions')} />
      <Flex gap={8} wrap>
        <Segmented
          value={state}
          onChange={(v) => setState(v as typeof state)}
          options={FILTERS.map((f) => ({ value: f, label: t(`meetings.filter_${f}`) }))}
        />
        {can('meetings.manage') && (
          <MineAllToggle value={view} onChange={setView} mine={t('meetings.viewMine')} all={t('meetings.viewAll')} style={{}} />
        )}
      </Flex>
      <Card size="small">
        {list.isLoading ? (
          <Spin />
        ) : rows.length === 0 ? (
          <Empty description={t('meetings.empty')} />
        ) : (
          <List dataSource={rows} renderItem={(a) => <List.Item key={a.id}>{<ActionItemRow action={a} showMeeting />}</List.Item>} />
        )}
      </Card>
      <LoadMore list={list} count={rows.length} testId="actions-more" />
    </Flex>
  );
}
