import { INCIDENT_BASES, type TIncident } from '@techserve/core';
import { Button, Card, Flex, Form, Input, InputNumber, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { ProductSelect } from '../customers/ProductSelect';
import { CustomerSelect } from '../tickets/CustomerSelect';
import { UserSelect } from '../tickets/UserSelect';
import { InstantInput } from './InstantInput';
import { TicketOfCustomerSelect } from './TicketOfCustomerSelect';
import { useIncidentError, useIncidentWrite } from './useIncidents';
import './i18n';

type Values = {
  classId?: 'I' | 'II';
  basis?: (typeof INCIDENT_BASES)[number];
  engineerId?: number | null;
  customerId?: number;
  ticketId?: number | null;
  letterId?: number | null;
  complaintId?: number | null;
  productId?: number | null;
  title?: string;
  description?: string;
  occurredAt?: string | null;
};

/**
 * IN-1/IN-2: records an incident by the policy's definitions — its class, the definition it meets, the engineer, and
 * the request, visit or complaint it concerns (the server refuses one without its class or what it concerns).
 */
export function NewIncidentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const customerId = Form.useWatch('customerId', form);
  const write = useIncidentWrite<TIncident>();
  const showError = useIncidentError();
  const required = [{ required: true, whitespace: true, message: t('incidents.required') }];
  const finish = (v: Values) =>
    write.mutate(
      {
        path: '/incidents',
        body: {
          classId: v.classId ?? null,
          basis: v.basis,
          engineerId: v.engineerId,
          ticketId: v.ticketId ?? null,
          letterId: v.letterId ?? null,
          complaintId: v.complaintId ?? null,
          productId: v.productId ?? null,
          title: v.title?.trim(),
          description: v.description?.trim(),
          occurredAt: v.occurredAt,
        },
      },
      { onSuccess: (i) => void navigate(`/incidents/${i.id}`), onError: (e) => showError(e, form) },
    );
  return (
    <Flex vertical style={{ maxWidth: 760 }}>
      <PageHeader title={t('incidents.newIncident')} />
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={finish}
          initialValues={{ basis: 'improperOperation', occurredAt: dayjs().toISOString() }}
        >
          <Form.Item name="classId" label={t('incidents.class')}>
            <Radio.Group options={(['I', 'II'] as const).map((c) => ({ value: c, label: t(`incidents.class_${c}`) }))} />
          </Form.Item>
          <Form.Item name="basis" label={t('incidents.basis')}>
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={INCIDENT_BASES.map((b) => ({ value: b, label: t(`incidents.basis_${b}`) }))}
            />
          </Form.Item>
          <Form.Item name="engineerId" label={t('incidents.engineer')} rules={[{ required: true, message: t('incidents.required') }]}>
            <UserSelect />
          </Form.Item>
          <Typography.Text type="secondary">{t('incidents.concernsHint')}</Typography.Text>
          <Form.Item name="customerId" label={t('incidents.customerName')}>
            <CustomerSelect onChange={(id) => form.setFieldsValue({ customerId: id, ticketId: null })} />
          </Form.Item>
          <Form.Item name="ticketId" label={t('incidents.ticket')}>
            <TicketOfCustomerSelect customerId={customerId} />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="letterId" label={t('incidents.letterId')} style={{ flex: '1 1 160px' }}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="complaintId" label={t('incidents.complaintId')} style={{ flex: '1 1 160px' }}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Form.Item name="productId" label={t('incidents.product')} extra={t('incidents.productHint')}>
            <ProductSelect />
          </Form.Item>
          <Form.Item name="occurredAt" label={t('incidents.occurredAt')} rules={[{ required: true, message: t('incidents.required') }]}>
            <InstantInput />
          </Form.Item>
          <Form.Item name="title" label={t('incidents.title')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('incidents.description')} rules={required}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="incident-submit">
            {t('incidents.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
