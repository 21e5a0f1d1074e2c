import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { localizeByReason } from '../../api/localizeByReason';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { useSession } from './useSession';

type Values = { username: string; password: string };

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { login } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (values: Values) => {
    setPending(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
    } catch (cause) {
      // Wrong password, locked out until …, too many attempts (429): by reason key in the UI language.
      const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
      setError(cause instanceof ApiError ? (localizeByReason(cause, locale)?.message ?? cause.message) : (cause as Error).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}>
      <div style={{ position: 'absolute', top: 12, right: 12 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('common.appName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('auth.subtitle')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />}
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} name="login">
          <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, message: t('auth.usernameRequired') }]}>
            <Input id="username" prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password id="password" prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={pending} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
