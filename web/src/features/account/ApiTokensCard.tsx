import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import type { ZApiToken, ZApiTokenCreated } from '@techserve/core';
import { ZApiTokenCreate } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { zodFormErrors } from '../../api/zodFormErrors';
import { ListTable } from '../../layout/ListTable';

type TApiToken = z.infer<typeof ZApiToken>;
type TApiTokenCreated = z.infer<typeof ZApiTokenCreated>;

const when = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');

export function ApiTokensCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const [created, setCreated] = useState<TApiTokenCreated | null>(null);
  const tokens = useQuery({
    queryKey: ['tokens'],
    queryFn: ({ signal }) => api<{ items: TApiToken[] }>('/auth/tokens', { signal }).then((r) => r.items),
  });

  const create = useMutation({
    mutationFn: (body: { name: string }) => api<TApiTokenCreated>('/auth/tokens', { method: 'POST', body }),
    onSuccess: (token) => {
      setCreated(token);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: (error) => showError(error, form),
  });
  const revoke = useMutation({
    mutationFn: (id: number) => api(`/auth/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      message.success(t('account.revoked'));
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: (error) => showError(error),
  });

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      message.success(t('common.copied'));
    } catch (error) {
      showError(error);
    }
  };

  const columns: ColumnsType<TApiToken> = [
    { title: t('account.tokenName'), dataIndex: 'name', key: 'name' },
    { title: t('account.prefix'), dataIndex: 'prefix', key: 'prefix', render: (prefix) => <code>{prefix}…</code> },
    { title: t('account.createdAt'), key: 'createdAt', render: (_, token) => when(token.createdAt) },
    { title: t('account.lastUsedAt'), key: 'lastUsedAt', render: (_, token) => when(token.lastUsedAt) },
    { title: t('account.expiresAt'), key: 'expiresAt', render: (_, token) => when(token.expiresAt) },
    {
      title: t('account.status'),
      key: 'status',
      render: (_, token) => (token.revokedAt ? <Tag>{t('account.revoked')}</Tag> : <Tag color="green">{t('account.active')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) =>
        !token.revokedAt && (
          <Popconfirm
            title={t('account.revokeConfirm')}
            okText={t('account.revoke')}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke.mutate(token.id)}
          >
            <Button type="link" size="small" danger>
              {t('account.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card title={t('account.tokens')} data-testid="tokens-card">
      <Typography.Paragraph type="secondary">{t('account.tokensHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) => {
          const body = { name: values.name };
          if (zodFormErrors(ZApiTokenCreate, body, form)) create.mutate(body);
        }}
      >
        <Form.Item name="name" rules={[{ required: true }]}>
          <Input placeholder={t('account.tokenName')} aria-label={t('account.tokenName')} style={{ width: 220 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={create.isPending} data-testid="token-create">
          {t('account.tokenCreate')}
        </Button>
      </Form>
      <ListTable<TApiToken> size="small" columns={columns} dataSource={tokens.data} loading={tokens.isLoading} />
      <Modal
        open={created !== null}
        title={t('account.tokenCreatedTitle')}
        onCancel={() => setCreated(null)}
        footer={<Button onClick={() => setCreated(null)}>{t('common.close')}</Button>}
      >
        <Alert type="warning" showIcon title={t('account.tokenShownOnce')} style={{ marginBottom: 12 }} />
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={created?.token} data-testid="token-value" />
          <Button icon={<CopyOutlined />} onClick={() => created && void copy(created.token)}>
            {t('common.copy')}
          </Button>
        </Space.Compact>
      </Modal>
    </Card>
  );
}
