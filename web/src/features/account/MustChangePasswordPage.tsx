import { Alert, Button, Flex, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/useSession';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Shown instead of the app while the password was set by someone else (issue 18 item 1): choose your own, or sign out. */
export function MustChangePasswordPage() {
  const { t } = useTranslation();
  const { session, refresh, logout } = useSession();
  return (
    <Flex justify="center" style={{ padding: 16 }}>
      <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 440 }} data-testid="must-change-password">
        <Alert type="warning" showIcon title={t('auth.mustChangePassword')} description={session?.user.name} />
        <ChangePasswordForm onChanged={() => void refresh()} />
        <Button onClick={() => void logout()}>{t('auth.logout')}</Button>
      </Space>
    </Flex>
  );
}
