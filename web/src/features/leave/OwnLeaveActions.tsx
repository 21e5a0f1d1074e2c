import type { TLeaveRequest } from '@techserve/core';
import { App, Button, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { leaveAllowed } from './leaveAllowed';
import { useLeaveAction } from './useLeave';
import { useLeaveError } from './useLeaveError';
import './i18n';

/** The applicant's actions on a leave: withdraw it while allowed, and extend an approved one (RS-4). */
export function OwnLeaveActions({ leave, size = 'small' }: { leave: TLeaveRequest; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const allowed = leaveAllowed(leave);
  const action = useLeaveAction();
  const showError = useLeaveError();
  if (!allowed.cancel && !allowed.extend) return null;
  const cancel = () =>
    action.mutate(
      { path: `/leave-requests/${leave.id}/cancel`, body: { version: leave.version } },
      { onSuccess: () => void message.success(t('leave.cancelled')), onError: (e) => showError(e) },
    );
  return (
    <Flex gap={8} wrap>
      {allowed.extend && (
        <Button size={size} onClick={() => void navigate(`/leave/new?extends=${leave.id}`)} data-testid={`leave-extend-${leave.id}`}>
          {t('leave.extendLeave')}
        </Button>
      )}
      {allowed.cancel && (
        <Popconfirm title={t('leave.cancelConfirm')} onConfirm={cancel} okText={t('leave.cancel')} okButtonProps={{ danger: true }}>
          <Button size={size} danger loading={action.isPending} data-testid={`leave-cancel-${leave.id}`}>
            {t('leave.cancel')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}
