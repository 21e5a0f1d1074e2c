import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { zodFormErrors } from '../../api/zodFormErrors';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { fenToYuan, formatYuan, yuanToFen } from '../../shared/money';
import { OrgRefLabel } from './OrgRefLabel';
import { OrgRefSelect } from './OrgRefSelect';
import type { TOrgEntityConfig, TOrgField } from './orgEntityConfigs';
import type { TOrgRecord } from './orgTypes';
import { useOrgList } from './useOrgList';
import { ListTable } from '../../layout/ListTable';

type FormValues = Record<string, unknown>;

/** Record → form values (fen shown as yuan). */
function toForm(fields: TOrgField[], record: TOrgRecord | undefined): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = record?.[field.name];
    values[field.name] = field.type === 'money' && typeof value === 'number' ? fenToYuan(value) : value;
  }
  return values;
}

/** Form values → API body: blank text is null, yuan back to fen. */
function toBody(fields: TOrgField[], values: FormValues): FormValues {
  const body: FormValues = {};
  for (const field of fields) {
    let value = values[field.name];
    if (typeof value === 'string' && value.trim() === '') value = null;
    if (value === undefined) value = null;
    if (field.type === 'money' && typeof value === 'number') value = yuanToFen(value);
    if (value === null && field.required) continue;
    body[field.name] = value;
  }
  return body;
}

/** Table + create/edit form for one organisation entity, driven by its field config. */
export function OrgEntityPage({ config }: { config: TOrgEntityConfig }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const list = useOrgList<TOrgRecord>(config.kind);
  const [editing, setEditing] = useState<{ record?: TOrgRecord } | null>(null);
  const canManage = can('org.manage');
  const queryKey = ['org', config.kind];

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(toForm(config.fields, editing.record));
  }, [editing, config.fields, form]);

  const rows = useMemo(() => {
    const items = [...(list.data ?? [])];
    return config.sort ? items.sort(config.sort) : items;
  }, [list.data, config.sort]);

  const save = useMutation({
    mutationFn: ({ id, body }: { id?: number; body: FormValues }) =>
      id ? api(`/${config.kind}/${id}`, { method: 'PATCH', body }) : api(`/${config.kind}`, { method: 'POST', body }),
    onSuccess: (_, { id }) => {
      message.success(id ? t('common.saved') : t('common.created'));
      void queryClient.invalidateQueries({ queryKey });
      setEditing(null);
    },
    onError: (error) => {
      showError(error, form);
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey });
        setEditing(null);
      }
    },
  });

  const remove = useMutation({
    mutationFn: (id: number) => api(`/${config.kind}/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      message.success(t('common.deleted'));
      void queryClient.invalidateQueries({ queryKey });
    },
    onError: (error) => showError(error),
  });

  const submit = (values: FormValues) => {
    const record = editing?.record;
    const body = record ? { ...toBody(config.fields, values), version: record.version } : toBody(config.fields, values);
    if (zodFormErrors(record ? config.schemas.update : config.schemas.create, body, form)) {
      save.mutate({ id: record?.id, body });
    }
  };

  const columns: ColumnsType<TOrgRecord> = config.fields
    .filter((field) => field.column !== false)
    .map((field) => ({
      title: t(field.label),
      key: field.name,
      render: (_: unknown, record: TOrgRecord) => {
        const value = record[field.name];
        if (field.type === 'ref' && field.ref) return <OrgRefLabel source={field.ref} id={value as number | null} />;
        if (field.type === 'money' && typeof value === 'number') return formatYuan(value, i18n.language);
        return value == null || value === '' ? t('common.none') : String(value);
      },
    }));
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, record) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ record })}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('common.confirmDelete')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutate(record.id)}
          >
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  const input = (field: TOrgField) => {
    switch (field.type) {
      case 'ref':
        return <OrgRefSelect source={field.ref!} excludeId={field.ref === config.kind ? editing?.record?.id : undefined} />;
      case 'integer':
        return <InputNumber precision={0} min={0} style={{ width: '100%' }} />;
      case 'money':
        return <InputNumber precision={2} min={0} step={100} prefix="¥" style={{ width: '100%' }} />;
      case 'textarea':
        return <Input.TextArea rows={3} />;
      default:
        return <Input />;
    }
  };

  return (
    <>
      <PageHeader
        title={t(config.title)}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} data-testid={`org-create-${config.kind}`} onClick={() => setEditing({})}>
              {t(config.createLabel)}
            </Button>
          )
        }
      />
      <ListTable<TOrgRecord> columns={columns} dataSource={rows} loading={list.isLoading} />
      <Modal
        open={editing !== null}
        title={editing?.record ? `${t('common.edit')} · ${editing.record.name}` : t(config.createLabel)}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {config.fields.map((field) => (
            <Form.Item key={field.name} name={field.name} label={t(field.label)} rules={[{ required: field.required }]}>
              {input(field)}
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}
