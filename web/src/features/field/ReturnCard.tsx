import type { TVisit } from '@techserve/core';
import { Button, Card, Flex, Form, Input, List, Modal, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { useFieldError } from './useFieldError';
import { useVisitAction } from './useVisit';
import './i18n';
import { TypedDatePicker } from '../../shared/DateInput';

const DECISION_COLOR = { pending: 'processing', approved: 'success', declined: 'error', automatic: 'default' } as const;

/** FS-9: the engineer asks to return (job done, return plan); the supervisor approves or declines with a reason. */
export function ReturnCard({ visit }: { visit: TVisit }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [declineForm] = Form.useForm();
  const [declining, setDeclining] = useState(false);
  const act = useVisitAction(visit.letterId);
  const showError = useFieldError(fieldKeys.visit(visit.letterId));
  const can = (action: TVisit['allowed'][number]) => visit.allowed.includes(action);
  if (visit.returnRequests.length === 0 && !can('request_return')) return null;

  const request = (values: { completionNote: string; date: Dayjs; transport: string; note?: string }) =>
    act.mutate(
      {
        path: '/return-request',
        body: {
          version: visit.version,
          completionNote: values.completionNote,
          returnPlan: {
            date: values.date.format('YYYY-MM-DD'),
            transport: values.transport,
            ...(values.note ? { note: values.note } : {}),
          },
        },
      },
      { onSuccess: () => form.resetFields(), onError: (error) => showError(error, form) },
    );
  const decide = (path: '/return-approve' | '/return-decline', extra: Record<string, unknown> = {}) =>
    act.mutate(
      { path, body: { version: visit.version, ...extra } },
      { onSuccess: () => setDeclining(false), onError: (error) => showError(error, declineForm) },
    );

  return (
    <Card size="small" title={t('field.returnTitle')} data-testid="return-card">
      {visit.returnRequests.length > 0 && (
        <List
          size="small"
          dataSource={visit.returnRequests}
          renderItem={(r) => (
            <List.Item data-testid="return-request">
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>
                    {t('field.returnPlanShown', { date: r.returnPlan.date, transport: r.returnPlan.transport })}
                  </Typography.Text>
                  <Tag color={DECISION_COLOR[r.decision]}>{t(`field.returnDecision_${r.decision}`)}</Tag>
                </Flex>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.completionNote}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    `${r.requestedByName} · ${formatInstant(r.requestedAt)}`,
                    r.decidedByName ? `${r.decidedByName} · ${formatInstant(r.decidedAt)}` : null,
                    r.declineReason,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {(can('approve_return') || can('decline_return')) && (
        <Flex gap={8} style={{ marginTop: 8 }}>
          {can('approve_return') && (
            <Button type="primary" loading={act.isPending} onClick={() => decide('/return-approve')} data-testid="return-approve">
              {t('field.approveReturn')}
            </Button>
          )}
          {can('decline_return') && (
            <Button danger onClick={() => setDeclining(true)} data-testid="return-decline">
              {t('field.declineReturn')}
            </Button>
          )}
        </Flex>
      )}
      {can('request_return') && (
        <Form form={form} layout="vertical" onFinish={request} style={{ marginTop: 8 }}>
          <Form.Item
            name="completionNote"
            label={t('field.completionNote')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} data-testid="return-note" />
          </Form.Item>
          <Flex gap={8} wrap>
            <Form.Item
              name="date"
              label={t('field.returnDate')}
              rules={[{ required: true, message: t('field.required') }]}
              style={{ flex: '1 1 140px' }}
            >
              <TypedDatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="return-date" />
            </Form.Item>
            <Form.Item
              name="transport"
              label={t('field.transport')}
              rules={[{ required: true, whitespace: true, message: t('field.required') }]}
              style={{ flex: '1 1 140px' }}
            >
              <Input maxLength={100} data-testid="return-transport" />
            </Form.Item>
          </Flex>
          <Form.Item name="note" label={t('field.note')}>
            <Input maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={act.isPending} data-testid="return-request-submit">
            {t('field.requestReturn')}
          </Button>
        </Form>
      )}
      <Modal
        open={declining}
        title={t('field.declineReturn')}
        onCancel={() => setDeclining(false)}
        onOk={() => declineForm.submit()}
        okButtonProps={{ danger: true, loading: act.isPending }}
        destroyOnHidden
      >
        <Form
          form={declineForm}
          layout="vertical"
          onFinish={(values: { reason: string }) => decide('/return-decline', values)}
          preserve={false}
        >
          <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} data-testid="return-decline-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
