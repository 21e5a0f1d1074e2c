import type { TDelivery } from '@techserve/core';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Result, Select, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useProjectError } from './useProjectError';
import { SignaturePad } from '../../shared/SignaturePad';
import { useIntakeCustomerFile } from '../tickets/useIntakeCustomerFile';
import { DeliveryStatusTag } from './DeliveriesPage';
import { RuleErrorAlert } from './RuleErrorAlert';
import { projectKeys } from './projectKeys';
import { useRecord } from './useRecord';
import { useRecordCall } from './useRecordCall';
import './i18n';

/**
 * FS-13 on the engineer's phone: record the delivery address and contact, tell the customer of the arrival, then
 * the customer counts each item and signs; counts that differ from the list are flagged.
 */
export function DeliveryDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const query = useRecord<TDelivery>(projectKeys.delivery(id), `/deliveries/${id}`, id);
  const call = useRecordCall<TDelivery>(projectKeys.delivery(id), projectKeys.deliveryLists());
  const showError = useProjectError();
  const [details] = Form.useForm();
  const [check] = Form.useForm();
  const [signature, setSignature] = useState<string | null>(null);
  const d = query.data;
  const file = useIntakeCustomerFile(d?.customerId);
  if (query.isLoading) return <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />;
  if (query.error instanceof ApiError && query.error.status === 404)
    return (
      <Result
        status="404"
        title={t('projects.deliveries.notFound')}
        extra={<Link to="/projects/deliveries">{t('projects.backToList')}</Link>}
      />
    );
  if (!d) return <Alert type="error" showIcon title={(query.error as Error | null)?.message ?? ''} />;

  const send = async (path: string, body: unknown, form?: typeof details, method: 'POST' | 'PATCH' = 'POST') => {
    try {
      await call.mutateAsync({ path, method, body });
      return true;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 422 && error.ruleId)) showError(error, form);
      if (error instanceof ApiError && error.status === 409) void query.refetch();
      return false;
    }
  };
  const signed = d.status === 'signed';
  return (
    <div style={{ maxWidth: 720 }}>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('projects.deliveries.one', { id: d.id })}
        </Typography.Title>
        <DeliveryStatusTag status={d.status} discrepancy={d.discrepancy} />
      </Flex>
      <RuleErrorAlert error={call.error} />
      <Card size="small" style={{ margin: '12px 0' }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('projects.customer')}>{d.customerName}</Descriptions.Item>
          {d.projectId && (
            <Descriptions.Item label={t('projects.project')}>
              <Link to={`/projects/${d.projectId}`}>{d.projectName}</Link>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('projects.deliveries.notifiedAt')}>
            {d.notifiedAt ? `${new Date(d.notifiedAt).toLocaleString()} · ${d.notifiedBy ?? ''}` : '—'}
          </Descriptions.Item>
          {signed && (
            <Descriptions.Item
              label={t('projects.deliveries.signer')}
            >{`${d.signerName ?? ''} · ${d.signedAt ? new Date(d.signedAt).toLocaleString() : ''}`}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {!signed && (
        <Card size="small" title={t('projects.deliveries.arrival')} style={{ marginBottom: 12 }}>
          <Form
            form={details}
            layout="vertical"
            initialValues={{ contactId: d.contactId ?? undefined, address: d.address ?? '' }}
            onFinish={(v: { contactId?: number; address?: string }) =>
              void send(
                `/deliveries/${d.id}`,
                { version: d.version, contactId: v.contactId ?? null, address: v.address || null },
                details,
                'PATCH',
              ).then((ok) => ok && void message.success(t('common.saved')))
            }
          >
            <Form.Item name="contactId" label={t('projects.deliveries.contact')}>
              <Select
                allowClear
                loading={file.isFetching}
                options={(file.data?.contacts ?? []).map((c) => ({ value: c.id, label: c.email ? `${c.name}（${c.email}）` : c.name }))}
              />
            </Form.Item>
            <Form.Item name="address" label={t('projects.deliveries.address')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Flex gap={8} wrap>
              <Button htmlType="submit" loading={call.isPending}>
                {t('common.save')}
              </Button>
              <Button
                type="primary"
                loading={call.isPending}
                data-testid="delivery-notify"
                onClick={() => void send(`/deliveries/${d.id}/notify`, { version: d.version })}
              >
                {t(d.notifiedAt ? 'projects.deliveries.notifyAgain' : 'projects.deliveries.notify')}
              </Button>
            </Flex>
          </Form>
        </Card>
      )}
      <Card size="small" title={t('projects.deliveries.check')}>
        <Form
          form={check}
          layout="vertical"
          initialValues={{ counts: Object.fromEntries(d.items.map((i) => [i.id, i.qtyChecked ?? i.qtyExpected])) }}
          onFinish={(v: { counts: Record<string, number>; signerName: string }) =>
            void send(
              `/deliveries/${d.id}/check`,
              {
                version: d.version,
                signerName: v.signerName,
                signature: signature ?? '',
                items: d.items.map((i) => ({ itemId: i.id, qtyChecked: Number(v.counts[i.id] ?? 0) })),
              },
              check,
            )
          }
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.items}
            columns={[
              { key: 'name', title: t('projects.deliveries.itemName'), render: (_, i) => [i.name, i.spec].filter(Boolean).join(' · ') },
              { key: 'expected', title: t('projects.deliveries.qtyExpected'), dataIndex: 'qtyExpected' },
              {
                key: 'checked',
                title: t('projects.deliveries.qtyChecked'),
                render: (_, i) =>
                  signed ? (
                    <span>
                      {i.qtyChecked} {i.discrepancy && <Tag color="red">{t('projects.deliveries.differs')}</Tag>}
                    </span>
                  ) : (
                    <Form.Item name={['counts', String(i.id)]} noStyle>
                      <InputNumber min={0} precision={0} style={{ width: 90 }} aria-label={t('projects.deliveries.qtyChecked')} />
                    </Form.Item>
                  ),
              },
            ]}
          />
          {!signed && d.status === 'notified' && (
            <>
              <Form.Item
                name="signerName"
                label={t('projects.deliveries.signer')}
                rules={[{ required: true, whitespace: true }]}
                style={{ marginTop: 12 }}
              >
                <Input maxLength={100} />
              </Form.Item>
              <SignaturePad onChange={setSignature} />
              <Button
                type="primary"
                size="large"
                block
                htmlType="submit"
                disabled={!signature}
                loading={call.isPending}
                style={{ marginTop: 12 }}
                data-testid="delivery-sign"
              >
                {t('projects.deliveries.confirmAndSign')}
              </Button>
            </>
          )}
          {d.status === 'planned' && <Typography.Text type="secondary">{t('projects.deliveries.notifyFirst')}</Typography.Text>}
        </Form>
      </Card>
    </div>
  );
}
