import { SendOutlined } from '@ant-design/icons';
import type { TTicket, TTicketEntry } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Flex, Input, Segmented, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { CannedReplyPicker } from '../replies/CannedReplyPicker';
import { useSession } from '../auth/useSession';
import { AttachmentUpload } from './AttachmentUpload';
import { ticketKeys } from './ticketKeys';
import { useIsCustomerSide } from './useIsCustomerSide';
import { useTicketError } from './useTicketError';
import './i18n';

/**
 * SR-8: a public reply (the customer is told) or, for staff working on requests, an internal note; plus attaching
 * a file. A customer's reply while the request waits for them resumes it, so the request is reloaded too.
 */
export function ReplyBox({ ticket }: { ticket: TTicket }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const customerSide = useIsCustomerSide();
  const queryClient = useQueryClient();
  const showError = useTicketError(ticket.id);
  const canNote = !customerSide && can('tickets.work');
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public');
  const [body, setBody] = useState('');
  const [expectedFix, setExpectedFix] = useState<Dayjs | null>(null);
  const [offersSolution, setOffersSolution] = useState(false);
  // SLA-5: the first public response states the expected fix time (the resolution target when none is chosen).
  const firstResponse = !customerSide && ticket.sla.firstResponse.metAt === null && visibility === 'public';
  const staffPublic = !customerSide && visibility === 'public';
  const send = useMutation({
    mutationFn: () =>
      api<TTicketEntry>(`/tickets/${ticket.id}/replies`, {
        method: 'POST',
        body: Object.assign(
          { body: body.trim(), visibility },
          firstResponse && expectedFix ? { expectedFixAt: expectedFix.toISOString() } : {},
          // SLA-2: the reply that offers the solution starts a resolution clock counting from it.
          staffPublic && offersSolution ? { offersSolution: true } : {},
        ),
      }),
    onSuccess: () => {
      setBody('');
      setExpectedFix(null);
      setOffersSolution(false);
      void message.success(t('tickets.sent'));
      void queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticket.id) });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticket.id) });
    },
    onError: (error) => showError(error),
  });
  const mayReply = customerSide || can('tickets.work') || can('tickets.assign');
  if (!mayReply || ticket.state === 'closed' || ticket.state === 'cancelled') return null;
  const internal = visibility === 'internal';

  return (
    <div data-testid="reply-box">
      {canNote && (
        <Segmented
          value={visibility}
          onChange={(value) => setVisibility(value as 'public' | 'internal')}
          options={[
            { value: 'public', label: t('tickets.visibility_public') },
            { value: 'internal', label: t('tickets.visibility_internal') },
          ]}
          style={{ marginBottom: 8 }}
          data-testid="reply-visibility"
        />
      )}
      <Input.TextArea
        value={body}
        onChange={(event) => setBody(event.target.value)}
        autoSize={{ minRows: 3, maxRows: 10 }}
        maxLength={20_000}
        placeholder={t(customerSide ? 'tickets.portalReplyPlaceholder' : internal ? 'tickets.notePlaceholder' : 'tickets.replyPlaceholder')}
        aria-label={t('tickets.reply')}
        style={internal ? { background: '#fffbe6' } : undefined}
        data-testid="reply-text"
      />
      {firstResponse && (
        <Flex align="center" wrap gap={8} style={{ marginTop: 8 }} data-testid="reply-expected-fix">
          <Typography.Text>{t('tickets.expectedFixAt')}</Typography.Text>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={expectedFix}
            onChange={setExpectedFix}
            placeholder={t('tickets.expectedFixDefault', { time: dayjs(ticket.sla.resolution.dueAt).format('YYYY-MM-DD HH:mm') })}
            style={{ minWidth: 240 }}
            aria-label={t('tickets.expectedFixAt')}
          />
        </Flex>
      )}
      {staffPublic && (
        <Checkbox
          checked={offersSolution}
          onChange={(event) => setOffersSolution(event.target.checked)}
          style={{ marginTop: 8 }}
          data-testid="reply-offers-solution"
        >
          {t('tickets.offersSolution')}
        </Checkbox>
      )}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
        <Flex wrap gap={8}>
          <AttachmentUpload ticketId={ticket.id} internal={internal} />
          {/* SR-8: the team's canned replies, filled with this request's facts. */}
          {canNote && <CannedReplyPicker ticketId={ticket.id} onInsert={(text) => setBody((b) => (b.trim() ? `${b}\n${text}` : text))} />}
        </Flex>
        <Button
          type="primary"
          size="large"
          icon={<SendOutlined />}
          disabled={!body.trim()}
          loading={send.isPending}
          onClick={() => send.mutate()}
          data-testid="reply-send"
        >
          {t('tickets.send')}
        </Button>
      </Flex>
    </div>
  );
}
