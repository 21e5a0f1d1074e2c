import { PlusOutlined } from '@ant-design/icons';
import type { TComplaint } from '@techserve/core';
import { Button, Flex, Segmented, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ExportButton } from '../../layout/ExportButton';
import { PageHeader } from '../../layout/PageHeader';
import { ResponsiveList } from '../../layout/ResponsiveList';
import { useSession } from '../auth/useSession';
import { LoadMore } from '../../shared/LoadMore';
import { formatInstant } from '../field/formatInstant';
import { ComplaintStatusTag, IncidentClassTag } from './IncidentTags';
import { useComplaints } from './useIncidents';
import './i18n';

const STATUSES = ['', 'open', 'acknowledged', 'handled', 'closed'] as const;

/** SR-14: complaints in the user's scope, newest first, by status; "register" for whoever receives one. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const [status, setStatus] = useState<string>('');
  const list = useComplaints(status ? { status } : {});
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const link = (c: TComplaint, text: string) => <Link to={`/complaints/${c.id}`}>{text}</Link>;
  const proposal = (c: TComplaint) =>
    c.proposal.classId ? <IncidentClassTag classId={c.proposal.classId} /> : t('incidents.proposalNone');
  return (
    <>
      <PageHeader
        title={t('incidents.complaints')}
        extra={
          <Space wrap>
            <ExportButton path="/exports/complaints.xlsx" query={{ status }} testId="complaints-export" />
            {can('incidents.report') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/complaints/new')} data-testid="complaint-new">
                {t('incidents.newComplaint')}
              </Button>
            )}
          </Space>
        }
      />
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setStatus(String(v))}
        options={STATUSES.map((s) => ({ value: s, label: s ? t(`incidents.cstatus_${s}`) : t('incidents.viewAll') }))}
      />
      <ResponsiveList<TComplaint>
        items={rows}
        loading={list.isLoading}
        empty={t('incidents.empty')}
        testId="complaints"
        columns={[
          { title: '#', key: 'id', render: (_, c) => link(c, `#${c.id}`) },
          { title: t('incidents.customerName'), dataIndex: 'customerName', key: 'customer' },
          { title: t('incidents.subject'), key: 'subject', render: (_, c) => link(c, c.subject) },
          { title: t('incidents.level'), key: 'level', render: (_, c) => t(`incidents.level_${c.level}`) },
          { title: t('incidents.about'), key: 'about', render: (_, c) => c.aboutUserName ?? t('incidents.aboutNone') },
          { title: t('incidents.receivedAt'), key: 'received', render: (_, c) => formatInstant(c.receivedAt) },
          { title: t('incidents.proposal'), key: 'proposal', render: (_, c) => proposal(c) },
          { title: t('incidents.status'), key: 'status', render: (_, c) => <ComplaintStatusTag status={c.status} /> },
        ]}
        card={(c) => (
          <Flex vertical gap={4}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>{link(c, c.subject)}</Typography.Text>
              <ComplaintStatusTag status={c.status} />
            </Flex>
            <Typography.Text type="secondary">
              {c.customerName} · {t(`incidents.level_${c.level}`)} · {formatInstant(c.receivedAt)}
            </Typography.Text>
            <Flex gap={8} align="center" wrap>
              {c.aboutUserName ?? t('incidents.aboutNone')} {proposal(c)}
            </Flex>
          </Flex>
        )}
      />
      <LoadMore list={list} count={rows.length} testId="complaints-more" />
    </>
  );
}
