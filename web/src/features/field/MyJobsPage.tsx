import { EnvironmentOutlined, PhoneOutlined, RightOutlined } from '@ant-design/icons';
import type { TMyJob } from '@techserve/core';
import { Alert, Badge, Button, Card, Collapse, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/useSession';
import { PageHeader } from '../../layout/PageHeader';
import { formatInstant } from './formatInstant';
import { formatMinutes } from '../tickets/formatMinutes';
import { KitList } from './KitList';
import { LetterStatusTag } from './LetterStatusTag';
import { MyRequestsCard } from './MyRequestsCard';
import { ScheduleFeedCard } from './ScheduleFeedCard';
import { useMyJobs } from './useMyJobs';
import { usePackKit } from './usePackKit';
import '../tickets/i18n';
import './i18n';

/** One visit as a phone card: customer, address, tap-to-call contact, appointment, plan and kit (FS-4/FS-5). */
function JobCard({ job }: { job: TMyJob }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = () => navigate(`/field/jobs/${job.letterId}`);
  const pack = usePackKit();
  // FS-4: the engineer ticks the kit while packing, up to the arrival on site.
  const packable = job.status === 'approved' || job.status === 'on_site';
  const toggle = (key: string, packed: boolean) =>
    pack.mutate({
      letterId: job.letterId,
      version: job.version,
      packed: job.kit.filter((k) => (k.key === key ? packed : k.packed)).map((k) => k.key),
    });
  return (
    <Card
      size="small"
      data-testid="job-card"
      data-letter-id={job.letterId}
      title={
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
            {job.customerName}
          </Typography.Text>
          <span style={{ flexShrink: 0 }}>
            {job.onSiteNow && <Badge status="processing" text={t('field.onSiteNow')} style={{ marginRight: 6 }} />}
            <LetterStatusTag status={job.status} />
          </span>
        </Flex>
      }
    >
      <Flex vertical gap={6}>
        <Typography.Text>{job.title}</Typography.Text>
        <Typography.Text data-testid="job-appointment">
          <strong>{formatInstant(job.appointmentAt)}</strong>
          {job.estimatedMinutes ? (
            <Typography.Text type="secondary">{` · ${t('field.estimated', { span: formatMinutes(job.estimatedMinutes, t) })}`}</Typography.Text>
          ) : null}
        </Typography.Text>
        {(job.siteName || job.address) && (
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {[job.siteName, job.address].filter(Boolean).join(' · ')}
          </Typography.Text>
        )}
        {job.contactPhone && (
          <Button icon={<PhoneOutlined />} href={`tel:${job.contactPhone}`} size="large" block data-testid="job-call">
            {`${job.contactName ?? t('field.contact')} ${job.contactPhone}`}
          </Button>
        )}
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: 'plan',
              label: t('field.plannedSolution'),
              children: (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{job.plannedSolution || '—'}</Typography.Paragraph>
              ),
            },
            {
              key: 'kit',
              label: t('field.kitCount', { packed: job.kit.filter((k) => k.packed).length, total: job.kit.length }),
              children: <KitList kit={job.kit} onToggle={packable ? toggle : undefined} disabled={pack.isPending} />,
            },
          ]}
        />
        {!job.customerSigned && job.lastCheckInAt && (
          <Tag color="warning" data-testid="job-unsigned">
            {t('field.unsigned')}
          </Tag>
        )}
        <Button type="primary" size="large" block onClick={open} data-testid="job-open">
          {t('field.openVisit')} <RightOutlined />
        </Button>
      </Flex>
    </Card>
  );
}

/**
 * FS-5: the engineer's home on the phone — the requests assigned to them by SLA time left (issue 12 item 5), today's
 * visits, then upcoming ones, and the calendar feed.
 */
export function MyJobsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const jobs = useMyJobs();
  const items = jobs.data?.items ?? [];
  const today = items.filter((job) => job.today);
  const upcoming = items.filter((job) => !job.today);
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }} data-testid="my-jobs">
      <PageHeader title={t('field.myJobsTitle')} />
      {can('tickets.read') && (
        <div style={{ marginBottom: 16 }}>
          <MyRequestsCard />
        </div>
      )}
      {jobs.isLoading && <Spin size="large" style={{ display: 'block', margin: '32px auto' }} />}
      {jobs.isError && (
        <Alert
          type="error"
          showIcon
          title={t('field.loadFailed')}
          description={(jobs.error as Error).message}
          action={<Button onClick={() => void jobs.refetch()}>{t('field.retry')}</Button>}
        />
      )}
      {jobs.isSuccess && (
        <Flex vertical gap={12}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {`${t('field.visits')} · ${t('field.today')}`}
          </Typography.Title>
          {today.length === 0 ? (
            <Empty description={t('field.noJobsToday')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            today.map((job) => <JobCard key={job.letterId} job={job} />)
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('field.upcoming')}
          </Typography.Title>
          {upcoming.length === 0 ? (
            <Empty description={t('field.noJobsUpcoming')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            upcoming.map((job) => <JobCard key={job.letterId} job={job} />)
          )}
        </Flex>
      )}
      <div style={{ marginTop: 16 }}>
        <ScheduleFeedCard />
      </div>
    </div>
  );
}
