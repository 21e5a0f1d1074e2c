import { ArrowLeftOutlined } from '@ant-design/icons';
import { ZServiceNoticeCreate, ZTicketType, type TServiceNoticeCreate } from '@techserve/core';
import { Button, Card, Form, Input, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { zodFormErrors } from '../../api/zodFormErrors';
import { PageHeader } from '../../layout/PageHeader';
import { CustomerSelect } from '../tickets/CustomerSelect';
import { useCreateNotice } from './useCreateNotice';
import { useFieldError } from './useFieldError';
import '../tickets/i18n';
import './i18n';

const NOTICE_TYPES = ZTicketType.options.filter((type) => type !== 'change_request');

/**
 * FS-1: raise a service notice — who raises it is the signed-in user; the customer unit (a customer record via the
 * type-ahead, or free text for a unit not yet on file), contact, phone, requirements and the site situation.
 */
export function NoticeCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [unitKind, setUnitKind] = useState<'record' | 'text'>('record');
  const create = useCreateNotice();
  const showError = useFieldError();

  const submit = (values: Record<string, unknown>) => {
    const body = zodFormErrors(
      ZServiceNoticeCreate,
      {
        ...values,
        customerId: unitKind === 'record' ? values.customerId : undefined,
        customerUnit: unitKind === 'text' ? values.customerUnit : undefined,
      },
      form,
    );
    if (!body) return;
    create.mutate(body as TServiceNoticeCreate, {
      onSuccess: (notice) => navigate(`/field/notices/${notice.id}`),
      onError: (error) => showError(error, form),
    });
  };

  return (
    <div style={{ maxWidth: 760 }}>
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate('/field/notices')}>
        {t('field.backToNotices')}
      </Button>
      <PageHeader title={t('field.newNotice')} />
      <Card>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ type: 'installation' }} data-testid="notice-form">
          <Form.Item label={t('field.customerUnit')} required>
            <Segmented
              value={unitKind}
              onChange={(value) => setUnitKind(value as 'record' | 'text')}
              options={[
                { value: 'record', label: t('field.customerOnFile') },
                { value: 'text', label: t('field.customerNotOnFile') },
              ]}
              style={{ marginBottom: 8 }}
            />
            {unitKind === 'record' ? (
              <Form.Item name="customerId" noStyle rules={[{ required: true, message: t('field.required') }]}>
                <CustomerSelect placeholder={t('field.customerSearch')} testId="notice-customer" style={{ width: '100%' }} />
              </Form.Item>
            ) : (
              <Form.Item name="customerUnit" noStyle rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
                <Input maxLength={200} placeholder={t('field.customerUnitPlaceholder')} data-testid="notice-customer-unit" />
              </Form.Item>
            )}
          </Form.Item>
          <Form.Item name="siteAddress" label={t('field.siteAddress')}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item
            name="contactName"
            label={t('field.contact')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }]}
          >
            <Input maxLength={100} data-testid="notice-contact" />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('field.phone')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }]}
          >
            <Input maxLength={50} inputMode="tel" data-testid="notice-phone" />
          </Form.Item>
          <Form.Item name="type" label={t('field.serviceType')}>
            <Select options={NOTICE_TYPES.map((type) => ({ value: type, label: t(`tickets.type_${type}`) }))} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('field.noticeTitle')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }]}
          >
            <Input maxLength={200} data-testid="notice-title" />
          </Form.Item>
          <Form.Item
            name="requirements"
            label={t('field.requirements')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10_000} data-testid="notice-requirements" />
          </Form.Item>
          <Form.Item
            name="siteSituation"
            label={t('field.siteSituation')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10_000} data-testid="notice-site" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" loading={create.isPending} block data-testid="notice-submit">
            {t('field.raiseNotice')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
