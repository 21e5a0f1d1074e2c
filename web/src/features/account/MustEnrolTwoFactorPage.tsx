import { Alert, Button, Flex, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/useSession';
import { TwoFactorCard } from './TwoFactorCard';
import './twoFactor.i18n';

/** Shown instead of the app while the role requires two-factor sign-in and it is not set up (issue 18 item 6). */
export function MustEnrolTwoFactorPage() {
  const { t } = useTranslation();
  const { session, logout } = useSession();
  return (
    <Flex justify="center" style={{ padding: 16 }}>
      <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 480 }} data-testid="must-enrol-two-factor">
        <Alert type="warning" showIcon title={t('twoFactor.mustEnrol')} description={session?.user.name} />
        <TwoFactorCard />
        <Button onClick={() => void logout()}>{t('auth.logout')}</Button>
      </Space>
    </Flex>
  );
}
