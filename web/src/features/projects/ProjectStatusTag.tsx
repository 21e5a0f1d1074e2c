import type { TProjectStatus, TProjectWarning } from '@techserve/core';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

const STATUS_COLOR: Record<TProjectStatus, string> = {
  planning: 'default',
  in_progress: 'processing',
  commissioned: 'gold',
  accepted: 'success',
  closed: 'default',
};
const WARNING_COLOR: Record<TProjectWarning, string> = {
  acceptanceDueSoon: 'orange',
  acceptanceOverdue: 'red',
  acceptedLate: 'volcano',
  planPastContract: 'orange',
  contractOverdue: 'red',
  materialLate: 'gold',
};

export function ProjectStatusTag({ status }: { status: TProjectStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`projects.status.${status}`)}</Tag>;
}

/** FS-12 deadline and acceptance warnings as tags. */
export function ProjectWarningTags({ warnings, acceptanceDueOn }: { warnings: TProjectWarning[]; acceptanceDueOn?: string | null }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap data-testid="project-warnings">
      {warnings.map((w) => (
        <Tag key={w} color={WARNING_COLOR[w]} data-testid={`warning-${w}`}>
          {t(`projects.warning.${w}`, { date: acceptanceDueOn ?? '' })}
        </Tag>
      ))}
    </Space>
  );
}
