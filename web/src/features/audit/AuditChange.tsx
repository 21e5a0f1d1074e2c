import type { TAuditEntry } from '@techserve/core';
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const pre = {
  margin: 0,
  padding: 12,
  background: 'rgba(0,0,0,0.03)',
  borderRadius: 6,
  fontSize: 12,
  maxHeight: 360,
  overflow: 'auto',
  whiteSpace: 'pre-wrap' as const,
  wordBreak: 'break-all' as const,
};

/** Before and after of one audit entry, side by side (stacked on a phone). */
export function AuditChange({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  const show = (value: unknown) => (value == null ? t('common.none') : JSON.stringify(value, null, 2));
  return (
    <Row gutter={[12, 12]} data-testid="audit-change">
      <Col xs={24} md={12}>
        <Typography.Text strong>{t('audit.before')}</Typography.Text>
        <pre style={pre}>{show(entry.before)}</pre>
      </Col>
      <Col xs={24} md={12}>
        <Typography.Text strong>{t('audit.after')}</Typography.Text>
        <pre style={pre}>{show(entry.after)}</pre>
      </Col>
    </Row>
  );
}
