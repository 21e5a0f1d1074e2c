import { type TInstalledProduct, type TSite, ZInstalledProductCreate, ZInstalledProductUpdate } from '@techserve/core';
import { Alert, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { blankToNull } from './blankToNull';
import { DateInput } from '../../shared/DateInput';
import { ProductSelect } from './ProductSelect';
import { RecordFormModal } from './RecordFormModal';
import { useRecordForm } from './useRecordForm';
import { WarrantySummary } from './WarrantySummary';
import './i18n';

type Values = {
  siteId?: number | null;
  productId?: number | null;
  serialNumber?: string;
  installedOn?: string | null;
  acceptedOn?: string | null;
  warrantyEndOverride?: string | null;
  note?: string | null;
};

const toValues = (product: TInstalledProduct | undefined): Values => ({
  siteId: product?.siteId ?? null,
  productId: product?.productId ?? null,
  serialNumber: product?.serialNumber,
  installedOn: product?.installedOn ?? null,
  acceptedOn: product?.acceptedOn ?? null,
  warrantyEndOverride: product?.warrantyEndOverride ?? null,
  note: product?.note,
});

const toBody = (values: Values) => ({
  siteId: values.siteId ?? null,
  productId: values.productId ?? undefined,
  serialNumber: values.serialNumber?.trim() ?? '',
  installedOn: values.installedOn ?? null,
  acceptedOn: values.acceptedOn ?? null,
  warrantyEndOverride: values.warrantyEndOverride ?? null,
  note: blankToNull(values.note),
});

type Props = { open: boolean; customerId: number; product?: TInstalledProduct; sites: TSite[]; onClose: () => void };

/** CU-1/CU-2: add or edit an installed product; the warranty runs from acceptance unless a contract fixes its end. */
export function InstalledProductFormModal({ open, customerId, product, sites, onClose }: Props) {
  const { t } = useTranslation();
  const editor = useRecordForm({
    path: 'installed-products',
    open,
    record: product,
    createWith: { customerId },
    schemas: { create: ZInstalledProductCreate, update: ZInstalledProductUpdate },
    toValues,
    toBody,
    onSaved: onClose,
  });
  return (
    <RecordFormModal
      open={open}
      title={editor.isEdit ? t('customers.editProduct') : t('customers.addProduct')}
      editor={editor}
      onCancel={onClose}
      testId="product-form"
    >
      {product && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={t('customers.currentWarranty')}
          description={<WarrantySummary warranty={product.warranty} />}
        />
      )}
      <Form.Item name="productId" label={t('customers.product')} rules={[{ required: true }]}>
        <ProductSelect currentName={product?.productName} />
      </Form.Item>
      <Form.Item name="serialNumber" label={t('customers.serialNumber')} rules={[{ required: true }]}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="siteId" label={t('customers.siteName')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={sites.map((site) => ({ value: site.id, label: site.name }))}
        />
      </Form.Item>
      <Form.Item name="installedOn" label={t('customers.installedOn')}>
        <DateInput />
      </Form.Item>
      <Form.Item name="acceptedOn" label={t('customers.acceptedOn')} extra={t('customers.acceptedOnHint')}>
        <DateInput />
      </Form.Item>
      <Form.Item name="warrantyEndOverride" label={t('customers.warrantyEndOverride')} extra={t('customers.warrantyEndOverrideHint')}>
        <DateInput />
      </Form.Item>
      <Form.Item name="note" label={t('customers.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </RecordFormModal>
  );
}
