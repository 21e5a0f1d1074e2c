import { type TLeaveRequestCreate, addDaysToDate } from '@techserve/core';
import { Alert, App, Form, Skeleton } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { LeaveRequestForm, type TLeaveFormValues } from './LeaveRequestForm';
import { leavePeriod } from './leavePeriod';
import { useLeaveAction, useLeaveRequest } from './useLeave';
import { useLeaveError } from './useLeaveError';
import { useLeaveTypes } from './useLeaveTypes';
import './i18n';

/**
 * RS-4/AT-4: file a leave; `?extends=<id>` files the extension of an approved leave of one's own (RS-4: it needs
 * approval too), starting the day after that leave ends. The types and the notice come from the policy in force.
 */
export function NewLeavePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const extendsId = Number(params.get('extends')) || undefined;
  const base = useLeaveRequest(extendsId ?? 0);
  const { policy, isLoading } = useLeaveTypes();
  const create = useLeaveAction();
  const showError = useLeaveError();
  const [form] = Form.useForm<TLeaveFormValues>();
  // One Idempotency-Key per filled-in form: a double click or a retry files one request.
  const key = useRef<string | null>(null);

  const submit = (body: TLeaveRequestCreate) => {
    key.current ??= crypto.randomUUID();
    create.mutate(
      { path: '/leave-requests', body, headers: { 'Idempotency-Key': key.current } },
      {
        onSuccess: (leave) => {
          key.current = null;
          void message.success(t('leave.submitted'));
          void navigate(`/leave/${leave.id}`);
        },
        onError: (error) => showError(error, form),
      },
    );
  };

  if (extendsId && base.isLoading) return <Skeleton active />;
  const extended = extendsId ? base.data : undefined;
  const initialValues: TLeaveFormValues | undefined = extended && {
    typeId: extended.typeId,
    startDate: addDaysToDate(extended.endDate, 1),
    standInId: extended.standInId,
    contactPhone: extended.contactPhone ?? undefined,
  };
  return (
    <>
      <PageHeader title={t(extended ? 'leave.extendLeave' : 'leave.newLeave')} />
      {extended && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16, maxWidth: 640 }}
          title={t('leave.extensionAlert', { id: extended.id, period: leavePeriod(extended), start: addDaysToDate(extended.endDate, 1) })}
        />
      )}
      <LeaveRequestForm
        key={extended?.id ?? 'new'}
        form={form}
        policy={policy}
        policyLoading={isLoading}
        initialValues={initialValues}
        extendsId={extended?.id}
        knownStandIn={extended?.standInId != null && extended.standInName ? { id: extended.standInId, name: extended.standInName } : null}
        submitting={create.isPending}
        onSubmit={submit}
      />
    </>
  );
}
