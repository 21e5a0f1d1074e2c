import { ZPasswordChange } from '@techserve/core';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { zodFormErrors } from '../../api/zodFormErrors';
import { useSession } from '../auth/useSession';
import { PasswordStrength } from './PasswordStrength';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form);
  const { session } = useSession();
  const { message } = App.useApp();
  const showError = useApiError();
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api('/auth/password', { method: 'POST', body }),
    onSuccess: () => {
      message.success(t('account.passwordChanged'));
      form.resetFields();
      onChanged?.();
    },
    onError: (error) => showError(error, form),
  });

  const submit = ({ currentPassword, newPassword }: Values) => {
    const body = { currentPassword, newPassword };
    if (zodFormErrors(ZPasswordChange, body, form)) change.mutate(body);
  };

  return (
    <Card title={t('account.changePassword')}>
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 400 }}>
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          rules={[{ required: true }]}
          extra={<PasswordStrength password={newPassword} username={session?.user.username} name={session?.user.name} />}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
