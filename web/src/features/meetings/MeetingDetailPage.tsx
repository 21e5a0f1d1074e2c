import { Card, Descriptions, Flex, List, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { formatInstant } from '../field/formatInstant';
import { ActionItemRow } from './ActionItemRow';
import { useMeeting } from './useMeetings';
import './i18n';

/** MTG-1: a meeting's minutes, attendees and action items followed up; a stand-up links to FS-11's board of that day. */
export function MeetingDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useMeeting(Number(id));
  if (query.isLoading) return <Skeleton active />;
  const m = query.data;
  if (!m) return <Result status="404" title={t('meetings.notFound')} />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <PageHeader title={m.title} />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label={t('meetings.kind')}>{t(`meetings.kind_${m.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.heldAt')}>{formatInstant(m.heldAt)}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.chair')}>{m.chairName ?? t('meetings.none')}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.location')}>{m.location ?? t('meetings.none')}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.attendees')} span={{ xs: 1, sm: 1, md: 2 }}>
          <Flex gap={4} wrap>
            {m.attendees.map((a) => (
              <Tag key={a.id}>{a.name}</Tag>
            ))}
          </Flex>
        </Descriptions.Item>
        {m.standupDate && (
          <Descriptions.Item label={t('meetings.standupDate')}>
            <Link to={`/field/standup?date=${m.standupDate}`}>
              {m.standupDate} · {t('meetings.openStandup')}
            </Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t('meetings.minutes')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.minutes}</Typography.Paragraph>
      </Card>
      <Card
        size="small"
        title={`${t('meetings.actions')} · ${t('meetings.openCount', { open: m.openActions, overdue: m.overdueActions })}`}
      >
        <List
          dataSource={m.actions}
          locale={{ emptyText: t('meetings.empty') }}
          renderItem={(a) => <List.Item key={a.id}>{<ActionItemRow action={a} />}</List.Item>}
        />
      </Card>
      {m.carriedOver.length > 0 && (
        <Card size="small" title={t('meetings.carriedOver', { count: m.carriedOver.length })} data-testid="meeting-carried-over">
          <List
            dataSource={m.carriedOver}
            renderItem={(a) => <List.Item key={a.id}>{<ActionItemRow action={a} showMeeting />}</List.Item>}
          />
        </Card>
      )}
    </Flex>
  );
}
