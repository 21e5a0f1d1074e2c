import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { TBatchResult } from '@techserve/core';
import { Alert, App, Button, Flex, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiError } from '../../api/useApiError';
import { ListTable } from '../../layout/ListTable';
import { PageHeader } from '../../layout/PageHeader';
import { BatchResultList } from '../ticket-batch/BatchResultList';
import { useApprovalBatch } from './useApprovalBatch';
import { type TPendingItem, usePendingApprovals } from './usePendingApprovals';
import './i18n';

/**
 * Issue 12 item 10: everything waiting for my decision — leave (RS-4), trips (TR-1), letters (FS-10), returns (FS-9) —
 * in one list; approve or reject the chosen ones with one comment, each decided by its own module, each result shown.
 */
export function BatchApprovalsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { items, loading } = usePendingApprovals();
  const batch = useApprovalBatch();
  const [selected, setSelected] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [result, setResult] = useState<TBatchResult | null>(null);
  const chosen = items.filter((i) => selected.includes(i.key));
  const labelOf = (kind: string, id: number) => {
    const item = items.find((i) => i.kind === kind && i.id === id);
    return `${t(`approvals.kind_${kind}`)} ${item ? item.what : `#${id}`}`;
  };
  const decide = (approve: boolean) => {
    if (!approve && !comment.trim()) {
      void message.warning(t('approvals.commentRequired'));
      return;
    }
    batch.mutate(
      {
        approve,
        comment: comment.trim() || undefined,
        items: chosen.map((i) => ({ kind: i.kind, id: i.id, version: i.version })),
      },
      {
        onSuccess: (r) => {
          setResult(r);
          setSelected([]);
          setComment('');
        },
        onError: (e) => showError(e),
      },
    );
  };

  return (
    <>
      <PageHeader title={t('approvals.title')} />
      {items.some((i) => i.kind === 'travel') && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('approvals.travelHint')} />
      )}
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        <Input.TextArea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('approvals.comment')}
          aria-label={t('approvals.comment')}
          maxLength={500}
          autoSize={{ minRows: 1, maxRows: 4 }}
          data-testid="approvals-comment"
        />
        <Flex wrap gap={8} align="center">
          <Typography.Text>{t('approvals.selected', { count: chosen.length })}</Typography.Text>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={chosen.length === 0}
            loading={batch.isPending}
            onClick={() => decide(true)}
            data-testid="approvals-approve"
          >
            {t('approvals.approve')}
          </Button>
          <Button
            danger
            icon={<CloseOutlined />}
            disabled={chosen.length === 0}
            loading={batch.isPending}
            onClick={() => decide(false)}
            data-testid="approvals-reject"
          >
            {t('approvals.reject')}
          </Button>
        </Flex>
      </Flex>
      <ListTable<TPendingItem>
        rowKey="key"
        loading={loading}
        dataSource={items}
        locale={{ emptyText: t('approvals.empty') }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        columns={[
          { title: t('approvals.kind'), key: 'kind', render: (_, i) => <Tag>{t(`approvals.kind_${i.kind}`)}</Tag> },
          { title: t('approvals.who'), dataIndex: 'who' },
          { title: t('approvals.what'), dataIndex: 'what', ellipsis: true },
          { title: t('approvals.when'), dataIndex: 'when' },
          { title: '', key: 'open', render: (_, i) => <Link to={i.href}>{t('approvals.open')}</Link> },
        ]}
        data-testid="approvals-table"
      />
      <Modal
        open={result !== null}
        title={result ? t('approvals.resultTitle', { ok: result.succeeded, failed: result.failed }) : ''}
        onCancel={() => setResult(null)}
        footer={null}
      >
        {result && <BatchResultList results={result.results} labelOf={(r) => labelOf(r.kind, r.id)} />}
      </Modal>
    </>
  );
}
