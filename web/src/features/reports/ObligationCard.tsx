import type { TReportObligation } from '@techserve/core';
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { ObligationTag } from './ObligationTag';
import { at } from './reportDates';
import './i18n';

/**
 * What the obligation behind a report says: when it was due and why (rule, policy version, calendar), when it was
 * received and how that was judged — the late mark with its explanation — or who excused it.
 */
export function ObligationCard({ obligation, title }: { obligation: TReportObligation | null; title?: string }) {
  const { t } = useTranslation();
  if (!obligation) return null;
  return (
    <Card size="small" title={title ?? t('reports.deadline')} data-testid="obligation-card">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('reports.state')}>
          <ObligationTag state={obligation.state} overdue={obligation.overdue} lateMinutes={obligation.lateMinutes} />
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.dueAt')}>{at(obligation.dueAt)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.dueRule')}>
          <ExplanationLine explanation={obligation.explanation} />
        </Descriptions.Item>
        {obligation.doneAt && <Descriptions.Item label={t('reports.receivedAt')}>{at(obligation.doneAt)}</Descriptions.Item>}
        {obligation.judgement && (
          <Descriptions.Item label={t('reports.judgement')}>
            <div data-testid="obligation-judgement">
              <ExplanationLine explanation={obligation.judgement} />
            </div>
          </Descriptions.Item>
        )}
        {obligation.excusedBy && (
          <Descriptions.Item label={t('reports.excusedBy')}>
            <Typography.Text>
              {obligation.excusedBy.name}：{obligation.excusedReason}
            </Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
