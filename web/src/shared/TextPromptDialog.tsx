import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';

/** A dialog asking for one text (a reject reason, a ledger note, a clarification); `required` refuses blank text. */
export function TextPromptDialog({
  open,
  title,
  label,
  required = true,
  maxLength = 1000,
  danger,
  loading,
  onSubmit,
  onClose,
  testId = 'text-prompt',
}: {
  open: boolean;
  title: string;
  label: string;
  required?: boolean;
  maxLength?: number;
  danger?: boolean;
  loading?: boolean;
  onSubmit: (text: string) => void;
  onClose: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ danger, loading, 'data-testid': `${testId}-ok` } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(values) => onSubmit((values.text ?? '').trim())}>
        <Form.Item name="text" label={label} rules={required ? [{ required: true, whitespace: true, message: t('common.required') }] : []}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={maxLength} data-testid={`${testId}-text`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
