import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Result, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CheckInCard } from './CheckInCard';
import { ExtraTasksCard } from './ExtraTasksCard';
import { formatInstant } from './formatInstant';
import { LetterStatusTag } from './LetterStatusTag';
import { PhotosCard } from './PhotosCard';
import { ReturnCard } from './ReturnCard';
import { ServiceRecordCard } from './ServiceRecordCard';
import { SignOffCard } from './SignOffCard';
import { useLetter } from './useLetter';
import { useVisit } from './useVisit';
import { VisitSteps } from './VisitSteps';
import './i18n';

/**
 * FS-5..9 on the engineer's phone: one column — where the job stands, check-in/out, the service record with parts
 * and experts, photos and the difficulty report, extra tasks, the customer's sign-off and PDF, and the return.
 */
export function VisitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const letterId = Number(useParams().id);
  const visit = useVisit(letterId);
  const letter = useLetter(letterId);

  if (visit.isLoading) return <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />;
  if (!visit.data) {
    return (
      <Result
        status={visit.isError && (visit.error as { status?: number }).status !== 404 ? 'error' : '404'}
        title={t('field.visitNotFound')}
        subTitle={(visit.error as Error | null)?.message}
        extra={<Button onClick={() => navigate('/field/jobs')}>{t('field.backToJobs')}</Button>}
      />
    );
  }
  const v = visit.data;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }} data-testid="visit-page">
      <Flex justify="space-between" align="center">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate('/field/jobs')}>
          {t('field.backToJobs')}
        </Button>
        <Button icon={<ReloadOutlined />} aria-label={t('field.reload')} loading={visit.isFetching} onClick={() => void visit.refetch()} />
      </Flex>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {v.customerName}
        </Typography.Title>
        <span>
          {!v.customerSigned && v.firstArrivalAt && (
            <Tag color="warning" data-testid="visit-unsigned">
              {t('field.unsigned')}
            </Tag>
          )}
          <LetterStatusTag status={v.status} />
        </span>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        <Link to={`/field/letters/${v.letterId}`} style={{ fontFamily: 'monospace' }}>
          {v.letterNumber}
        </Link>
        {v.ticketId && (
          <>
            {' · '}
            <Link to={`/tickets/${v.ticketId}`} style={{ fontFamily: 'monospace' }}>
              {v.ticketNumber}
            </Link>
          </>
        )}
        {letter.data?.appointmentAt ? ` · ${t('field.appointmentShown', { at: formatInstant(letter.data.appointmentAt) })}` : ''}
      </Typography.Paragraph>
      <VisitSteps visit={v} />
      {v.difficultyReport.missing && <Alert type="warning" showIcon title={t('field.reportMissing')} style={{ margin: '8px 0' }} />}
      <Flex vertical gap={12} style={{ marginTop: 12 }}>
        <CheckInCard visit={v} />
        <ServiceRecordCard visit={v} customerId={letter.data?.customerId} />
        <PhotosCard visit={v} />
        <ExtraTasksCard visit={v} />
        <SignOffCard visit={v} />
        <ReturnCard visit={v} />
      </Flex>
    </div>
  );
}
