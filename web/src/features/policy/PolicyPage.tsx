import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';

/** Policy (rules as data). Placeholder container; the policy editor lands here. */
export function PolicyPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="policy-page">
      <PageHeader title={t('policy.title')} />
      <Card>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('policy.intro')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
