import { Button, Card, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { monthParam } from './monthParam';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { MonthPicker } from './MonthPicker';
import './i18n';

/** AP-15: finance downloads the month's final sheets (Excel, every line explained). */
export function AppraisalExportPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [month, setMonth] = useState(() => monthParam(params.get('month')) ?? dayjs().subtract(1, 'month').format('YYYY-MM'));
  return (
    <Flex vertical gap={12} style={{ maxWidth: 700 }}>
      <PageHeader title={t('appraisal.export')} />
      <Card size="small">
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('appraisal.exportHint')}</Typography.Text>
          <Flex gap={8} wrap>
            <MonthPicker value={month} onChange={setMonth} />
            <Button type="primary" href={`/api/v1/appraisal-sheets/export?month=${month}`} data-testid="appraisal-export">
              {t('appraisal.download')}
            </Button>
          </Flex>
        </Flex>
      </Card>
    </Flex>
  );
}
