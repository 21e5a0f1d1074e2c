import type { TLeaveRequest } from '@techserve/core';
import { Alert, App, Button, Card, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeaveAction } from './useLeave';
import { useLeaveError } from './useLeaveError';
import './i18n';

/**
 * RS-4/AT-4: the superior's decision on a submitted leave, with an optional comment (a reason when rejecting). A late
 * request is valid only with this approval, so the card says so. Sent with the version shown; a stale one reloads.
 */
export function LeaveDecisionCard({ leave }: { leave: TLeaveRequest }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useLeaveAction();
  const showError = useLeaveError();
  const [comment, setComment] = useState('');
  const decide = (approve: boolean) =>
    action.mutate(
      {
        path: `/leave-requests/${leave.id}/decision`,
        body: { version: leave.version, approve, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      },
      { onSuccess: () => void message.success(t(approve ? 'leave.approved' : 'leave.rejected')), onError: (e) => showError(e) },
    );
  return (
    <Card size="small" title={t('leave.decision')} data-testid="leave-decision">
      <Flex vertical gap={8}>
        {leave.late && <Alert type="warning" showIcon title={t('leave.lateHint')} />}
        <Form.Item label={t('leave.comment')} htmlFor={`leave-comment-${leave.id}`} layout="vertical" style={{ marginBottom: 0 }}>
          <Input.TextArea
            id={`leave-comment-${leave.id}`}
            rows={2}
            maxLength={500}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" loading={action.isPending} onClick={() => decide(true)}>
            {t('leave.approve')}
          </Button>
          <Button danger disabled={action.isPending} onClick={() => decide(false)}>
            {t('leave.reject')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
