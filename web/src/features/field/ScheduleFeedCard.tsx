import { CalendarOutlined, CopyOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { useFieldError } from './useFieldError';
import './i18n';

/**
 * The engineer's appointments as an iCalendar feed for a phone calendar. The secret URL is shown only right after
 * it is made (the server keeps a hash): "rotate" makes a new one and the old stops working.
 */
export function ScheduleFeedCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useFieldError(fieldKeys.feed());
  const [url, setUrl] = useState<string | null>(null);
  const info = useQuery({
    queryKey: fieldKeys.feed(),
    queryFn: ({ signal }) => api<{ active: boolean; createdAt: string | null }>('/field/schedule/feed', { signal }),
  });
  const rotate = useMutation({
    mutationFn: () => api<{ token: string; path: string }>('/field/schedule/feed', { method: 'POST', body: {} }),
    onSuccess: (answer) => {
      setUrl(`${window.location.origin}${answer.path}`);
      void queryClient.invalidateQueries({ queryKey: fieldKeys.feed() });
    },
    onError: (error) => showError(error),
  });
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('common.copied'));
    } catch {
      void message.info(t('field.feedCopyByHand'));
    }
  };
  const active = info.data?.active ?? false;

  return (
    <Card
      size="small"
      title={
        <>
          <CalendarOutlined /> {t('field.feedTitle')}
        </>
      }
      loading={info.isLoading}
      data-testid="schedule-feed"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {active ? t('field.feedActive', { at: formatInstant(info.data?.createdAt) }) : t('field.feedNone')}
      </Typography.Paragraph>
      {url && (
        <Flex gap={8} style={{ marginBottom: 8 }}>
          <Input readOnly value={url} data-testid="schedule-feed-url" onFocus={(event) => event.currentTarget.select()} />
          <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="schedule-feed-copy" aria-label={t('common.copy')} />
        </Flex>
      )}
      {url && (
        <Typography.Paragraph type="warning" style={{ fontSize: 12 }}>
          {t('field.feedShownOnce')}
        </Typography.Paragraph>
      )}
      {active ? (
        <Popconfirm title={t('field.feedRotateConfirm')} onConfirm={() => rotate.mutate()}>
          <Button icon={<ReloadOutlined />} loading={rotate.isPending} data-testid="schedule-feed-rotate">
            {t('field.feedRotate')}
          </Button>
        </Popconfirm>
      ) : (
        <Button type="primary" loading={rotate.isPending} onClick={() => rotate.mutate()} data-testid="schedule-feed-create">
          {t('field.feedCreate')}
        </Button>
      )}
    </Card>
  );
}
