import type { TExplanation, TPriority } from '@techserve/core';
import { Popover, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExplanationLine } from '../../shared/ExplanationLine';
import './i18n';

const COLOURS: Record<TPriority, string> = { P1: 'red', P2: 'orange', P3: 'blue', P4: 'default' };

/** P1 red … P4 grey; with an explanation, it opens on hover/tap (SR-3: urgency × impact, policy version). */
export function PriorityTag({ priority, explanation }: { priority: TPriority; explanation?: TExplanation }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={COLOURS[priority]} data-testid="priority-tag" style={{ cursor: explanation ? 'help' : undefined, fontWeight: 600 }}>
      {priority}
    </Tag>
  );
  if (!explanation) return tag;
  return (
    <Popover title={t('tickets.priorityExplanation')} content={<ExplanationLine explanation={explanation} />} trigger={['hover', 'click']}>
      {tag}
    </Popover>
  );
}
