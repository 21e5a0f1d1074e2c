import { PlusOutlined } from '@ant-design/icons';
import type { TIncident } from '@techserve/core';
import { Button, Flex, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MineAllToggle } from '../../layout/MineAllToggle';
import { ExportButton } from '../../layout/ExportButton';
import { PageHeader } from '../../layout/PageHeader';
import { ResponsiveList } from '../../layout/ResponsiveList';
import { useSession } from '../auth/useSession';
import { LoadMore } from '../../shared/LoadMore';
import { formatInstant } from '../field/formatInstant';
import { DocumentStateTag, IncidentClassTag, IncidentStatusTag } from './IncidentTags';
import { useIncidentList } from './useIncidents';
import './i18n';

/** IN-1..3: incidents in the user's scope (an engineer's own), with the state of each one's reflection and notice. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const manage = can('incidents.manage');
  const [view, setView] = useState<'all' | 'mine'>(manage ? 'all' : 'mine');
  const list = useIncidentList({ view });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const link = (i: TIncident, text: string) => <Link to={`/incidents/${i.id}`}>{text}</Link>;
  const docs = (i: TIncident) => (
    <Flex gap={4} wrap>
      {i.documents
        .filter((d) => d.required)
        .map((d) => (
          <span key={d.kind}>
            {t(`incidents.doc_${d.kind}`)} <DocumentStateTag state={d.state} />
          </span>
        ))}
    </Flex>
  );
  return (
    <>
      <PageHeader
        title={t('incidents.incidents')}
        extra={
          <Space wrap>
            <ExportButton path="/exports/incidents.xlsx" query={{ view }} testId="incidents-export" />
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/incidents/new')} data-testid="incident-new">
                {t('incidents.newIncident')}
              </Button>
            )}
          </Space>
        }
      />
      <MineAllToggle value={view} onChange={setView} mine={t('incidents.viewMine')} all={t('incidents.viewAll')} />
      <ResponsiveList<TIncident>
        items={rows}
        loading={list.isLoading}
        empty={t('incidents.empty')}
        testId="incidents"
        columns={[
          { title: '#', key: 'id', render: (_, i) => link(i, `#${i.id}`) },
          { title: t('incidents.class'), key: 'class', render: (_, i) => <IncidentClassTag classId={i.classId} /> },
          { title: t('incidents.title'), key: 'title', render: (_, i) => link(i, i.title) },
          { title: t('incidents.engineer'), dataIndex: 'engineerName', key: 'engineer' },
          { title: t('incidents.occurredAt'), key: 'occurred', render: (_, i) => formatInstant(i.occurredAt) },
          { title: t('incidents.status'), key: 'status', render: (_, i) => <IncidentStatusTag status={i.status} /> },
          { title: t('incidents.documents'), key: 'docs', render: (_, i) => docs(i) },
        ]}
        card={(i) => (
          <Flex vertical gap={4}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>{link(i, i.title)}</Typography.Text>
              <IncidentStatusTag status={i.status} />
            </Flex>
            <Flex gap={8} align="center" wrap>
              <IncidentClassTag classId={i.classId} />
              <Typography.Text type="secondary">
                {i.engineerName} · {formatInstant(i.occurredAt)}
              </Typography.Text>
            </Flex>
            {docs(i)}
          </Flex>
        )}
      />
      <LoadMore list={list} count={rows.length} testId="incidents-more" />
    </>
  );
}
