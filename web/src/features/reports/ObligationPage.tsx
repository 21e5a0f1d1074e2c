import { App, Button, Card, Descriptions, Flex, Input, Modal, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { ObligationTag } from './ObligationTag';
import { at } from './reportDates';
import { useObligation, useReportsAction } from './useReports';
import { useReportsError } from './useReportsError';
import './i18n';

/**
 * One obligation (notifications link here): what is due, the due time and how it was computed, the fulfilment and its
 * judgement; the supervisor excuses an open or late one with a reason, or — its month closed — books the excuse as an
 * adjustment of the next open month.
 */
export function ObligationPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const { session, can } = useSession();
  const query = useObligation(Number(id));
  const action = useReportsAction();
  const showError = useReportsError();
  const [dialog, setDialog] = useState<'excuse' | 'correct' | null>(null);
  const [reason, setReason] = useState('');
  if (query.isLoading) return <Skeleton active />;
  const o = query.data;
  if (!o) return <Result status="404" title={t('reports.notFound')} />;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const mayExcuse = can('obligations.excuse') && o.ownerId !== session?.user.id && (o.state === 'open' || o.state === 'late');

  const submit = () => {
    const path = dialog === 'excuse' ? `/obligations/${o.id}/excuse` : `/obligations/${o.id}/corrections`;
    const body = dialog === 'excuse' ? { version: o.version, reason } : { reason };
    action.mutate(
      { path, body },
      {
        onSuccess: () => {
          void message.success(dialog === 'excuse' ? t('reports.excused') : t('reports.corrected'));
          setDialog(null);
          setReason('');
        },
        onError: (error) => {
          // A closed month refuses the excuse: offer the correction as an adjustment instead.
          const reasonKey = (error as { reason?: string }).reason;
          if (reasonKey === 'months.closed') setDialog('correct');
          showError(error);
        },
      },
    );
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 900 }}>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {o.kindName[lang]} <ObligationTag state={o.state} overdue={o.overdue} lateMinutes={o.lateMinutes} />
          </Flex>
        }
        extra={
          mayExcuse && (
            <Button onClick={() => setDialog('excuse')} data-testid="obligation-excuse">
              {t('reports.excuse')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('reports.owner')}>{o.ownerName}</Descriptions.Item>
          <Descriptions.Item label={t('reports.period')}>{o.period}</Descriptions.Item>
          <Descriptions.Item label={t('reports.dueAt')}>{at(o.dueAt)}</Descriptions.Item>
          <Descriptions.Item label={t('reports.dueRule')}>
            <ExplanationLine explanation={o.explanation} />
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.receivedAt')}>{at(o.doneAt)}</Descriptions.Item>
          {o.judgement && (
            <Descriptions.Item label={t('reports.judgement')}>
              <ExplanationLine explanation={o.judgement} />
            </Descriptions.Item>
          )}
          {o.excusedBy && (
            <Descriptions.Item label={t('reports.excusedBy')}>
              {o.excusedBy.name}（{at(o.excusedAt)}）：{o.excusedReason}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('reports.countsIn')}>{o.month}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Modal
        open={dialog !== null}
        title={dialog === 'correct' ? t('reports.correctTitle') : t('reports.excuseTitle')}
        onCancel={() => setDialog(null)}
        onOk={submit}
        okButtonProps={{
          disabled: !reason.trim(),
          loading: action.isPending,
          ...({ 'data-testid': 'obligation-excuse-ok' } as Record<string, string>),
        }}
        okText={dialog === 'correct' ? t('reports.bookAdjustment') : t('reports.excuse')}
      >
        {dialog === 'correct' && <p>{t('reports.correctHint', { month: o.month })}</p>}
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('reports.excuseReason')}
          data-testid="obligation-reason"
        />
      </Modal>
    </Flex>
  );
}
