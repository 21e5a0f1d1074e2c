import { type TContact, ZContactCreate, ZContactUpdate } from '@techserve/core';
import { Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { blankToNull } from './blankToNull';
import { RecordFormModal } from './RecordFormModal';
import { useRecordForm } from './useRecordForm';
import './i18n';

type Values = { name?: string; phone?: string | null; email?: string | null; position?: string | null; isPrimary?: boolean };

const toValues = (contact: TContact | undefined): Values => ({
  name: contact?.name,
  phone: contact?.phone,
  email: contact?.email,
  position: contact?.position,
  isPrimary: contact?.isPrimary ?? false,
});

const toBody = (values: Values) => ({
  name: values.name?.trim() ?? '',
  phone: blankToNull(values.phone),
  email: blankToNull(values.email),
  position: blankToNull(values.position),
  isPrimary: values.isPrimary ?? false,
});

type Props = { open: boolean; customerId: number; contact?: TContact; onClose: () => void };

/** CU-1: add or edit a contact of the customer; one primary contact per customer. */
export function ContactFormModal({ open, customerId, contact, onClose }: Props) {
  const { t } = useTranslation();
  const editor = useRecordForm({
    path: 'contacts',
    open,
    record: contact,
    createWith: { customerId },
    schemas: { create: ZContactCreate, update: ZContactUpdate },
    toValues,
    toBody,
    onSaved: onClose,
  });
  return (
    <RecordFormModal
      open={open}
      title={editor.isEdit ? t('customers.editContact') : t('customers.addContact')}
      editor={editor}
      onCancel={onClose}
      testId="contact-form"
    >
      <Form.Item name="name" label={t('customers.contactName')} rules={[{ required: true }]}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t('customers.phone')}>
        <Input maxLength={30} inputMode="tel" />
      </Form.Item>
      <Form.Item name="email" label={t('customers.email')}>
        <Input maxLength={200} type="email" />
      </Form.Item>
      <Form.Item name="position" label={t('customers.position')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="isPrimary" label={t('customers.primary')} valuePropName="checked" extra={t('customers.primaryHint')}>
        <Switch />
      </Form.Item>
    </RecordFormModal>
  );
}
