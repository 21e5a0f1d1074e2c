import type { TIncident, TIncidentDocument } from '@techserve/core';
import { App, Button, Card, Descriptions, Flex, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../field/formatInstant';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { DocumentStateTag } from './IncidentTags';
import { useIncidentError, useIncidentWrite } from './useIncidents';
import './i18n';

/** A due instant at midnight reads as the end of the day before (2026-03-11 24:00), as the rule states it. */
export function formatDue(instant: string | null): string {
  if (!instant) return '—';
  const local = dayjs(instant);
  return local.format('HH:mm') === '00:00' ? `${local.subtract(1, 'day').format('YYYY-MM-DD')} 24:00` : local.format('YYYY-MM-DD HH:mm');
}

/**
 * IN-1/IN-3: the engineer's reflection, the supervisor's review (事故总结) or the notice — who owes it, when it is due
 * (with the due time's explanation), its state (open, overdue, on time, late: the obligation's judgement, explained)
 * and, while open, the form for its owner. The review is filed with the notice here (its field shows in the notice's
 * form while the review is not filed; the API also takes it alone), so the review's card shows its due time and state.
 */
export function IncidentDocumentCard({ incident, doc, canFile }: { incident: TIncident; doc: TIncidentDocument; canFile: boolean }) {
  const reviewPending = incident.documents.some((d) => d.kind === 'review' && d.required && !d.filedAt);
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useIncidentWrite();
  const showError = useIncidentError();
  const [form] = Form.useForm<{ text?: string; review?: string; notice?: string }>();
  const testId = `incident-${doc.kind}`;
  const file = (v: { text?: string; review?: string; notice?: string }) =>
    write.mutate(
      {
        path: `/incidents/${incident.id}/${doc.kind}`,
        body:
          doc.kind === 'reflection'
            ? { version: incident.version, text: v.text?.trim() }
            : { version: incident.version, ...(reviewPending ? { review: v.review?.trim() } : {}), notice: v.notice?.trim() },
      },
      { onSuccess: () => void message.success(t('incidents.saved')), onError: (e) => showError(e, form) },
    );
  const required = [{ required: true, whitespace: true, message: t('incidents.required') }];
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          {t(`incidents.doc_${doc.kind}`)}
          {doc.required ? (
            <DocumentStateTag state={doc.state} />
          ) : (
            <Typography.Text type="secondary">{t('incidents.notRequired')}</Typography.Text>
          )}
        </Flex>
      }
      data-testid={testId}
    >
      {doc.required && (
        <Flex vertical gap={8}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('incidents.owner')}>{doc.ownerName ?? t('incidents.none')}</Descriptions.Item>
            <Descriptions.Item label={t('incidents.dueAt')}>{formatDue(doc.dueAt)}</Descriptions.Item>
            {doc.filedAt && (
              <Descriptions.Item label={t('incidents.filedAt')}>
                {formatInstant(doc.filedAt)} · {doc.filedByName}
              </Descriptions.Item>
            )}
          </Descriptions>
          {doc.dueExplanation && <ExplanationLine explanation={doc.dueExplanation} />}
          {doc.stateExplanation && (
            <div data-testid={`${testId}-judgement`}>
              <ExplanationLine explanation={doc.stateExplanation} />
            </div>
          )}
          {doc.text && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={`${testId}-text`}>
              {doc.text}
            </Typography.Paragraph>
          )}
          {canFile && doc.kind !== 'review' && !doc.filedAt && incident.status === 'resolved' && (
            <Form form={form} layout="vertical" onFinish={file}>
              {doc.kind === 'reflection' ? (
                <Form.Item name="text" label={t('incidents.reflectionText')} rules={required}>
                  <Input.TextArea rows={5} maxLength={20000} data-testid={`${testId}-input`} />
                </Form.Item>
              ) : (
                <>
                  {reviewPending && (
                    <Form.Item name="review" label={t('incidents.review')} rules={required}>
                      <Input.TextArea rows={4} maxLength={20000} data-testid="incident-review-input" />
                    </Form.Item>
                  )}
                  <Form.Item name="notice" label={t('incidents.notice')} rules={required}>
                    <Input.TextArea rows={4} maxLength={20000} data-testid={`${testId}-input`} />
                  </Form.Item>
                </>
              )}
              <Button type="primary" htmlType="submit" loading={write.isPending} data-testid={`${testId}-submit`}>
                {t(doc.kind === 'reflection' ? 'incidents.fileReflection' : 'incidents.sendNotice')}
              </Button>
            </Form>
          )}
        </Flex>
      )}
    </Card>
  );
}
