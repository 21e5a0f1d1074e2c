import type { TTransportMode, TTravelRequest, TTravelRequestCreate } from '@techserve/core';
import { App } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { usePolicyInForce } from '../../shared/usePolicyInForce';
import { TravelRequestForm } from './TravelRequestForm';
import { useTravelAction } from './useTravel';
import { useTravelError } from './useTravelError';
import './i18n';

/** TR-1/TR-2: file a travel request; the modes needing approval come from the policy in force. */
export function NewTripPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const policy = usePolicyInForce();
  const create = useTravelAction<TTravelRequest>();
  const showError = useTravelError();
  const needing = (policy.data?.document.travel.transportNeedingApproval ?? []) as TTransportMode[];
  // One Idempotency-Key per filled-in form: a double click or a retry files one request.
  const key = useRef<string | null>(null);
  const submit = (body: TTravelRequestCreate) => {
    key.current ??= crypto.randomUUID();
    create.mutate(
      { path: '/travel-requests', body, headers: { 'Idempotency-Key': key.current } },
      {
        onSuccess: (trip) => {
          key.current = null;
          void message.success(t('travel.submitted'));
          navigate(`/travel/requests/${trip.id}`);
        },
        onError: (error) => showError(error),
      },
    );
  };
  return (
    <>
      <PageHeader title={t('travel.newTrip')} />
      <TravelRequestForm needingApproval={needing} submitting={create.isPending} onSubmit={submit} />
    </>
  );
}
