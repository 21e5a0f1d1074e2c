import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TDelivery } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useProjectError } from './useProjectError';
import { CustomerSelect } from '../tickets/CustomerSelect';
import { useIntakeCustomerFile } from '../tickets/useIntakeCustomerFile';
import { projectKeys } from './projectKeys';
import { toDate } from './toDate';
import './i18n';

/** FS-13: a delivery with its expected items, of a project or (without one) of a customer. */
export function DeliveryCreateModal({
  open,
  onClose,
  projectId,
  customerId: fixedCustomer,
}: {
  open: boolean;
  onClose: () => void;
  projectId?: number;
  customerId?: number;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [chosen, setChosen] = useState<number>();
  const customerId = fixedCustomer ?? chosen;
  const file = useIntakeCustomerFile(customerId);
  const showError = useProjectError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: unknown) => api<TDelivery>('/deliveries', { method: 'POST', body }),
    onSuccess: (d) => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.deliveryLists() });
      onClose();
      void navigate(`/projects/deliveries/${d.id}`);
    },
    onError: (error) => showError(error, form),
  });
  const submit = (v: Record<string, never>) =>
    create.mutate({
      ...(projectId ? { projectId } : { customerId }),
      contactId: v.contactId ?? null,
      address: v.address || null,
      expectedOn: toDate(v.expectedOn) ?? null,
      items: ((v.items ?? []) as { name: string; spec?: string; qtyExpected: number }[]).map((i) => ({
        name: i.name,
        spec: i.spec || null,
        qtyExpected: i.qtyExpected,
      })),
    });
  return (
    <Modal
      open={open}
      title={t('projects.deliveries.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ items: [{}] }}>
        {!fixedCustomer && (
          <Form.Item label={t('projects.customer')} required>
            <CustomerSelect value={chosen} onChange={setChosen} />
          </Form.Item>
        )}
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
        <Form.Item name="expectedOn" label={t('projects.deliveries.expectedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true }]} style={{ flex: 2 }}>
                    <Input placeholder={t('projects.deliveries.itemName')} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'qtyExpected']} rules={[{ required: true }]} style={{ flex: 1 }}>
                    <InputNumber min={1} precision={0} placeholder={t('projects.deliveries.qtyExpected')} style={{ width: '100%' }} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => remove(field.name)}
                    disabled={fields.length === 1}
                  />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} block>
                {t('projects.deliveries.addItem')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
