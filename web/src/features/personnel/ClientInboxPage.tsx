import { App, Button, Card, Flex, List, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { EmergencyFormsCard } from './EmergencyFormsCard';
import { personnelKeys, useClientDecision, useClientInbox } from './usePersonnel';
import './i18n';

/** RS-4b/item 3/RS-6: the client IT office's second approvals at its site, after the company's, and the emergency leave forms to archive (phone-friendly). */
export function ClientInboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const inbox = useClientInbox();
  const decide = useClientDecision();
  const onError = useApiError({ reload: [personnelKeys.inbox()] });
  return (
    <Flex vertical gap={12} style={{ maxWidth: 760 }}>
      <PageHeader title={t('personnel.inboxTitle')} />
      {inbox.isLoading ? (
        <Spin />
      ) : (
        <Card size="small">
          <List
            dataSource={inbox.data?.items ?? []}
            locale={{ emptyText: t('personnel.inboxEmpty') }}
            renderItem={(item) => (
              <List.Item data-testid={`inbox-${item.kind}-${item.id}`}>
                <Flex vertical gap={6} style={{ width: '100%' }}>
                  <Flex gap={8} wrap align="center">
                    <Tag color="blue">{t(`personnel.inbox_${item.kind}`)}</Tag>
                    <Typography.Text strong>{item.userName}</Typography.Text>
                  </Flex>
                  <Typography.Text>{item.summary}</Typography.Text>
                  {item.companyDecidedByName && (
                    <Typography.Text type="secondary">
                      {t('personnel.companyApprovedBy', { name: item.companyDecidedByName })}
                    </Typography.Text>
                  )}
                  <Flex gap={8} wrap>
                    {(['approve', 'reject'] as const).map((action) => (
                      <Button
                        key={action}
                        type={action === 'approve' ? 'primary' : 'default'}
                        danger={action === 'reject'}
                        loading={decide.isPending}
                        data-testid={`${action}-${item.kind}-${item.id}`}
                        onClick={() =>
                          decide.mutate(
                            { kind: item.kind, id: item.id, version: item.version, approve: action === 'approve' },
                            {
                              onSuccess: () => void message.success(t(action === 'approve' ? 'personnel.approved' : 'personnel.rejected')),
                              onError: (e) => onError(e),
                            },
                          )
                        }
                      >
                        {t(`personnel.${action}`)}
                      </Button>
                    ))}
                    {item.kind === 'personnel_change' && <Link to={`/personnel/changes/${item.id}`}>{t('personnel.open')}</Link>}
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
      <EmergencyFormsCard />
    </Flex>
  );
}
