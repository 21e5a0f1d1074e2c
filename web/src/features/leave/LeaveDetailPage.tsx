import { Alert, App, Button, Card, Descriptions, Flex, Result, Skeleton, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { leaveAllowed } from './leaveAllowed';
import { LeaveDecisionCard } from './LeaveDecisionCard';
import { leavePeriod } from './leavePeriod';
import { LeaveStatusTag } from './LeaveStatusTag';
import { leaveTypeName } from './leaveTypeName';
import { OwnLeaveActions } from './OwnLeaveActions';
import { useLeaveAction, useLeaveRequest } from './useLeave';
import { useLeaveError } from './useLeaveError';
import './i18n';

const at = (instant: string | null) => (instant ? dayjs(instant).format('YYYY-MM-DD HH:mm') : null);

/**
 * One leave (notifications link here): every field, the notice explanation (RS-4/AT-4) in the UI language, and what
 * the current user may do — the applicant withdraws or extends it, an approver decides or records the certificate.
 */
export function LeaveDetailPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const query = useLeaveRequest(Number(id));
  const action = useLeaveAction();
  const showError = useLeaveError();
  if (query.isLoading) return <Skeleton active />;
  const leave = query.data;
  if (!leave) return <Result status="404" title={t('leave.notFound')} />;
  const allowed = leaveAllowed(leave);
  const none = t('leave.none');

  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {t('leave.leave', { id: leave.id })} <LeaveStatusTag status={leave.status} />
          </Flex>
        }
        extra={<OwnLeaveActions leave={leave} size="middle" />}
      />
      {/* While it waits for the decision, a late request says loudly that only the approval makes it valid (AT-4). */}
      {leave.late && leave.status === 'submitted' && (
        <Alert type="warning" showIcon title={t('leave.late')} description={t('leave.lateHint')} data-testid="leave-late-alert" />
      )}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label={t('leave.applicant')}>{leave.userName}</Descriptions.Item>
        <Descriptions.Item label={t('leave.type')}>{leaveTypeName(leave, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('leave.period')}>{leavePeriod(leave)}</Descriptions.Item>
        <Descriptions.Item label={t('leave.days')}>{leave.days}</Descriptions.Item>
        <Descriptions.Item label={t('leave.reason')} span={{ xs: 1, sm: 1, md: 2 }}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{leave.reason}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('leave.standIn')}>{leave.standInName ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('leave.contactPhone')}>
          {leave.contactPhone ? <a href={`tel:${leave.contactPhone}`}>{leave.contactPhone}</a> : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('leave.notice')}>
          <Flex gap={8} align="center" wrap>
            {leave.requiredNoticeDays > 0
              ? t('leave.noticeValue', { required: leave.requiredNoticeDays, ahead: leave.daysAhead })
              : t('leave.noticeNone')}
            {leave.late && (
              <Tooltip title={t('leave.lateHint')}>
                <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                  {t('leave.late')}
                </Tag>
              </Tooltip>
            )}
          </Flex>
        </Descriptions.Item>
        {leave.emergency && <Descriptions.Item label={t('leave.emergencyLabel')}>{t('leave.emergencyValue')}</Descriptions.Item>}
        {leave.extendsId != null && (
          <Descriptions.Item label={t('leave.extensionOf', { id: leave.extendsId })}>
            <Link to={`/leave/${leave.extendsId}`}>{t('leave.leave', { id: leave.extendsId })}</Link>
          </Descriptions.Item>
        )}
        {leave.certificateRequired && (
          <Descriptions.Item label={t('leave.certificate')}>
            <Flex gap={8} align="center" wrap>
              <span>{at(leave.certificateReceivedAt) ?? t('leave.certificateDue')}</span>
              {allowed.recordCertificate && (
                <Button
                  size="small"
                  loading={action.isPending}
                  onClick={() =>
                    action.mutate(
                      { path: `/leave-requests/${leave.id}/certificate`, body: { version: leave.version } },
                      { onSuccess: () => void message.success(t('leave.certificateRecorded')), onError: (e) => showError(e) },
                    )
                  }
                  data-testid="leave-certificate"
                >
                  {t('leave.recordCertificate')}
                </Button>
              )}
            </Flex>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('leave.createdAt')}>{at(leave.createdAt)}</Descriptions.Item>
        {leave.decidedByName && <Descriptions.Item label={t('leave.decidedBy')}>{leave.decidedByName}</Descriptions.Item>}
        {leave.decidedAt && <Descriptions.Item label={t('leave.decidedAt')}>{at(leave.decidedAt)}</Descriptions.Item>}
        {leave.decisionComment && (
          <Descriptions.Item label={t('leave.comment')} span={{ xs: 1, sm: 1, md: 2 }}>
            {leave.decisionComment}
          </Descriptions.Item>
        )}
      </Descriptions>

      <Card size="small" title={t('leave.explanation')}>
        <ExplanationLine explanation={leave.explanation} />
      </Card>

      {allowed.decide && <LeaveDecisionCard key={leave.version} leave={leave} />}
    </Flex>
  );
}
