import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, List, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { ObligationCard } from './ObligationCard';
import { ObligationTag } from './ObligationTag';
import { at, hours } from './reportDates';
import { useWeeklyReport } from './useReports';
import './i18n';

/**
 * WR-4: one weekly report — its late mark with the explanation (due Saturday 18:00, judged by the time received), the
 * week in numbers, the text, the market feedback (WR-3) — and its export named by the policy (<name>周报<MM-DD>).
 */
export function WeeklyReportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useWeeklyReport(Number(id));
  if (query.isLoading) return <Skeleton active />;
  const r = query.data;
  if (!r) return <Result status="404" title={t('reports.notFound')} />;
  const s = r.stats;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {t('reports.weeklyOf', { name: r.userName, week: r.weekStart })}
            {r.obligation && <ObligationTag state={r.obligation.state} lateMinutes={r.obligation.lateMinutes} />}
          </Flex>
        }
        extra={
          <Button icon={<DownloadOutlined />} href={`/api/v1/weekly-reports/${r.id}/export`} data-testid="weekly-export">
            {r.fileName}.pdf
          </Button>
        }
      />
      <ObligationCard obligation={r.obligation} />
      <Card size="small" title={t('reports.weekInNumbers')}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('reports.requestsWorked')}>{s.requestsWorked}</Descriptions.Item>
          <Descriptions.Item label={t('reports.requestsResolved')}>{s.requestsResolved}</Descriptions.Item>
          <Descriptions.Item label={t('reports.visits')}>{s.visits}</Descriptions.Item>
          <Descriptions.Item label={t('reports.onSite')}>{t('reports.hoursValue', { hours: hours(s.onSiteMinutes) })}</Descriptions.Item>
          <Descriptions.Item label={t('reports.timeSpent')}>
            {t('reports.hoursValue', { hours: hours(s.timeSpentMinutes) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.dailyLogs')}>{s.dailyLogs}</Descriptions.Item>
          <Descriptions.Item label={t('reports.travelDays')}>{s.travelDays}</Descriptions.Item>
          {s.teamReports && (
            <Descriptions.Item label={t('reports.teamReports')}>
              {t('reports.teamReportsValue', {
                onTime: s.teamReports.onTime,
                late: s.teamReports.late,
                open: s.teamReports.open,
                excused: s.teamReports.excused,
              })}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title={t('reports.summaryOfWeek')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.summary}</Typography.Paragraph>
      </Card>
      {r.problems && (
        <Card size="small" title={t('reports.problems')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.problems}</Typography.Paragraph>
        </Card>
      )}
      {r.nextWeek && (
        <Card size="small" title={t('reports.nextWeek')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.nextWeek}</Typography.Paragraph>
        </Card>
      )}
      <Card size="small" title={t('reports.marketFeedback')}>
        <List
          size="small"
          dataSource={r.marketFeedback}
          locale={{ emptyText: t('reports.none') }}
          renderItem={(m) => (
            <List.Item>
              <Flex gap={8} wrap>
                <Tag>{t(`reports.market_${m.category}`)}</Tag>
                <span style={{ whiteSpace: 'pre-wrap' }}>{m.content}</span>
                {m.ticketNumber && <Typography.Text type="secondary">{m.ticketNumber}</Typography.Text>}
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      <Typography.Text type="secondary">{t('reports.receivedLine', { at: at(r.submittedAt) })}</Typography.Text>
    </Flex>
  );
}
