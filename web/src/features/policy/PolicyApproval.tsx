import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { TPolicyVersionDetail } from '@techserve/core';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { TextPromptDialog } from '../../shared/TextPromptDialog';
import { useSession } from '../auth/useSession';
import { formatInstant as at } from '../field/formatInstant';

/**
 * GOV-1 on a version: who submitted it and for which date, the approver's approve/reject (with a comment; a rejection
 * needs its reason), who approved it with their comment, and the last rejection on a draft sent back for editing.
 */
export function PolicyApproval({
  detail,
  canApprove,
  onDecided,
}: {
  detail: TPolicyVersionDetail;
  canApprove: boolean;
  onDecided: (after: TPolicyVersionDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  // GOV-1 four eyes: the server refuses the submitter's approval, so the submitter is not offered it.
  const { session } = useSession();
  const ownSubmission = detail.submittedById !== null && detail.submittedById === session?.user.id;
  const decide = useMutation({
    mutationFn: ({ action, comment }: { action: 'approve' | 'reject'; comment: string }) =>
      api<TPolicyVersionDetail>(`/policy/versions/${detail.number}/${action}`, {
        method: 'POST',
        body: { version: detail.version, ...(comment && { comment }) },
      }),
    onSuccess: (after, { action }) => {
      setDeciding(null);
      if (action === 'approve') message.success(t('policy.approval.approvedOk', { date: after.effectiveFrom }));
      else message.success(t('policy.approval.rejectedOk'));
      onDecided(after);
    },
    onError: (error) => {
      setDeciding(null);
      showError(error);
    },
  });

  const lines: { key: string; type: 'info' | 'success' | 'warning'; text: string }[] = [];
  if (detail.status === 'submitted' && detail.submittedAt) {
    lines.push({
      key: 'submitted',
      type: 'info',
      text: t('policy.approval.submitted', { name: detail.submittedBy ?? '', at: at(detail.submittedAt), date: detail.effectiveFrom }),
    });
  }
  if (detail.status === 'published' && detail.publishedBy) {
    const approved = t('policy.approval.approved', { name: detail.publishedBy, at: at(detail.publishedAt) });
    const comment = detail.approvalComment ? ` ${t('policy.approval.comment', { comment: detail.approvalComment })}` : '';
    lines.push({ key: 'approved', type: 'success', text: approved + comment });
  }
  if (detail.status === 'draft' && detail.rejectedAt) {
    lines.push({
      key: 'rejected',
      type: 'warning',
      text: t('policy.approval.rejected', { name: detail.rejectedBy ?? '', at: at(detail.rejectedAt), comment: detail.rejectionComment }),
    });
  }
  if (lines.length === 0) return null;

  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }} data-testid="policy-approval">
      {lines.map((line) => (
        <Alert key={line.key} type={line.type} showIcon title={line.text} />
      ))}
      {detail.status === 'submitted' && canApprove && (
        <Flex gap={8} wrap>
          {ownSubmission ? (
            <Typography.Text type="secondary" data-testid="policy-own-submission">
              {t('policy.approval.ownSubmission')}
            </Typography.Text>
          ) : (
            <Button type="primary" icon={<CheckOutlined />} data-testid="policy-approve" onClick={() => setDeciding('approve')}>
              {t('policy.approval.approve')}
            </Button>
          )}
          <Button danger icon={<CloseOutlined />} data-testid="policy-reject" onClick={() => setDeciding('reject')}>
            {t('policy.approval.reject')}
          </Button>
        </Flex>
      )}
      <TextPromptDialog
        open={deciding !== null}
        title={t(deciding === 'reject' ? 'policy.approval.rejectTitle' : 'policy.approval.approveTitle', { number: detail.number })}
        label={t(deciding === 'reject' ? 'policy.approval.reasonLabel' : 'policy.approval.commentLabel')}
        required={deciding === 'reject'}
        maxLength={2000}
        danger={deciding === 'reject'}
        loading={decide.isPending}
        testId="policy-decision"
        onSubmit={(comment) => deciding && decide.mutate({ action: deciding, comment })}
        onClose={() => setDeciding(null)}
      />
    </Flex>
  );
}
