import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';

/** Business calendars. Placeholder container; the calendar editor lands here. */
export function CalendarsPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="calendars-page">
      <PageHeader title={t('calendars.title')} />
      <Card>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('calendars.intro')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
