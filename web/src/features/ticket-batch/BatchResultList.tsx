import type { TBatchItemResult } from '@techserve/core';
import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

const KNOWN = new Set(['forbidden', 'not_found', 'illegal_transition', 'version_conflict', 'rule_violation']);

/** Each item's outcome of a batch, by the label the caller gives it (a request's number). */
export function BatchResultList({ results, labelOf }: { results: TBatchItemResult[]; labelOf: (r: TBatchItemResult) => string }) {
  const { t, i18n } = useTranslation();
  const why = (r: TBatchItemResult) => {
    if (!r.error) return '';
    // In English the server's own sentence; in Chinese by the error's code.
    if (i18n.language === 'en') return r.error.message;
    return KNOWN.has(r.error.code) ? t(`ticketBatch.error_${r.error.code}`) : t('ticketBatch.error_other');
  };
  return (
    <List
      size="small"
      dataSource={results}
      data-testid="batch-results"
      renderItem={(r) => (
        <List.Item>
          <Typography.Text>{labelOf(r)}</Typography.Text>
          <span>
            {r.ok ? <Tag color="success">{t('ticketBatch.resultOk')}</Tag> : <Tag color="error">{t('ticketBatch.resultFailed')}</Tag>}
            {!r.ok && <Typography.Text type="secondary">{why(r)}</Typography.Text>}
          </span>
        </List.Item>
      )}
    />
  );
}
