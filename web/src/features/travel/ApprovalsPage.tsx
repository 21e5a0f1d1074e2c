import { Card, Flex, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../layout/ExportButton';
import { PageHeader } from '../../layout/PageHeader';
import { TripList } from './MyTripsPage';
import { useTravelList } from './useTravel';
import './i18n';

/** TR-1/TR-2: the trips of the people in the manager's scope, waiting ones first. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>('submitted');
  const trips = useTravelList('approvals', status || undefined);
  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={t('travel.approvals')}
        extra={<ExportButton path="/exports/travel-requests.xlsx" query={{ view: 'approvals', status }} testId="trips-export" />}
      />
      <Segmented
        value={status}
        onChange={(v) => setStatus(String(v))}
        options={['submitted', 'approved', 'completed', ''].map((s) => ({ value: s, label: s ? t(`travel.status_${s}`) : '∗' }))}
      />
      <Card size="small">{trips.isLoading ? <Skeleton active /> : <TripList items={trips.data?.items ?? []} />}</Card>
    </Flex>
  );
}
