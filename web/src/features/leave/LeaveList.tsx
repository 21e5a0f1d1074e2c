import type { TLeaveRequest } from '@techserve/core';
import { Card, Empty, Flex, Grid, Spin, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable } from '../../layout/ListTable';
import { LeaveFlags } from './LeaveFlags';
import { leavePeriod } from './leavePeriod';
import { LeaveStatusTag } from './LeaveStatusTag';
import { leaveTypeName } from './leaveTypeName';
import './i18n';

/**
 * Leave requests: a table on wider screens; on a phone one card each (type and status, dates and days, the flags, the
 * actions) so nothing scrolls sideways. `showApplicant` adds who asked (approvals); `actions` renders a row's buttons.
 */
export function LeaveList({
  items,
  loading,
  showApplicant = false,
  empty,
  actions,
  testId = 'leave-list',
}: {
  items: TLeaveRequest[];
  loading?: boolean;
  showApplicant?: boolean;
  empty: string;
  actions?: (leave: TLeaveRequest) => ReactNode;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const isPhone = Grid.useBreakpoint().sm === false;
  const link = (leave: TLeaveRequest, text: ReactNode) => <Link to={`/leave/${leave.id}`}>{text}</Link>;

  if (isPhone) {
    return (
      <Flex vertical gap={8} data-testid={testId}>
        {loading && <Spin />}
        {!loading && items.length === 0 && <Empty description={empty} />}
        {items.map((leave) => (
          <Card key={leave.id} size="small" data-testid="leave-card">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong>
                {link(
                  leave,
                  showApplicant ? `${leave.userName} · ${leaveTypeName(leave, i18n.language)}` : leaveTypeName(leave, i18n.language),
                )}
              </Typography.Text>
              <LeaveStatusTag status={leave.status} />
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0' }}>
              {leavePeriod(leave)} · {t('leave.daysShort', { count: leave.days })}
            </Typography.Text>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '0 0 4px' }}>
              {leave.reason}
            </Typography.Paragraph>
            <LeaveFlags leave={leave} />
            {actions && <div style={{ marginTop: 8 }}>{actions(leave)}</div>}
          </Card>
        ))}
      </Flex>
    );
  }

  const columns: ColumnsType<TLeaveRequest> = [
    { title: '#', key: 'id', render: (_, leave) => link(leave, `#${leave.id}`) },
    ...(showApplicant ? [{ title: t('leave.applicant'), dataIndex: 'userName', key: 'applicant' }] : []),
    { title: t('leave.type'), key: 'type', render: (_, leave) => link(leave, leaveTypeName(leave, i18n.language)) },
    { title: t('leave.period'), key: 'period', render: (_, leave) => <span style={{ whiteSpace: 'nowrap' }}>{leavePeriod(leave)}</span> },
    { title: t('leave.days'), dataIndex: 'days', key: 'days', align: 'right' },
    {
      title: t('leave.reason'),
      key: 'reason',
      render: (_, leave) => (
        <Typography.Text ellipsis={{ tooltip: leave.reason }} style={{ maxWidth: 200 }}>
          {leave.reason}
        </Typography.Text>
      ),
    },
    ...(showApplicant
      ? [{ title: t('leave.standIn'), key: 'standIn', render: (_: unknown, leave: TLeaveRequest) => leave.standInName ?? t('leave.none') }]
      : []),
    { title: t('leave.status'), key: 'status', render: (_, leave) => <LeaveStatusTag status={leave.status} /> },
    { title: t('leave.flags'), key: 'flags', render: (_, leave) => <LeaveFlags leave={leave} /> },
    // The actions stay in view while a wide row scrolls sideways.
    ...(actions
      ? [
          {
            title: t('leave.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, leave: TLeaveRequest) => actions(leave),
          },
        ]
      : []),
  ];
  return (
    <ListTable<TLeaveRequest>
      columns={columns}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: <Empty description={empty} /> }}
      data-testid={testId}
    />
  );
}
