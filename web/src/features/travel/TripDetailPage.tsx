import { letterNumber } from '@techserve/core';
import { App, Alert, Button, Card, Descriptions, Flex, List, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { LetterStatusTag } from '../field/LetterStatusTag';
import { AdvancesCard } from './AdvancesCard';
import { AllowanceTable } from './AllowanceTable';
import { ClaimForm } from './ClaimForm';
import { ClaimView } from './ClaimView';
import { DecisionCard } from './DecisionCard';
import { ExtensionCard } from './ExtensionCard';
import { LogsCard } from './LogsCard';
import { money } from '../../shared/money';
import { TravelStatusTag } from './TravelStatusTag';
import { useTravelAction, useTravelRequest } from './useTravel';
import { useTravelError } from './useTravelError';
import './i18n';
import { formatList } from '../../shared/formatList';

/** One trip: itinerary, allowance lines with explanations, the decisions, advances, daily logs and claims. */
export function TripDetailPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const { session, can } = useSession();
  const query = useTravelRequest(Number(id));
  const action = useTravelAction();
  const showError = useTravelError();
  if (query.isLoading) return <Skeleton active />;
  const trip = query.data;
  if (!trip) return <Result status="404" title={t('travel.notFound')} />;
  const own = trip.userId === session?.user.id;
  const canApprove = can('travel.approve');
  const canPay = can('travel.finance');
  const isGm = session?.user.role.key === 'gm';
  const openClaim = trip.claims.some((c) => c.status !== 'rejected');
  const post = (path: string, body: unknown) =>
    action.mutate({ path, body }, { onSuccess: () => void message.success(t('travel.saved')), onError: (e) => showError(e) });

  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <PageHeader
        title={
          <>
            {t('travel.trip', { id: trip.id })} <TravelStatusTag status={trip.status} />
          </>
        }
        extra={
          own &&
          (trip.status === 'submitted' || trip.status === 'approved') && (
            <Button danger onClick={() => post(`/travel-requests/${trip.id}/cancel`, { version: trip.version })}>
              {t('travel.cancel')}
            </Button>
          )
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('travel.traveller')}>{trip.userName}</Descriptions.Item>
        <Descriptions.Item label={t('travel.period')}>
          {trip.startDate} ～ {trip.endDate}
        </Descriptions.Item>
        <Descriptions.Item label={t('travel.purpose')}>{trip.purpose}</Descriptions.Item>
        <Descriptions.Item label={t('travel.workType')}>{t(`travel.workType_${trip.workType}`)}</Descriptions.Item>
        {trip.letterId && (
          <Descriptions.Item label={t('travel.letterId')}>
            <Link to={`/field/letters/${trip.letterId}`}>{letterNumber(trip.letterId)}</Link>{' '}
            {trip.letterStatus && <LetterStatusTag status={trip.letterStatus} />}
          </Descriptions.Item>
        )}
        {trip.boardProvided && <Descriptions.Item label={t('travel.boardProvided')}>✓</Descriptions.Item>}
        {trip.newEmployee && <Descriptions.Item label={t('travel.newEmployee')}>✓</Descriptions.Item>}
        {trip.decisionComment && <Descriptions.Item label={t('travel.comment')}>{trip.decisionComment}</Descriptions.Item>}
      </Descriptions>

      <Card size="small" title={t('travel.itinerary')}>
        <List
          size="small"
          dataSource={trip.segments}
          renderItem={(s, i) => (
            <List.Item key={i}>
              <Flex vertical>
                <Typography.Text>
                  {s.from} → {s.to} · {t(`travel.level_${s.destinationLevel}`)}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {s.startDate} ～ {s.endDate} ·{' '}
                  <Tag color={trip.transportNeedingApproval.includes(s.transport) ? 'orange' : undefined}>
                    {t(`travel.transport_${s.transport}`)}
                  </Tag>
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
        {trip.transportNeedingApproval.length > 0 && (
          <Alert
            type={trip.status === 'approved' ? 'success' : 'warning'}
            showIcon
            title={t('travel.needsApproval', {
              modes: formatList(
                trip.transportNeedingApproval.map((m) => t(`travel.transport_${m}`)),
                i18n.language,
              ),
            })}
          />
        )}
      </Card>

      <Card size="small" title={t('travel.allowances')}>
        <AllowanceTable lines={trip.allowances.lines} totalFen={trip.allowances.totalFen} note={t('travel.plannedNote')} />
      </Card>

      {canApprove && !own && trip.status === 'submitted' && <DecisionCard trip={trip} />}

      {trip.specialRate && (
        <Card size="small" title={t('travel.specialRate')}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text>
              {money(trip.specialRate.dailyFen, i18n.language)} · {trip.specialRate.reason}
            </Typography.Text>
            <TravelStatusTag status={trip.specialRate.status} />
            {isGm && !own && trip.specialRate.status === 'requested' && (
              <>
                <Button
                  size="small"
                  type="primary"
                  onClick={() => post(`/travel-requests/${trip.id}/special-rate`, { version: trip.version, approve: true })}
                >
                  {t('travel.approve')}
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() => post(`/travel-requests/${trip.id}/special-rate`, { version: trip.version, approve: false })}
                >
                  {t('travel.reject')}
                </Button>
              </>
            )}
          </Flex>
        </Card>
      )}

      {(trip.status === 'approved' || trip.extension) && <ExtensionCard trip={trip} own={own} canApprove={canApprove} />}
      <AdvancesCard trip={trip} own={own} canApprove={canApprove} canPay={canPay} />
      {(trip.status === 'approved' || trip.status === 'completed') && <LogsCard trip={trip} own={own} />}

      <Card size="small" title={t('travel.claims')}>
        <Flex vertical gap={16}>
          {trip.claims.map((c) => (
            <ClaimView key={c.id} claim={c} own={own} canApprove={canApprove} canPay={canPay} />
          ))}
          {own && trip.status === 'approved' && !openClaim && <ClaimForm trip={trip} />}
        </Flex>
      </Card>
    </Flex>
  );
}
