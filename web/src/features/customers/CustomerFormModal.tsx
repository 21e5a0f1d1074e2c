import { type TCustomer, ZCustomerCreate, ZCustomerUpdate } from '@techserve/core';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgRefSelect } from '../org/OrgRefSelect';
import { blankToNull } from './blankToNull';
import { RecordFormModal } from './RecordFormModal';
import { useRecordForm } from './useRecordForm';
import './i18n';

type Values = {
  name?: string;
  shortName?: string | null;
  code?: string | null;
  industry?: string | null;
  address?: string | null;
  regionId?: number | null;
  note?: string | null;
};

const toValues = (customer: TCustomer | undefined): Values => ({
  name: customer?.name,
  shortName: customer?.shortName,
  code: customer?.code,
  industry: customer?.industry,
  address: customer?.address,
  regionId: customer?.regionId ?? null,
  note: customer?.note,
});

const toBody = (values: Values) => ({
  name: values.name?.trim() ?? '',
  shortName: blankToNull(values.shortName),
  code: blankToNull(values.code),
  industry: blankToNull(values.industry),
  address: blankToNull(values.address),
  regionId: values.regionId ?? null,
  note: blankToNull(values.note),
});

type Props = {
  open: boolean;
  /** The customer to edit; undefined to create one. */
  customer?: TCustomer;
  onClose: (saved?: TCustomer) => void;
};

/** CU-1: create or edit a customer. */
export function CustomerFormModal({ open, customer, onClose }: Props) {
  const { t } = useTranslation();
  const editor = useRecordForm({
    path: 'customers',
    open,
    record: customer,
    schemas: { create: ZCustomerCreate, update: ZCustomerUpdate },
    toValues,
    toBody,
    onSaved: onClose,
  });
  return (
    <RecordFormModal
      open={open}
      title={editor.isEdit ? t('customers.edit') : t('customers.create')}
      editor={editor}
      onCancel={() => onClose()}
      testId="customer-form"
    >
      <Form.Item name="name" label={t('customers.name')} rules={[{ required: true }]}>
        <Input maxLength={200} data-testid="customer-name" />
      </Form.Item>
      <Form.Item name="shortName" label={t('customers.shortName')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="code" label={t('customers.code')} extra={t('customers.codeHint')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="industry" label={t('customers.industry')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label={t('customers.address')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="regionId" label={t('customers.region')}>
        <OrgRefSelect source="regions" />
      </Form.Item>
      <Form.Item name="note" label={t('customers.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </RecordFormModal>
  );
}
