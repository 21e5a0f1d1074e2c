import { Alert, Card, Descriptions, Space } from 'antd';
import { dataScopeLabel } from '@techserve/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { ApiTokensCard } from './ApiTokensCard';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TwoFactorCard } from './TwoFactorCard';

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const { session, can } = useSession();
  const user = session?.user;
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {user?.mustChangePassword && <Alert type="warning" showIcon title={t('auth.mustChangePassword')} />}
        <Card title={t('account.profile')}>
          <Descriptions column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('users.name')}>{user?.name}</Descriptions.Item>
            <Descriptions.Item label={t('users.username')}>{user?.username}</Descriptions.Item>
            <Descriptions.Item label={t('account.role')}>{user?.role.name}</Descriptions.Item>
            <Descriptions.Item label={t('roles.scope')}>{user && dataScopeLabel(user.role.scope, i18n.language)}</Descriptions.Item>
          </Descriptions>
        </Card>
        <ChangePasswordForm />
        <TwoFactorCard />
        {can('tokens.manage') && <ApiTokensCard />}
      </Space>
    </>
  );
}
