import type { TDefectReportCreate } from '@techserve/core';
import { Button, Card, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { DateInput } from '../../shared/DateInput';
import { UserSelect } from '../tickets/UserSelect';
import { DefectsTable } from './DefectsTable';
import { useDefects } from './useDefects';
import './i18n';

/** SR-15: on the request page, its defect reports and "report a product defect" to R&D or production. */
export function DefectReportCard({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const defects = useDefects(ticketId);
  const showError = useApiError({ reload: [['defects']] });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TDefectReportCreate>();
  const save = async () => {
    const values = await form.validateFields();
    try {
      await defects.report.mutateAsync(values);
      setOpen(false);
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Card
      title={t('defects.ticketCard')}
      style={{ marginBottom: 16 }}
      extra={
        <Button
          size="small"
          data-testid="report-defect"
          onClick={() => {
            form.resetFields();
            setOpen(true);
          }}
        >
          {t('defects.report')}
        </Button>
      }
    >
      <DefectsTable items={defects.items} loading={defects.loading} answer={defects.answer} />
      <Modal open={open} title={t('defects.report')} onOk={save} onCancel={() => setOpen(false)} confirmLoading={defects.report.isPending}>
        <Form form={form} layout="vertical" initialValues={{ target: 'rnd' }}>
          <Form.Item name="target" label={t('defects.target')} rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'rnd', label: t('defects.target_rnd') },
                { value: 'production', label: t('defects.target_production') },
              ]}
            />
          </Form.Item>
          <Form.Item name="description" label={t('defects.description')} rules={[{ required: true, whitespace: true, max: 5000 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="ownerId" label={t('defects.owner')} rules={[{ required: true }]}>
            <UserSelect allowClear={false} />
          </Form.Item>
          <Form.Item name="targetDate" label={t('defects.targetDate')} rules={[{ required: true }]}>
            <DateInput />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
