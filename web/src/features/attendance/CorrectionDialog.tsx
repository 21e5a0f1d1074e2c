import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { useRequestCorrection } from './useAttendance';
import './i18n';

type Values = { date: string; time: string; reason: string };

/** Item 3: request a punch correction (补卡) with a reason; the lead decides. */
export function CorrectionDialog({ open, date, onClose }: { open: boolean; date?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const request = useRequestCorrection();
  const onError = useApiError();
  const submit = (values: Values) =>
    request.mutate(values, {
      onSuccess: () => {
        void message.success(t('attendance.correctionSent'));
        form.resetFields();
        onClose();
      },
      onError: (e) => onError(e, form),
    });
  return (
    <Modal
      open={open}
      title={t('attendance.requestCorrection')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={request.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'correction-submit' } as never}
    >
      <Form form={form} layout="vertical" initialValues={{ date, time: '' }} onFinish={submit} preserve={false}>
        <Form.Item name="date" label={t('attendance.correctionDate')} rules={[{ required: true }]}>
          <Input type="date" data-testid="correction-date" />
        </Form.Item>
        <Form.Item name="time" label={t('attendance.correctionTime')} rules={[{ required: true }]}>
          <Input type="time" data-testid="correction-time" />
        </Form.Item>
        <Form.Item name="reason" label={t('attendance.correctionReason')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={2} placeholder={t('attendance.correctionReasonHint')} data-testid="correction-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
