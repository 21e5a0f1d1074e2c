import { type TContact, type TCustomer, ZContactCreate, ZCustomerCreate } from '@techserve/core';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { zodFormErrors } from '../../api/zodFormErrors';
import { OrgRefSelect } from '../org/OrgRefSelect';
import { ticketKeys } from './ticketKeys';
import { useTicketError } from './useTicketError';
import './i18n';

type Values = { name?: string; address?: string; regionId?: number | null; contactName?: string; phone?: string; position?: string };

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/**
 * CU-1 at intake (issue 12 item 11): a caller the customer file does not know yet — the customer and the caller as
 * its primary contact are created with the customer APIs (POST /customers, POST /contacts) without leaving the
 * intake form, which then continues with them. When the contact fails after the customer was saved, a retry adds the
 * contact to that customer (no second customer).
 */
export function NewCallerModal({
  open,
  initialName,
  onClose,
}: {
  open: boolean;
  /** What the agent typed into the customer search. */
  initialName?: string;
  onClose: (created?: { customer: TCustomer; contact: TContact }) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const showError = useTicketError();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<TCustomer | null>(null);

  const save = async (values: Values) => {
    const customerBody = saved
      ? null
      : zodFormErrors(
          ZCustomerCreate,
          { name: values.name?.trim() ?? '', address: blank(values.address), regionId: values.regionId ?? null },
          form,
        );
    if (!saved && !customerBody) return;
    const contactPayload = {
      customerId: saved?.id ?? 1,
      name: values.contactName?.trim() ?? '',
      phone: blank(values.phone),
      position: blank(values.position),
      isPrimary: true,
    };
    const contactCheck = ZContactCreate.safeParse(contactPayload);
    if (!contactCheck.success) {
      form.setFields(
        contactCheck.error.issues.map((issue) => ({
          name: issue.path[0] === 'name' ? 'contactName' : (issue.path[0] as keyof Values),
          errors: [issue.message],
        })),
      );
      return;
    }
    setSaving(true);
    try {
      const customer = saved ?? (await api<TCustomer>('/customers', { method: 'POST', body: customerBody }));
      setSaved(customer);
      const contact = await api<TContact>('/contacts', { method: 'POST', body: { ...contactCheck.data, customerId: customer.id } });
      await queryClient.invalidateQueries({ queryKey: ticketKeys.all });
      form.resetFields();
      setSaved(null);
      onClose({ customer, contact });
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('tickets.newCaller')}
      okText={t('tickets.newCallerSave')}
      cancelText={t('tickets.newCallerCancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
      data-testid="new-caller"
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ name: initialName }} preserve={false}>
        {saved && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('tickets.newCallerCustomerSaved', { name: saved.name })} />
        )}
        <Typography.Text strong>{t('tickets.newCallerCustomer')}</Typography.Text>
        <Form.Item
          name="name"
          label={t('tickets.newCallerCustomerName')}
          rules={[{ required: !saved, whitespace: true, message: t('tickets.required') }]}
        >
          <Input maxLength={200} disabled={!!saved} data-testid="new-caller-customer" />
        </Form.Item>
        <Form.Item name="address" label={t('tickets.newCallerAddress')}>
          <Input maxLength={300} disabled={!!saved} />
        </Form.Item>
        <Form.Item name="regionId" label={t('tickets.newCallerRegion')}>
          <OrgRefSelect source="regions" />
        </Form.Item>
        <Typography.Text strong>{t('tickets.newCallerContact')}</Typography.Text>
        <Form.Item
          name="contactName"
          label={t('tickets.newCallerContactName')}
          rules={[{ required: true, whitespace: true, message: t('tickets.required') }]}
        >
          <Input maxLength={100} autoComplete="off" data-testid="new-caller-contact" />
        </Form.Item>
        <Form.Item name="phone" label={t('tickets.newCallerPhone')}>
          <Input maxLength={30} inputMode="tel" data-testid="new-caller-phone" />
        </Form.Item>
        <Form.Item name="position" label={t('tickets.newCallerPosition')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
