import { type TInstalledProduct, ZPartReplacementCreate } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { zodFormErrors } from '../../api/zodFormErrors';
import { blankToNull } from './blankToNull';
import { customerKeys } from './customerKeys';
import { DateInput } from '../../shared/DateInput';
import { useRecordError } from './useRecordError';
import { WarrantySummary } from './WarrantySummary';
import './i18n';

type Values = { part?: string; replacedOn?: string | null; note?: string | null };

type Props = { open: boolean; product: TInstalledProduct | undefined; onClose: () => void };

/** CU-2: record a replaced part of an installed product; the part gets its own warranty from its replacement date. */
export function PartReplacementModal({ open, product, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useRecordError();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<TInstalledProduct>(`/installed-products/${product?.id}/part-replacements`, { method: 'POST', body }),
    onSuccess: (saved, body) => {
      // CU-2: the replaced part's own warranty, from its replacement date.
      const own = saved.warranty.parts?.find((p) => p.part === body.part && p.replacedOn === body.replacedOn);
      message.success(own ? t('customers.replacementSavedUntil', { date: own.endDate }) : t('customers.replacementSaved'));
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      onClose();
    },
    onError: (error) => showError(error, form),
  });

  const submit = (values: Values) => {
    const body = { part: values.part?.trim() ?? '', replacedOn: values.replacedOn ?? '', note: blankToNull(values.note) };
    if (zodFormErrors(ZPartReplacementCreate, body, form)) save.mutate(body);
  };

  return (
    <Modal
      open={open}
      title={
        product ? `${t('customers.recordReplacement')} · ${product.productName} ${product.serialNumber}` : t('customers.recordReplacement')
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'replacement-form-submit' } as ButtonProps}
      style={{ top: 24 }}
      forceRender
    >
      {product && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={t('customers.currentWarranty')}
          description={<WarrantySummary warranty={product.warranty} />}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="replacement-form">
        <Form.Item name="part" label={t('customers.part')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="replacedOn" label={t('customers.replacedOn')} rules={[{ required: true }]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="note" label={t('customers.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
