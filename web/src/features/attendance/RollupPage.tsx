import type { TAttendanceRollup } from '@techserve/core';
import { DatePicker, Flex, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { useRollup } from './useAttendance';
import './i18n';

/**
 * RS-5 (item 6): the month roll-up per person in the reader's scope — the supervisor's department, HR's company, the
 * client IT office's site — late count and minutes, early leaves, absences, points, and the absence explanation due,
 * each row expanding to its explanations.
 */
export function RollupPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? dayjs().format('YYYY-MM');
  const rollup = useRollup(month);
  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={t('attendance.rollupTitle')}
        extra={
          <DatePicker
            picker="month"
            value={dayjs(`${month}-01`)}
            allowClear={false}
            inputReadOnly
            aria-label={t('attendance.month')}
            onChange={(d) => d && setParams({ month: d.format('YYYY-MM') }, { replace: true })}
            data-testid="rollup-month"
          />
        }
      />
      {rollup.data?.closed && <Tag color="purple">{t('attendance.closed')}</Tag>}
      <Table<TAttendanceRollup>
        rowKey="userId"
        size="small"
        loading={rollup.isLoading}
        dataSource={rollup.data?.items ?? []}
        locale={{ emptyText: t('attendance.rollupEmpty') }}
        scroll={{ x: 900 }}
        pagination={false}
        data-testid="rollup-table"
        expandable={{
          expandedRowRender: (r) => (
            <Flex vertical gap={4}>
              {r.explanations.map((e, i) => (
                <ExplanationLine key={i} explanation={e} testId="rollup-explanation" />
              ))}
            </Flex>
          ),
        }}
        columns={[
          {
            title: t('attendance.person'),
            dataIndex: 'userName',
            render: (name: string, r) => <Link to={`/attendance/month?month=${month}&userId=${r.userId}`}>{name}</Link>,
          },
          { title: t('attendance.siteName'), dataIndex: 'siteName', render: (s: string | null) => s ?? t('attendance.headquarters') },
          { title: t('attendance.workingDays'), dataIndex: 'workingDays' },
          { title: t('attendance.presentDays'), dataIndex: 'presentDays' },
          { title: t('attendance.leaveDays'), dataIndex: 'leaveDays' },
          { title: t('attendance.tripDays'), dataIndex: 'tripDays' },
          {
            title: t('attendance.lateCount'),
            render: (_: unknown, r) => t('attendance.lateAndMinutes', { count: r.lateCount, minutes: r.lateMinutes }),
          },
          { title: t('attendance.earlyCount'), dataIndex: 'earlyCount' },
          { title: t('attendance.absences'), dataIndex: 'absences' },
          { title: t('attendance.missingPunches'), dataIndex: 'missingPunches' },
          { title: t('attendance.conductPoints'), dataIndex: 'conductPoints' },
          {
            title: t('attendance.explanations'),
            render: (_: unknown, r) => (
              <Flex gap={4} wrap>
                {r.explanationDue && (
                  <Tag color="orange" data-testid={`due-${r.userId}`}>
                    {t('attendance.explanationDue')}
                  </Tag>
                )}
                {r.resignationProposal && <Tag color="red">{t('attendance.resignationProposal')}</Tag>}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
