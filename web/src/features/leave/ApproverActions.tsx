import type { TLeaveRequest } from '@techserve/core';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextPromptDialog } from '../../shared/TextPromptDialog';
import { leaveAllowed } from './leaveAllowed';
import { useLeaveAction } from './useLeave';
import { useLeaveError } from './useLeaveError';
import './i18n';

/**
 * The approver's actions on another's leave in a list: approve, reject with a reason, and record the sick-leave
 * certificate (AT-4). Each carries the version the approver saw (a stale one is reloaded and said, 409).
 */
export function ApproverActions({ leave }: { leave: TLeaveRequest }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const allowed = leaveAllowed(leave);
  const action = useLeaveAction();
  const showError = useLeaveError();
  const [rejecting, setRejecting] = useState(false);
  if (!allowed.decide && !allowed.recordCertificate) return null;
  const post = (path: string, body: unknown, done: string, after?: () => void) =>
    action.mutate(
      { path, body },
      {
        onSuccess: () => {
          void message.success(done);
          after?.();
        },
        onError: (e) => showError(e),
      },
    );
  const decide = (approve: boolean, comment?: string) =>
    post(
      `/leave-requests/${leave.id}/decision`,
      { version: leave.version, approve, ...(comment ? { comment } : {}) },
      t(approve ? 'leave.approved' : 'leave.rejected'),
      () => setRejecting(false),
    );
  return (
    <Flex gap={8} wrap>
      {allowed.decide && (
        <>
          <Button
            size="small"
            type="primary"
            loading={action.isPending}
            onClick={() => decide(true)}
            data-testid={`leave-approve-${leave.id}`}
          >
            {t('leave.approve')}
          </Button>
          <Button
            size="small"
            danger
            disabled={action.isPending}
            onClick={() => setRejecting(true)}
            data-testid={`leave-reject-${leave.id}`}
          >
            {t('leave.reject')}
          </Button>
          <TextPromptDialog
            open={rejecting}
            title={t('leave.rejectTitle', { id: leave.id })}
            label={t('leave.rejectReason')}
            maxLength={500}
            danger
            loading={action.isPending}
            onSubmit={(reason) => decide(false, reason)}
            onClose={() => setRejecting(false)}
            testId={`leave-reject-dialog-${leave.id}`}
          />
        </>
      )}
      {allowed.recordCertificate && (
        <Button
          size="small"
          title={t('leave.recordCertificate')}
          loading={action.isPending}
          onClick={() => post(`/leave-requests/${leave.id}/certificate`, { version: leave.version }, t('leave.certificateRecorded'))}
          data-testid={`leave-certificate-${leave.id}`}
        >
          {t('leave.certificateIn')}
        </Button>
      )}
    </Flex>
  );
}
