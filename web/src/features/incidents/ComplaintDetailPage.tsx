import { CONFIRMATION_CHANNELS, type TComplaint, type TIncident } from '@techserve/core';
import { App, Button, Card, Descriptions, Flex, Form, Input, Result, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { formatInstant } from '../field/formatInstant';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { ComplaintStatusTag, IncidentClassTag } from './IncidentTags';
import { useComplaint, useIncidentError, useIncidentWrite } from './useIncidents';
import './i18n';

/**
 * SR-14: one complaint — who complained to whom about whom and what, the incident class its level proposes (with the
 * explanation), and the department's steps: acknowledge, record the handling, the customer's confirmation, and
 * recording the proposed incident (IN-1/IN-2).
 */
export function ComplaintDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useSession();
  const query = useComplaint(Number(id));
  if (query.isLoading) return <Skeleton active />;
  const c = query.data;
  if (!c) return <Result status="404" title={t('incidents.notFound')} />;
  const manage = can('incidents.manage');
  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {t('incidents.complaint', { id: c.id })} <ComplaintStatusTag status={c.status} />
          </Flex>
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label={t('incidents.customer')}>{c.customerName}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.complainant')}>
          {c.complainantName}
          {c.complainantPhone && (
            <>
              {' '}
              <a href={`tel:${c.complainantPhone}`}>{c.complainantPhone}</a>
            </>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('incidents.level')}>{t(`incidents.level_${c.level}`)}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.recipient')}>{c.recipientName}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.about')}>{c.aboutUserName ?? t('incidents.aboutNone')}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.receivedAt')}>{formatInstant(c.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.subject')} span={{ xs: 1, sm: 1, md: 2 }}>
          {c.subject}
        </Descriptions.Item>
        <Descriptions.Item label={t('incidents.description')} span={{ xs: 1, sm: 1, md: 2 }}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Text>
        </Descriptions.Item>
        {c.ticketId != null && (
          <Descriptions.Item label={t('incidents.ticket')}>
            <Link to={`/tickets/${c.ticketId}`}>{c.ticketNumber}</Link>
          </Descriptions.Item>
        )}
        {c.productName && <Descriptions.Item label={t('incidents.product')}>{c.productName}</Descriptions.Item>}
        <Descriptions.Item label={t('incidents.createdBy')}>{c.createdByName ?? t('incidents.none')}</Descriptions.Item>
        {c.handling && (
          <Descriptions.Item label={t('incidents.handling')} span={{ xs: 1, sm: 1, md: 2 }}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.handling}</Typography.Text> · {c.handledByName}{' '}
            {formatInstant(c.handledAt)}
          </Descriptions.Item>
        )}
        {c.confirmedBy && (
          <Descriptions.Item label={t('incidents.confirmTitle')} span={{ xs: 1, sm: 1, md: 2 }}>
            {c.confirmedBy} · {c.confirmationChannel ? t(`incidents.channel_${c.confirmationChannel}`) : ''} {c.confirmationNote ?? ''}{' '}
            {c.closedAt && formatInstant(c.closedAt)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t('incidents.proposal')}>
        <Flex vertical gap={8}>
          <div>{c.proposal.classId ? <IncidentClassTag classId={c.proposal.classId} /> : t('incidents.proposalNone')}</div>
          <ExplanationLine explanation={c.proposal.explanation} />
          {c.incidentId != null && (
            <Link to={`/incidents/${c.incidentId}`} data-testid="complaint-incident">
              {t('incidents.incidentOf', { id: c.incidentId })}
            </Link>
          )}
          {manage && c.incidentId == null && c.aboutUserId != null && <RaiseIncident complaint={c} />}
        </Flex>
      </Card>
      {manage && <ComplaintSteps key={c.version} complaint={c} />}
    </Flex>
  );
}

