import { TICKET_BATCH_ACTIONS, type TBatchResult, type TTicketSummary } from '@techserve/core';
import { Button, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { useSession } from '../auth/useSession';
import { UserSelect } from '../tickets/UserSelect';
import { BatchResultList } from './BatchResultList';
import { ExportButton } from '../../layout/ExportButton';
import { useTicketBatch } from './useTicketBatch';
import './i18n';

type Action = (typeof TICKET_BATCH_ACTIONS)[number];

/**
 * Issue 12 item 9: the request list's bulk bar — one action on the selected requests (each by the single transition's
 * rules on the server, each result shown), and the Excel export of the list with its filters.
 */
export function TicketBulkBar({
  selected,
  rows,
  query,
  onDone,
}: {
  selected: number[];
  rows: TTicketSummary[];
  query: Record<string, string>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const showError = useApiError();
  const batch = useTicketBatch();
  const [action, setAction] = useState<Action | null>(null);
  const [assigneeId, setAssigneeId] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<TBatchResult | null>(null);
  const allowed: Record<Action, boolean> = {
    assign: can('tickets.assign'),
    accept: true,
    start: true,
    resume: false,
    close: true,
    cancel: can('tickets.manage'),
  };
  const numberOf = (id: number) => rows.find((r) => r.id === id)?.number ?? `#${id}`;
  const run = () => {
    if (!action) return;
    batch.mutate(Object.assign({ ids: selected, action }, action === 'assign' && { assigneeId, reason: reason.trim() || undefined }), {
      onSuccess: (r) => {
        setResult(r);
        setAction(null);
        onDone();
      },
      onError: (e) => showError(e),
    });
  };

  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="ticket-bulk-bar">
      {selected.length > 0 && (
        <>
          <Typography.Text strong>{t('ticketBatch.selected', { count: selected.length })}</Typography.Text>
          {TICKET_BATCH_ACTIONS.filter((a) => allowed[a]).map((a) => (
            <Button key={a} onClick={() => setAction(a)} data-testid={`bulk-${a}`} danger={a === 'cancel'}>
              {t(`ticketBatch.${a}`)}
            </Button>
          ))}
          <Button type="link" onClick={onDone}>
            {t('ticketBatch.clear')}
          </Button>
        </>
      )}
      <div style={{ flex: 1 }} />
      <ExportButton path="/ticket-exports/requests.xlsx" query={query} hint={t('ticketBatch.exportHint')} testId="tickets-export" />
      <Modal
        open={action !== null}
        title={action ? t(`ticketBatch.${action}`) : ''}
        onCancel={() => setAction(null)}
        onOk={run}
        okText={t('ticketBatch.apply')}
        confirmLoading={batch.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'bulk-apply' } as never}
      >
        <Typography.Paragraph>{t('ticketBatch.selected', { count: selected.length })}</Typography.Paragraph>
        {action === 'assign' && (
          <Flex vertical gap={8}>
            <Typography.Text>{t('ticketBatch.assignTo')}</Typography.Text>
            <UserSelect
              value={assigneeId}
              onChange={setAssigneeId}
              placeholder={t('ticketBatch.assignAuto')}
              allowClear
              testId="bulk-assignee"
            />
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('ticketBatch.reason')}
              maxLength={500}
            />
          </Flex>
        )}
      </Modal>
      <Modal
        open={result !== null}
        title={result ? t('ticketBatch.resultTitle', { ok: result.succeeded, failed: result.failed }) : ''}
        onCancel={() => setResult(null)}
        footer={null}
      >
        {result && <BatchResultList results={result.results} labelOf={(r) => numberOf(r.id)} />}
      </Modal>
    </Flex>
  );
}
