import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { REPLY_VARIABLES, type TCannedReply } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { ListTable } from '../../layout/ListTable';
import { PageHeader } from '../../layout/PageHeader';
import { useCannedReplies } from './useCannedReplies';
import './i18n';

type FormValues = { title: string; body: string; teamId: number | null };

/** SR-8: the team's canned replies — create, edit and delete, with the variables a click away. */
export function CannedRepliesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError({ reload: [['canned-replies']] });
  const { replies, loading, create, update, remove } = useCannedReplies();
  const teams = useQuery({
    queryKey: ['teams'],
    queryFn: ({ signal }) => api<{ items: { id: number; name: string }[] }>('/teams', { signal }),
  });
  const [editing, setEditing] = useState<TCannedReply | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();

  const open = (reply: TCannedReply | 'new') => {
    setEditing(reply);
    form.setFieldsValue(
      reply === 'new' ? { title: '', body: '', teamId: null } : { title: reply.title, body: reply.body, teamId: reply.teamId },
    );
  };
  const save = async () => {
    const values = await form.validateFields();
    try {
      if (editing === 'new') await create.mutateAsync(values);
      else if (editing) await update.mutateAsync({ id: editing.id, version: editing.version, ...values });
      void message.success(t('replies.saved'));
      setEditing(null);
    } catch (error) {
      showError(error, form);
    }
  };
  const named = (body: string) =>
    body.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      (REPLY_VARIABLES as readonly string[]).includes(name) ? `{{${t(`replies.var_${name}`)}}}` : whole,
    );
  const insertVariable = (name: string) => form.setFieldValue('body', `${form.getFieldValue('body') ?? ''}{{${name}}}`);

  return (
    <>
      <PageHeader
        title={t('replies.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="reply-template-new">
            {t('replies.create')}
          </Button>
        }
      />
      <ListTable<TCannedReply>
        loading={loading}
        data-testid="reply-templates"
        dataSource={replies}
        columns={[
          { title: t('replies.name'), dataIndex: 'title' },
          { title: t('replies.team'), render: (_, r) => r.teamName ?? t('replies.everyTeam') },
          // The variables by their names in the user's language ({{客户名称}}), not the template's own keys.
          { title: t('replies.body'), key: 'body', ellipsis: true, render: (_, r) => named(r.body) },
          {
            title: t('replies.actions'),
            render: (_, r) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={() => open(r)} aria-label={t('replies.edit')} />
                <Popconfirm
                  title={t('replies.deleteConfirm', { title: r.title })}
                  onConfirm={() =>
                    remove.mutate(r.id, { onSuccess: () => void message.success(t('replies.deleted')), onError: (e) => showError(e) })
                  }
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('replies.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('replies.create') : t('replies.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okText={t('replies.save')}
        cancelText={t('replies.cancel')}
        confirmLoading={create.isPending || update.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'reply-template-save' } as never}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="title" label={t('replies.name')} rules={[{ required: true, max: 100 }]}>
            <Input maxLength={100} data-testid="reply-template-title" />
          </Form.Item>
          <Form.Item name="teamId" label={t('replies.team')}>
            <Select
              data-testid="reply-template-team"
              options={[
                { value: null, label: t('replies.everyTeam') },
                ...(teams.data?.items ?? []).map((tm) => ({ value: tm.id, label: tm.name })),
              ]}
            />
          </Form.Item>
          <Form.Item name="body" label={t('replies.body')} rules={[{ required: true, max: 5000 }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} data-testid="reply-template-body" />
          </Form.Item>
          <Typography.Text type="secondary">{t('replies.variables')}</Typography.Text>
          <div>
            {REPLY_VARIABLES.map((name) => (
              <Tag
                key={name}
                style={{ cursor: 'pointer', marginTop: 4 }}
                onClick={() => insertVariable(name)}
                data-testid={`reply-variable-${name}`}
              >
                {t(`replies.var_${name}`)}
              </Tag>
            ))}
          </div>
        </Form>
      </Modal>
    </>
  );
}
