import { type ButtonProps, Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRecordForm } from './useRecordForm';

type Props<V> = {
  open: boolean;
  title: string;
  editor: TRecordForm<V>;
  onCancel: () => void;
  /** data-testid of the form; its save button gets `${testId}-submit`. */
  testId: string;
  children: ReactNode;
};

/** The modal every customer-file form opens in: one column of fields, Save / Cancel. */
export function RecordFormModal<V>({ open, title, editor, onCancel, testId, children }: Props<V>) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => editor.form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={editor.saving}
      okButtonProps={{ 'data-testid': `${testId}-submit` } as ButtonProps}
      style={{ top: 24 }}
      forceRender
    >
      <Form form={editor.form} layout="vertical" onFinish={editor.onFinish} data-testid={testId}>
        {children}
      </Form>
    </Modal>
  );
}
