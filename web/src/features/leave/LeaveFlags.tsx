import type { TLeaveRequest } from '@techserve/core';
import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

/**
 * What the approver must notice at a glance: filed late (RS-4/AT-4: valid only with the superior's approval), an
 * emergency filed afterwards (RS-4), the sick-leave certificate (AT-4) and an extension (RS-4).
 */
export function LeaveFlags({ leave }: { leave: TLeaveRequest }) {
  const { t } = useTranslation();
  const tag = { style: { marginInlineEnd: 0 } };
  return (
    <Flex gap={4} wrap>
      {leave.late && (
        <Tooltip title={t('leave.lateHint')}>
          <Tag color="orange" data-testid="leave-late" {...tag}>
            {t('leave.late')}
          </Tag>
        </Tooltip>
      )}
      {leave.emergency && (
        <Tag color="purple" {...tag}>
          {t('leave.emergencyTag')}
        </Tag>
      )}
      {leave.certificateRequired && (
        <Tooltip title={t('leave.certificateHint')}>
          <Tag color={leave.certificateReceivedAt ? 'green' : 'volcano'} {...tag}>
            {t(leave.certificateReceivedAt ? 'leave.certificateReceived' : 'leave.certificateDue')}
          </Tag>
        </Tooltip>
      )}
      {leave.extendsId != null && (
        <Tag color="blue" {...tag}>
          {t('leave.extensionOf', { id: leave.extendsId })}
        </Tag>
      )}
    </Flex>
  );
}