/** IN-1/IN-2: records the incident the complaint proposes (or the class chosen). */
function RaiseIncident({ complaint }: { complaint: TComplaint }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const write = useIncidentWrite<TIncident>();
  const showError = useIncidentError();
  const [cls, setCls] = useState<'I' | 'II'>(complaint.proposal.classId ?? 'II');
  return (
    <Flex gap={8} wrap>
      <Select
        value={cls}
        onChange={setCls}
        style={{ width: 140 }}
        options={(['I', 'II'] as const).map((v) => ({ value: v, label: t(`incidents.class_${v}`) }))}
      />
      <Button
        type="primary"
        danger={cls === 'I'}
        loading={write.isPending}
        data-testid="complaint-raise"
        onClick={() =>
          write.mutate(
            { path: `/complaints/${complaint.id}/incident`, body: { version: complaint.version, classId: cls } },
            { onSuccess: (incident) => void navigate(`/incidents/${incident.id}`), onError: (e) => showError(e) },
          )
        }
      >
        {t('incidents.raiseIncident', { cls })}
      </Button>
    </Flex>
  );
}

/** SR-14: acknowledge, record the handling, and the customer's confirmation (satisfied closes it). */
function ComplaintSteps({ complaint: c }: { complaint: TComplaint }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useIncidentWrite();
  const showError = useIncidentError();
  const [handling, setHandling] = useState('');
  const [form] = Form.useForm<{ confirmedBy?: string; channel?: string; note?: string }>();
  const post = (path: string, body: object) =>
    write.mutate(
      { path: `/complaints/${c.id}/${path}`, body: { version: c.version, ...body } },
      { onSuccess: () => void message.success(t('incidents.saved')), onError: (e) => showError(e, form) },
    );
  if (c.status === 'closed') return null;
  return (
    <Card size="small" title={t('incidents.handling')}>
      <Flex vertical gap={12}>
        {c.status === 'open' && (
          <Button
            onClick={() => post('acknowledge', {})}
            loading={write.isPending}
            data-testid="complaint-acknowledge"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('incidents.acknowledge')}
          </Button>
        )}
        {(c.status === 'open' || c.status === 'acknowledged') && (
          <Flex vertical gap={8}>
            <Input.TextArea
              rows={3}
              maxLength={5000}
              value={handling}
              onChange={(e) => setHandling(e.target.value)}
              placeholder={t('incidents.handling')}
              data-testid="complaint-handling"
            />
            <Button
              disabled={!handling.trim()}
              loading={write.isPending}
              onClick={() => post('handle', { handling: handling.trim() })}
              style={{ alignSelf: 'flex-start' }}
              data-testid="complaint-handle"
            >
              {t('incidents.handle')}
            </Button>
          </Flex>
        )}
        {c.status === 'handled' && (
          <Form form={form} layout="vertical" initialValues={{ confirmedBy: c.complainantName, channel: 'phone' }}>
            <Flex gap={12} wrap>
              <Form.Item
                name="confirmedBy"
                label={t('incidents.confirmedBy')}
                rules={[{ required: true, message: t('incidents.required') }]}
                style={{ flex: '1 1 160px' }}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="channel" label={t('incidents.channel')} style={{ flex: '1 1 160px' }}>
                <Select options={CONFIRMATION_CHANNELS.map((ch) => ({ value: ch, label: t(`incidents.channel_${ch}`) }))} />
              </Form.Item>
            </Flex>
            <Form.Item name="note" label={t('incidents.confirmationNote')}>
              <Input maxLength={2000} />
            </Form.Item>
            <Flex gap={8} wrap>
              {[true, false].map((satisfied) => (
                <Button
                  key={String(satisfied)}
                  type={satisfied ? 'primary' : 'default'}
                  loading={write.isPending}
                  data-testid={satisfied ? 'complaint-satisfied' : 'complaint-not-satisfied'}
                  onClick={() =>
                    void form.validateFields().then((v) =>
                      post('confirmation', {
                        satisfied,
                        confirmedBy: v.confirmedBy?.trim(),
                        channel: v.channel,
                        note: v.note?.trim() || null,
                      }),
                    )
                  }
                >
                  {t(satisfied ? 'incidents.satisfied' : 'incidents.notSatisfied')}
                </Button>
              ))}
            </Flex>
          </Form>
        )}
      </Flex>
    </Card>
  );
}
