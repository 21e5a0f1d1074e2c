import { type TCustomer, ZCustomerCreate } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { zodFormErrors } from '../../api/zodFormErrors';
import './i18n';

type Values = { name: string; shortName?: string; code?: string; industry?: string; address?: string; note?: string };

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function CustomerFormModal({ open, onClose }: { open: boolean; onClose: (created?: TCustomer) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<TCustomer>('/customers', { method: 'POST', body }),
    onSuccess: (customer) => {
      message.success(t('common.created'));
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      onClose(customer);
    },
    onError: (error) => showError(error, form),
  });

  const submit = (values: Values) => {
    const body = {
      name: values.name,
      shortName: blankToNull(values.shortName),
      code: blankToNull(values.code),
      industry: blankToNull(values.industry),
      address: blankToNull(values.address),
      note: blankToNull(values.note),
    };
    if (zodFormErrors(ZCustomerCreate, body, form)) save.mutate(body);
  };

  return (
    <Modal open={open} title={t('customers.create')} onCancel={() => onClose()} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('customers.name')} rules={[{ required: true }]}>
          <Input data-testid="customer-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('customers.shortName')}>
          <Input />
        </Form.Item>
        <Form.Item name="code" label={t('customers.code')}>
          <Input />
        </Form.Item>
        <Form.Item name="industry" label={t('customers.industry')}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label={t('customers.address')}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('customers.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
