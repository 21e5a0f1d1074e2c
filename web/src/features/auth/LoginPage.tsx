import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import type { TTwoFactorPending } from '@techserve/core';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { localizeByReason } from '../../api/localizeByReason';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import '../account/twoFactor.i18n';
import { useSession } from './useSession';

type Values = { username: string; password: string };

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { login, loginSecondStep } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Issue 18 item 6: after the password, the account's second step (a code of the authenticator app).
  const [challenge, setChallenge] = useState<TTwoFactorPending | null>(null);

  const attempt = async (action: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (cause) {
      // Wrong password or code, locked out until …, too many attempts (429): by reason key in the UI language.
      const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
      setError(cause instanceof ApiError ? (localizeByReason(cause, locale)?.message ?? cause.message) : (cause as Error).message);
      // The challenge is gone (expired, or locked): start again with the password.
      if (cause instanceof ApiError && (cause.reason === 'twoFactor.challengeExpired' || cause.reason === 'auth.locked'))
        setChallenge(null);
    } finally {
      setPending(false);
    }
  };

  const submit = (values: Values) =>
    attempt(async () => {
      setChallenge(await login(values.username.trim(), values.password));
    });
  const submitCode = ({ code }: { code: string }) =>
    attempt(async () => {
      if (challenge) await loginSecondStep(challenge.challenge, code.trim());
    });

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
          {challenge ? t('twoFactor.signInStep') : t('auth.subtitle')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />}
        {challenge ? (
          <Form<{ code: string }> layout="vertical" onFinish={submitCode} requiredMark={false} name="login-code">
            <Form.Item
              label={t('twoFactor.code')}
              name="code"
              extra={t('twoFactor.codeHint')}
              rules={[{ required: true, message: t('twoFactor.codeRequired') }]}
            >
              <Input
                id="code"
                prefix={<SafetyOutlined />}
                autoComplete="one-time-code"
                inputMode="text"
                maxLength={24}
                autoFocus
                data-testid="login-code"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={pending} data-testid="login-code-submit">
              {t('twoFactor.verify')}
            </Button>
            <Button type="link" block style={{ marginTop: 8 }} onClick={() => setChallenge(null)}>
              {t('twoFactor.backToPassword')}
            </Button>
          </Form>
        ) : (
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
        )}
      </Card>
    </Flex>
  );
}
