import { Button, Empty, Flex, List, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ExportButton } from '../../layout/ExportButton';
import { PageHeader } from '../../layout/PageHeader';
import { TravelStatusTag } from './TravelStatusTag';
import { useTravelList } from './useTravel';
import './i18n';

/** TR-1: the engineer's own trips (phone-friendly list), newest first. */
export function MyTripsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const trips = useTravelList('mine');
  return (
    <>
      <PageHeader
        title={t('travel.myTrips')}
        extra={
          <Space wrap>
            <ExportButton path="/exports/travel-requests.xlsx" query={{ view: 'mine' }} testId="trips-export" />
            <Button type="primary" onClick={() => navigate('/travel/trips/new')}>
              {t('travel.newTrip')}
            </Button>
          </Space>
        }
      />
      {trips.isLoading ? <Skeleton active /> : <TripList items={trips.data?.items ?? []} />}
    </>
  );
}

/** Trips as a list that reads well on a 390 px phone. */
export function TripList({
  items,
}: {
  items: { id: number; purpose: string; startDate: string; endDate: string; status: string; userName: string }[];
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty description={t('travel.empty')} />;
  return (
    <List
      dataSource={items}
      renderItem={(trip) => (
        <List.Item key={trip.id}>
          <Flex vertical gap={2} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8} wrap>
              <Link to={`/travel/requests/${trip.id}`}>{t('travel.trip', { id: trip.id })}</Link>
              <TravelStatusTag status={trip.status} />
            </Flex>
            <Typography.Text>{trip.purpose}</Typography.Text>
            <Typography.Text type="secondary">
              {trip.userName} · {trip.startDate} ～ {trip.endDate}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
