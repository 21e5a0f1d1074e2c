import { Button, Card, DatePicker, Empty, Flex, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../layout/ExportButton';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { ClaimView } from './ClaimView';
import { useTravelClaims } from './useTravel';
import './i18n';

/** TR-1/TR-3: finance — the month's claims (pay the approved ones) and the Excel export. */
export function FinancePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const key = month.format('YYYY-MM');
  const claims = useTravelClaims(key, 'all');
  const items = claims.data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('travel.finance')} />
      <Flex gap={8} wrap align="center">
        <DatePicker picker="month" value={month} allowClear={false} onChange={(d) => d && setMonth(d)} aria-label={t('travel.month')} />
        <ExportButton path="/exports/travel-claims.xlsx" query={{ month: key, view: 'all' }} testId="claims-export" />
        <Button type="primary" href={`/api/v1/travel/finance-export?month=${key}`} data-testid="export">
          {t('travel.download')}
        </Button>
      </Flex>
      <Card size="small">
        {claims.isLoading ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <Empty description={t('travel.noClaims')} />
        ) : (
          <Flex vertical gap={24}>
            {items.map((c) => (
              <ClaimView key={c.id} claim={c} own={c.userId === session?.user.id} canApprove={false} canPay />
            ))}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
