import { type TTicket, customerFacingText } from '@techserve/core';
import { App, Button, Card, Checkbox, Divider, Flex, Input, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/useSession';
import { useIsCustomerSide } from './useIsCustomerSide';
import { useTicketAction } from './useTicketAction';
import { useTicketError } from './useTicketError';
import './i18n';

const DECISION_COLOURS = { pending: 'orange', approved: 'green', rejected: 'red' } as const;

/**
 * SR-12: a customer-requested product change — the written record (customer's written confirmation, discussed with
 * sales and R&D) kept by staff, then the GM approves or rejects; approving without the customer's written
 * confirmation needs the GM's explicit signature.
 */
export function ChangeRequestCard({ ticket }: { ticket: TTicket }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const customerSide = useIsCustomerSide();
  const run = useTicketAction(ticket.id);
  const showError = useTicketError(ticket.id);
  const cr = ticket.changeRequest;
  const [note, setNote] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [signWithout, setSignWithout] = useState(false);
  if (!cr) return null;
  const pending = cr.decision === 'pending';
  const canRecord = pending && !customerSide && can('tickets.work');
  const canDecide = pending && can('tickets.approve');

  const update = (patch: Record<string, unknown>) =>
    run.mutate(
      { path: '/change-request', method: 'PATCH', body: { version: ticket.version, ...patch } },
      { onSuccess: () => void message.success(t('common.saved')), onError: (error) => showError(error) },
    );
  const decide = (approve: boolean) =>
    run.mutate(
      {
        path: '/change-request/decision',
        body: {
          version: ticket.version,
          approve,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
          ...(approve && signWithout ? { signWithoutWrittenConfirmation: true } : {}),
        },
      },
      {
        onSuccess: () => void message.success(t(`tickets.decision_${approve ? 'approved' : 'rejected'}`)),
        onError: (error) => showError(error),
      },
    );

  const flag = (key: 'customerWrittenConfirmation' | 'discussedWithSales' | 'discussedWithRnd', label: string) => (
    <Checkbox
      checked={cr[key]}
      disabled={!canRecord || run.isPending}
      onChange={(event) => update({ [key]: event.target.checked })}
      data-testid={`cr-${key}`}
    >
      {label}
    </Checkbox>
  );

  return (
    <Card
      size="small"
      title={customerSide ? customerFacingText(t('tickets.changeRequest')) : t('tickets.changeRequest')}
      extra={<Tag color={DECISION_COLOURS[cr.decision]}>{t(`tickets.decision_${cr.decision}`)}</Tag>}
      style={{ marginBottom: 16 }}
      data-testid="change-request"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {flag('customerWrittenConfirmation', t('tickets.writtenConfirmation'))}
        {flag('discussedWithSales', t('tickets.discussedWithSales'))}
        {flag('discussedWithRnd', t('tickets.discussedWithRnd'))}
        {canRecord ? (
          <Flex gap={8}>
            <Input
              placeholder={t('tickets.confirmationNote')}
              value={note ?? cr.confirmationNote ?? ''}
              onChange={(event) => setNote(event.target.value)}
              maxLength={2000}
            />
            <Button disabled={note === null} loading={run.isPending} onClick={() => update({ confirmationNote: note?.trim() || null })}>
              {t('common.save')}
            </Button>
          </Flex>
        ) : (
          cr.confirmationNote && <Typography.Text type="secondary">{cr.confirmationNote}</Typography.Text>
        )}
        {cr.decidedBy && (
          <Typography.Text type="secondary">
            {t('tickets.decidedBy', { name: cr.decidedBy, time: cr.decidedAt ? dayjs(cr.decidedAt).format('YYYY-MM-DD HH:mm') : '' })}
            {cr.decisionComment && ` — ${cr.decisionComment}`}
          </Typography.Text>
        )}
      </Space>
      {canDecide && (
        <>
          <Divider style={{ margin: '12px 0' }} />
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="cr-decision">
            <Input.TextArea
              placeholder={t('tickets.decisionComment')}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              maxLength={2000}
              autoSize
            />
            {!cr.customerWrittenConfirmation && (
              <Checkbox checked={signWithout} onChange={(event) => setSignWithout(event.target.checked)} data-testid="cr-sign-without">
                {t('tickets.signWithout')}
              </Checkbox>
            )}
            <Flex gap={8}>
              <Button type="primary" loading={run.isPending} onClick={() => decide(true)} data-testid="cr-approve">
                {t('tickets.approve')}
              </Button>
              <Button danger loading={run.isPending} onClick={() => decide(false)} data-testid="cr-reject">
                {t('tickets.rejectChange')}
              </Button>
            </Flex>
          </Space>
        </>
      )}
    </Card>
  );
}
