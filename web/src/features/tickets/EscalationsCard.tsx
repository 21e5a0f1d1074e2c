import type { TTicket, TTicketEscalation } from '@techserve/core';
import { App, Button, Card, Flex, Input, Modal, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/useSession';
import { useTicketAction } from './useTicketAction';
import { useTicketError } from './useTicketError';
import './i18n';

/** SR-6: the request's escalations; the receiver (or a supervisor) feeds the solution back. */
export function EscalationsCard({ ticket }: { ticket: TTicket }) {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const { message } = App.useApp();
  const run = useTicketAction(ticket.id);
  const showError = useTicketError(ticket.id);
  const [answering, setAnswering] = useState<TTicketEscalation | null>(null);
  const [answer, setAnswer] = useState('');
  if (ticket.escalations.length === 0) return null;
  const mayAnswer = (e: TTicketEscalation) =>
    e.state === 'open' && can('tickets.work') && (e.toUserId === session?.user.id || can('tickets.manage'));

  return (
    <Card size="small" title={t('tickets.escalations')} style={{ marginBottom: 16 }} data-testid="escalations">
      <Flex vertical gap={12}>
        {ticket.escalations.map((e) => (
          <div key={e.id} data-testid={`escalation-${e.id}`}>
            <Flex gap={6} wrap align="center" justify="space-between">
              <Flex gap={6} wrap align="center">
                <Tag color="purple">{t(`tickets.escalate_${e.kind}`)}</Tag>
                <Typography.Text strong>
                  {e.fromUserName ?? '—'} → {e.toUserName ?? '—'}
                </Typography.Text>
                {e.rndPerson && (
                  <Typography.Text type="secondary">
                    {t('tickets.labelValue', { label: t('tickets.rndPerson'), value: e.rndPerson })}
                  </Typography.Text>
                )}
                <Tag color={e.state === 'open' ? 'orange' : 'green'}>
                  {t(e.state === 'open' ? 'tickets.escalationOpen' : 'tickets.escalationAnswered')}
                </Tag>
              </Flex>
              {mayAnswer(e) && (
                <Button
                  type="primary"
                  onClick={() => {
                    setAnswer('');
                    setAnswering(e);
                  }}
                  data-testid={`escalation-answer-${e.id}`}
                >
                  {t('tickets.answer')}
                </Button>
              )}
            </Flex>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{e.description}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {dayjs(e.createdAt).format('YYYY-MM-DD HH:mm')}
              {e.targetAt && ` · ${t('tickets.targetAt')} ${dayjs(e.targetAt).format('YYYY-MM-DD HH:mm')}`}
            </Typography.Text>
            {e.answer && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 6, marginBottom: 0 }}>
                {t('tickets.labelValue', { label: t('tickets.answer'), value: e.answer })}
              </Typography.Paragraph>
            )}
          </div>
        ))}
      </Flex>
      <Modal
        open={answering !== null}
        title={t('tickets.answer')}
        confirmLoading={run.isPending}
        okButtonProps={{ disabled: !answer.trim() }}
        onCancel={() => setAnswering(null)}
        onOk={() =>
          answering &&
          run.mutate(
            { path: `/escalations/${answering.id}/answer`, body: { answer: answer.trim() } },
            {
              onSuccess: () => {
                void message.success(t('tickets.sent'));
                setAnswering(null);
              },
              onError: (error) => {
                if (showError(error) === 409) setAnswering(null);
              },
            },
          )
        }
        destroyOnHidden
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 10 }}
          maxLength={10_000}
          placeholder={t('tickets.answerPlaceholder')}
          value={answer}
          onChange={(event) => setAnswer(event.target.value)}
          data-testid="escalation-answer-text"
        />
      </Modal>
    </Card>
  );
}
