import { PlusOutlined } from '@ant-design/icons';
import { PROJECT_STATUSES, type TProjectStatus, type TProjectSummary } from '@techserve/core';
import { Button, Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/useSession';
import { useDebounced } from '../../shared/useDebounced';
import { LoadMore } from '../../shared/LoadMore';
import { ProjectCreateModal } from './ProjectCreateModal';
import { ProjectStatusTag, ProjectWarningTags } from './ProjectStatusTag';
import { projectKeys } from './projectKeys';
import { usePagedList } from '../../shared/usePagedList';
import './i18n';

/** FS-12: the projects in the user's scope with their deadline and acceptance warnings. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [status, setStatus] = useState<TProjectStatus>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search).trim() || undefined;
  const [creating, setCreating] = useState(false);
  const list = usePagedList<TProjectSummary>('/projects', projectKeys.list({ status, q }), { status, q });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('projects.title')}
        </Typography.Title>
        {can('projects.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-create">
            {t('projects.create')}
          </Button>
        )}
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('projects.statusLabel')}
          value={status}
          onChange={setStatus}
          style={{ minWidth: 140 }}
          options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projects.status.${s}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('projects.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 320 }}
        />
      </Flex>
      <Table<TProjectSummary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        size="middle"
        scroll={{ x: true }}
        columns={[
          { key: 'name', title: t('projects.name'), render: (_, r) => <Link to={`/projects/${r.id}`}>{r.name}</Link> },
          { key: 'customer', title: t('projects.customer'), dataIndex: 'customerName', responsive: ['md'] },
          {
            key: 'contract',
            title: t('projects.contractEnds'),
            render: (_, r) => `${r.contractNumber} · ${r.contractEndsOn}`,
            responsive: ['lg'],
          },
          { key: 'status', title: t('projects.statusLabel'), render: (_, r) => <ProjectStatusTag status={r.status} /> },
          {
            key: 'warnings',
            title: t('projects.warnings'),
            render: (_, r) => <ProjectWarningTags warnings={r.warnings} acceptanceDueOn={r.acceptanceDueOn} />,
          },
          { key: 'due', title: t('projects.acceptanceDue'), dataIndex: 'acceptanceDueOn', responsive: ['md'] },
        ]}
      />
      <LoadMore list={list} />
      <ProjectCreateModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
