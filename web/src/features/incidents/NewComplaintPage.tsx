import { COMPLAINT_LEVELS, type TComplaint } from '@techserve/core';
import { Button, Card, Flex, Form, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { ProductSelect } from '../customers/ProductSelect';
import { useCustomerFile } from '../customers/useCustomerFile';
import { CustomerSelect } from '../tickets/CustomerSelect';
import { UserSelect } from '../tickets/UserSelect';
import { InstantInput } from './InstantInput';
import { TicketOfCustomerSelect } from './TicketOfCustomerSelect';
import { useIncidentError, useIncidentWrite } from './useIncidents';
import './i18n';

type Values = {
  customerId?: number;
  contactId?: number | null;
  complainantName?: string;
  complainantPhone?: string;
  level?: (typeof COMPLAINT_LEVELS)[number];
  recipientName?: string;
  receivedAt?: string | null;
  aboutUserId?: number | null;
  subject?: string;
  description?: string;
  ticketId?: number | null;
  productId?: number | null;
};

/**
 * SR-14: registers a complaint — who complained (the customer and its contact), to whom (VP or above, a sales manager,
 * sales admin or the service department, and the person), about whom and what, linked to the request it concerns.
 */
export function NewComplaintPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const customerId = Form.useWatch('customerId', form);
  const file = useCustomerFile(customerId ?? 0);
  const write = useIncidentWrite<TComplaint>();
  const showError = useIncidentError();
  const required = [{ required: true, whitespace: true, message: t('incidents.required') }];

  const finish = (v: Values) =>
    write.mutate(
      {
        path: '/complaints',
        body: {
          customerId: v.customerId,
          contactId: v.contactId ?? null,
          complainantName: v.complainantName?.trim(),
          complainantPhone: v.complainantPhone?.trim() || null,
          level: v.level,
          recipientName: v.recipientName?.trim(),
          receivedAt: v.receivedAt,
          aboutUserId: v.aboutUserId ?? null,
          subject: v.subject?.trim(),
          description: v.description?.trim(),
          ticketId: v.ticketId ?? null,
          productId: v.productId ?? null,
        },
      },
      { onSuccess: (c) => void navigate(`/complaints/${c.id}`), onError: (e) => showError(e, form) },
    );

  return (
    <Flex vertical style={{ maxWidth: 760 }}>
      <PageHeader title={t('incidents.newComplaint')} />
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={finish}
          initialValues={{ level: 'vpOrAbove', receivedAt: dayjs().toISOString() }}
        >
          <Form.Item name="customerId" label={t('incidents.customer')} rules={[{ required: true, message: t('incidents.required') }]}>
            <CustomerSelect
              testId="complaint-customer"
              onChange={(id) => form.setFieldsValue({ customerId: id, contactId: null, ticketId: null })}
            />
          </Form.Item>
          <Form.Item name="contactId" label={t('incidents.contact')}>
            <Select
              allowClear
              disabled={!customerId}
              options={(file.data?.contacts ?? []).map((c) => ({ value: c.id, label: c.phone ? `${c.name}（${c.phone}）` : c.name }))}
              onChange={(id) => {
                const contact = file.data?.contacts.find((c) => c.id === id);
                if (contact) form.setFieldsValue({ complainantName: contact.name, complainantPhone: contact.phone ?? '' });
              }}
            />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="complainantName" label={t('incidents.complainant')} rules={required} style={{ flex: '1 1 200px' }}>
              <Input maxLength={100} data-testid="complaint-complainant" />
            </Form.Item>
            <Form.Item name="complainantPhone" label={t('incidents.complainantPhone')} style={{ flex: '1 1 200px' }}>
              <Input maxLength={40} />
            </Form.Item>
          </Flex>
          <Form.Item name="level" label={t('incidents.level')} rules={[{ required: true, message: t('incidents.required') }]}>
            <Radio.Group
              data-testid="complaint-level"
              options={COMPLAINT_LEVELS.map((l) => ({ value: l, label: t(`incidents.level_${l}`) }))}
            />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="recipientName" label={t('incidents.recipient')} rules={required} style={{ flex: '1 1 200px' }}>
              <Input maxLength={100} data-testid="complaint-recipient" />
            </Form.Item>
            <Form.Item
              name="receivedAt"
              label={t('incidents.receivedAt')}
              rules={[{ required: true, message: t('incidents.required') }]}
              style={{ flex: '1 1 200px' }}
            >
              <InstantInput />
            </Form.Item>
          </Flex>
          <Form.Item name="aboutUserId" label={t('incidents.about')}>
            <UserSelect testId="complaint-about" placeholder={t('incidents.aboutNone')} />
          </Form.Item>
          <Form.Item name="subject" label={t('incidents.subject')} rules={required}>
            <Input maxLength={200} data-testid="complaint-subject" />
          </Form.Item>
          <Form.Item name="description" label={t('incidents.description')} rules={required}>
            <Input.TextArea rows={4} maxLength={5000} data-testid="complaint-description" />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="ticketId" label={t('incidents.ticket')} style={{ flex: '1 1 240px' }}>
              <TicketOfCustomerSelect customerId={customerId} />
            </Form.Item>
            <Form.Item name="productId" label={t('incidents.product')} extra={t('incidents.productHint')} style={{ flex: '1 1 240px' }}>
              <ProductSelect />
            </Form.Item>
          </Flex>
          <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="complaint-submit">
            {t('incidents.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
