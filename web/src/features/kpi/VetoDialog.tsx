import { VETO_GROUNDS, type TVetoGround } from '@techserve/core';
import { type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

/** AP-6: a veto needs its ground of the month (a complaint, a quality issue, slackness) and a reason. */
export function VetoDialog({
  open,
  loading,
  onSubmit,
  onClose,
}: {
  open: boolean;
  loading?: boolean;
  onSubmit: (v: { ground: TVetoGround; reason: string }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ ground: TVetoGround; reason: string }>();
  return (
    <Modal
      open={open}
      title={t('kpi.vetoTitle')}
      okText={t('kpi.veto')}
      okButtonProps={{ danger: true, loading, 'data-testid': 'veto-submit' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onSubmit} preserve={false}>
        <Form.Item name="ground" label={t('kpi.ground')} rules={[{ required: true }]}>
          <Select data-testid="veto-ground" options={VETO_GROUNDS.map((g) => ({ value: g, label: t(`kpi.ground_${g}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('kpi.reason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="veto-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
