import { App, Button, Card, Flex, List, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { attendanceKeys, useCorrections, useDecideCorrection } from './useAttendance';
import './i18n';

/** Item 3: the lead's inbox of punch corrections (补卡) in their scope; approve or reject, never one's own. */
export function CorrectionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const inbox = useCorrections('inbox');
  const decide = useDecideCorrection();
  const onError = useApiError({ reload: [attendanceKeys.corrections('inbox')] });
  const items = inbox.data?.items ?? [];
  return (
    <Flex vertical gap={12} style={{ maxWidth: 760 }}>
      <PageHeader title={t('attendance.correctionsTitle')} />
      {inbox.isLoading ? (
        <Spin />
      ) : (
        <Card size="small">
          <List
            dataSource={items}
            locale={{ emptyText: t('attendance.correctionsEmpty') }}
            renderItem={(c) => (
              <List.Item
                data-testid={`correction-${c.id}`}
                actions={[
                  <Button
                    key="approve"
                    type="primary"
                    size="small"
                    loading={decide.isPending}
                    onClick={() =>
                      decide.mutate(
                        { id: c.id, version: c.version, approve: true },
                        { onSuccess: () => void message.success(t('attendance.approved')), onError: (e) => onError(e) },
                      )
                    }
                    data-testid={`approve-${c.id}`}
                  >
                    {t('attendance.approve')}
                  </Button>,
                  <Button
                    key="reject"
                    danger
                    size="small"
                    loading={decide.isPending}
                    onClick={() =>
                      decide.mutate(
                        { id: c.id, version: c.version, approve: false },
                        { onSuccess: () => void message.success(t('attendance.rejected')), onError: (e) => onError(e) },
                      )
                    }
                  >
                    {t('attendance.reject')}
                  </Button>,
                ]}
              >
                <Flex vertical gap={2}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong>{c.userName}</Typography.Text>
                    <span>
                      {c.date} {c.time}
                    </span>
                    <Tag>{t(`attendance.cstatus_${c.status}`)}</Tag>
                  </Flex>
                  <Typography.Text type="secondary">{c.reason}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}
