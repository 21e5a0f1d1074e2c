import type { TEquipment, TEquipmentUpdate } from '@techserve/core';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { residentsKeys, useResidentsWrite } from './useResidents';
import './i18n';

/** RS-11: the fields of an equipment entry (设备资料库), shared by the add form and the edit dialog. */
export function EquipmentFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={t('residents.equipmentName')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="model" label={t('residents.model')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="serialNo" label={t('residents.serialNo')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="location" label={t('residents.location')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="note" label={t('residents.equipmentNote')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}

type Values = Partial<Record<'model' | 'serialNo' | 'location' | 'note', string | null>> & Record<string, unknown> & { name?: string };

/** The body of an equipment entry from the form: empty optional fields are null. */
export const equipmentBody = (v: Values) => ({
  name: v.name ?? '',
  model: v.model || null,
  serialNo: v.serialNo || null,
  location: v.location || null,
  note: v.note || null,
});

/**
 * RS-11: edit an equipment entry (residents.write) with the version read; someone else's change meanwhile gives 409,
 * explained, and the site is read again.
 */
export function EquipmentEditButton({ item }: { item: TEquipment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const save = useResidentsWrite<TEquipmentUpdate, TEquipment>('PATCH');
  const onError = useApiError({ reload: [residentsKeys.site(item.siteId)] });
  return (
    <>
      <Button size="small" type="link" data-testid={`edit-equipment-${item.id}`} onClick={() => setOpen(true)}>
        {t('residents.edit')}
      </Button>
      <Modal
        open={open}
        title={t('residents.editEquipment')}
        okText={t('residents.save')}
        cancelText={t('residents.cancel')}
        confirmLoading={save.isPending}
        destroyOnHidden
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={item}
          onFinish={(v) =>
            save.mutate(
              { path: `/residents/equipment/${item.id}`, body: Object.assign(equipmentBody(v), { version: item.version }) },
              {
                onSuccess: () => {
                  void message.success(t('residents.saved'));
                  setOpen(false);
                },
                onError: (e) => onError(e),
              },
            )
          }
        >
          <EquipmentFields />
        </Form>
      </Modal>
    </>
  );
}
