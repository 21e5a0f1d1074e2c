import type { TProject } from '@techserve/core';
import { Alert, Button, Card, Descriptions, Flex, Result, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { CostsTab } from './CostsTab';
import { DeliveriesList } from './DeliveriesPage';
import { HandoverTab } from './HandoverTab';
import { MaterialsTab } from './MaterialsTab';
import { PlanTab } from './PlanTab';
import { ProjectActions } from './ProjectActions';
import { ProjectStatusTag, ProjectWarningTags } from './ProjectStatusTag';
import { TrainingsList } from './TrainingsPage';
import { projectKeys } from './projectKeys';
import { useRecord } from './useRecord';
import './i18n';
import { formatList } from '../../shared/formatList';

/** FS-12: one project — header with deadlines and warnings, status actions, and its plan, materials, costs, documents, deliveries and training. */
export function ProjectDetailPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const query = useRecord<TProject>(projectKeys.detail(id), `/projects/${id}`, id);
  if (query.isLoading) return <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />;
  if (query.error instanceof ApiError && query.error.status === 404) {
    return <Result status="404" title={t('projects.notFound')} extra={<Link to="/projects">{t('projects.backToList')}</Link>} />;
  }
  if (!query.data) return <Alert type="error" showIcon title={(query.error as Error | null)?.message ?? ''} />;
  const p = query.data;
  return (
    <div>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="project-name">
          {p.name}
        </Typography.Title>
        <ProjectStatusTag status={p.status} />
        <ProjectWarningTags warnings={p.warnings} acceptanceDueOn={p.acceptanceDueOn} />
      </Flex>
      <ProjectActions project={p} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('projects.customer')}>{p.customerName}</Descriptions.Item>
          <Descriptions.Item label={t('projects.contractEnds')}>{`${p.contractNumber} · ${p.contractEndsOn}`}</Descriptions.Item>
          <Descriptions.Item label={t('projects.site')}>{p.siteName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.manager')}>{p.managerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.members')}>
            {formatList(
              p.members.map((m) => m.name),
              i18n.language,
            ) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.startedOn')}>{p.startedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.commissionedOn')}>{p.commissionedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.acceptanceDue')}>
            {p.acceptanceDueOn
              ? t('projects.acceptanceDueExplained', { date: p.acceptanceDueOn, days: p.acceptanceDays, version: p.policyVersion })
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.acceptedOn')}>
            {p.acceptedOn ? `${p.acceptedOn} · ${p.acceptedBy ?? ''}` : '—'}
          </Descriptions.Item>
        </Descriptions>
        {p.description && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{p.description}</Typography.Paragraph>
        )}
      </Card>
      <Tabs
        items={[
          { key: 'plan', label: t('projects.tabs.plan'), children: <PlanTab project={p} /> },
          { key: 'materials', label: t('projects.tabs.materials'), children: <MaterialsTab project={p} /> },
          { key: 'costs', label: t('projects.tabs.costs'), children: <CostsTab project={p} /> },
          { key: 'handover', label: t('projects.tabs.handover'), children: <HandoverTab project={p} /> },
          {
            key: 'deliveries',
            label: t('projects.tabs.deliveries'),
            children: <DeliveriesList projectId={p.id} customerId={p.customerId} canCreate={p.canWork} />,
          },
          {
            key: 'trainings',
            label: t('projects.tabs.trainings'),
            children: <TrainingsList projectId={p.id} customerId={p.customerId} canCreate={p.canWork} />,
          },
        ]}
      />
      <Button type="link" style={{ paddingInline: 0 }}>
        <Link to="/projects">{t('projects.backToList')}</Link>
      </Button>
    </div>
  );
}
