import type { TIncident } from '@techserve/core';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { formatInstant } from '../field/formatInstant';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { IncidentCorrectionCard } from './IncidentCorrectionCard';
import { IncidentDocumentCard } from './IncidentDocumentCard';
import { IncidentClassTag, IncidentStatusTag } from './IncidentTags';
import { useIncident, useIncidentError, useIncidentWrite } from './useIncidents';
import './i18n';

/**
 * IN-1..3: one incident — its class with the definition it meets, what it concerns, who was alerted to mobilise (a
 * Class I), the resolution, and the reflection and notice with their due times and on-time/late state.
 */
export function IncidentDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { session, can } = useSession();
  const query = useIncident(Number(id));
  if (query.isLoading) return <Skeleton active />;
  const i = query.data;
  if (!i) return <Result status="404" title={t('incidents.notFound')} />;
  const manage = can('incidents.manage');
  const me = session?.user.id;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {t('incidents.incident', { id: i.id })} <IncidentClassTag classId={i.classId} /> <IncidentStatusTag status={i.status} />
          </Flex>
        }
      />
      {i.mobilisedAt && (
        <Alert
          type="error"
          showIcon
          data-testid="incident-mobilised"
          title={t('incidents.mobilised')}
          description={
            <Flex gap={4} wrap>
              {t('incidents.alerted')}：
              {i.alerted.map((a) => (
                <Tag key={a.id}>
                  {a.name}（{t(`incidents.role_${a.role}`)}）
                </Tag>
              ))}
              · {formatInstant(i.mobilisedAt)}
            </Flex>
          }
        />
      )}
      {i.voidReason && <Alert type="warning" title={t('incidents.voided', { reason: i.voidReason })} />}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label={t('incidents.title')} span={{ xs: 1, sm: 1, md: 2 }}>
          {i.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('incidents.engineer')}>{i.engineerName}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.basis')}>{t(`incidents.basis_${i.basis}`)}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.occurredAt')}>{formatInstant(i.occurredAt)}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.customerName')}>{i.customerName ?? t('incidents.none')}</Descriptions.Item>
        {i.productName && <Descriptions.Item label={t('incidents.product')}>{i.productName}</Descriptions.Item>}
        <Descriptions.Item label={t('incidents.concerns')} span={{ xs: 1, sm: 1, md: 2 }}>
          <Flex gap={12} wrap>
            {i.ticketId != null && <Link to={`/tickets/${i.ticketId}`}>{`${t('incidents.ticket')} ${i.ticketNumber ?? ''}`}</Link>}
            {i.letterId != null && <Link to={`/field/letters/${i.letterId}`}>{`${t('incidents.letter')} #${i.letterId}`}</Link>}
            {i.complaintId != null && <Link to={`/complaints/${i.complaintId}`}>{t('incidents.complaint', { id: i.complaintId })}</Link>}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('incidents.description')} span={{ xs: 1, sm: 1, md: 2 }}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{i.description}</Typography.Text>
        </Descriptions.Item>
        {i.resolution && (
          <Descriptions.Item label={t('incidents.resolution')} span={{ xs: 1, sm: 1, md: 2 }}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{i.resolution}</Typography.Text> · {formatInstant(i.resolvedAt)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t('incidents.classExplanation')}>
        <ExplanationLine explanation={i.classExplanation} />
      </Card>
      {manage && i.status === 'open' && <ResolveCard key={i.version} incident={i} />}
      {i.documents.map((doc) => (
        <IncidentDocumentCard
          key={`${doc.kind}-${i.version}`}
          incident={i}
          doc={doc}
          canFile={doc.kind === 'reflection' ? i.engineerId === me : manage && i.engineerId !== me}
        />
      ))}
      {manage && i.status !== 'void' && <IncidentCorrectionCard key={`c-${i.version}`} incident={i} />}
    </Flex>
  );
}

/** IN-1: the incident is resolved; the reflection and the notice fall due. */
function ResolveCard({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useIncidentWrite();
  const showError = useIncidentError();
  const [form] = Form.useForm<{ resolution?: string }>();
  return (
    <Card size="small" title={t('incidents.resolve')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          write.mutate(
            { path: `/incidents/${incident.id}/resolve`, body: { version: incident.version, resolution: v.resolution?.trim() } },
            { onSuccess: () => void message.success(t('incidents.saved')), onError: (e) => showError(e, form) },
          )
        }
      >
        <Form.Item
          name="resolution"
          label={t('incidents.resolution')}
          rules={[{ required: true, whitespace: true, message: t('incidents.required') }]}
        >
          <Input.TextArea rows={3} maxLength={5000} data-testid="incident-resolution" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="incident-resolve">
          {t('incidents.resolve')}
        </Button>
      </Form>
    </Card>
  );
}
