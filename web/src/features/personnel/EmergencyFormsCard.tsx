import type { TLeaveRequest } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { SignaturePad } from '../../shared/SignaturePad';
import './i18n';

const key = ['personnel', 'emergency-forms'] as const;

/**
 * RS-4b: the emergency leave forms of the site's residents, filed afterwards; the client IT office or supervision unit
 * signs one on the device (or approves in the app) and it is archived as a PDF, downloadable here (phone-friendly).
 */
export function EmergencyFormsCard() {
  const { t } = useTranslation();
  const forms = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<{ items: TLeaveRequest[] }>('/client-emergency-leave', { signal }),
  });
  return (
    <Card size="small" title={t('personnel.emergencyFormsTitle')}>
      <List
        loading={forms.isLoading}
        dataSource={forms.data?.items ?? []}
        locale={{ emptyText: t('personnel.emergencyFormsEmpty') }}
        renderItem={(leave) => <EmergencyForm leave={leave} />}
      />
    </Card>
  );
}

function EmergencyForm({ leave }: { leave: TLeaveRequest }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [signature, setSignature] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);
  const onError = useApiError({ reload: [key] });
  const archive = useMutation({
    mutationFn: () =>
      api<TLeaveRequest>(`/leave-requests/${leave.id}/form-archive`, {
        method: 'POST',
        body: { version: leave.version, ...(signature ? { signature } : {}) },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <List.Item data-testid={`emergency-form-${leave.id}`}>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{leave.userName}</Typography.Text>
          <Tag>{leave.typeName[lang]}</Tag>
          <Typography.Text>
            {leave.startDate} – {leave.endDate}
          </Typography.Text>
          {leave.formArchive && <Tag color="green">{t('personnel.formArchived')}</Tag>}
        </Flex>
        <Typography.Text type="secondary">{leave.reason}</Typography.Text>
        {leave.formArchive ? (
          <Flex gap={8} wrap>
            <Typography.Text type="secondary">
              {t('personnel.formArchivedBy', { name: leave.formArchive.byName, at: leave.formArchive.at.slice(0, 16).replace('T', ' ') })}
            </Typography.Text>
            <a href={`/api/v1/leave-requests/${leave.id}/form.pdf`}>{t('personnel.downloadLeaveForm')}</a>
          </Flex>
        ) : signing ? (
          <Flex vertical gap={8}>
            <SignaturePad onChange={setSignature} />
            <Button
              type="primary"
              block
              loading={archive.isPending}
              data-testid={`archive-form-${leave.id}`}
              onClick={() =>
                archive.mutate(undefined, {
                  onSuccess: () => void message.success(t('personnel.formArchived')),
                  onError: (e) => onError(e),
                })
              }
            >
              {t('personnel.archiveForm')}
            </Button>
          </Flex>
        ) : (
          <Flex>
            <Button onClick={() => setSigning(true)} data-testid={`sign-form-${leave.id}`}>
              {t('personnel.signAndArchive')}
            </Button>
          </Flex>
        )}
      </Flex>
    </List.Item>
  );
}
