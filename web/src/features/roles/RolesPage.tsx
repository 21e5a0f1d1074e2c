import { PlusOutlined } from '@ant-design/icons';
import { type TRole, dataScopeLabel, permissionLabel } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { RoleFormModal } from './RoleFormModal';
import { roleLabel, useRoles } from './useRoles';
import { ListTable } from '../../layout/ListTable';
import '../account/twoFactor.i18n';

export function RolesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const [editing, setEditing] = useState<{ role?: TRole } | null>(null);

  const remove = useMutation({
    mutationFn: (id: number) => api(`/roles/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      message.success(t('common.deleted'));
      void queryClient.invalidateQueries({ queryKey: ['roles'] });
    },
    onError: (error) => showError(error),
  });

  const columns: ColumnsType<TRole> = [
    { title: t('roles.name'), key: 'name', width: 200, render: (_, role) => roleLabel(role, i18n.language) },
    { title: t('roles.key'), dataIndex: 'key', key: 'key', width: 140 },
    { title: t('roles.scope'), key: 'scope', width: 110, render: (_, role) => dataScopeLabel(role.scope, i18n.language) },
    {
      title: t('roles.permissions'),
      key: 'permissions',
      render: (_, role) => (
        <Flex gap={4} wrap style={{ minWidth: 240, maxWidth: 480 }}>
          {role.permissions.map((permission) => (
            <Tag key={permission} style={{ marginInlineEnd: 0 }}>
              {permissionLabel(permission, i18n.language)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('roles.type'),
      key: 'builtin',
      width: 90,
      render: (_, role) => (
        <Flex gap={4} wrap>
          {role.builtin ? <Tag color="blue">{t('roles.builtin')}</Tag> : <Tag color="purple">{t('roles.custom')}</Tag>}
          {role.requireTwoFactor && <Tag color="gold">{t('twoFactor.roleTag')}</Tag>}
        </Flex>
      ),
    },
    { title: t('roles.userCount'), dataIndex: 'userCount', key: 'userCount', width: 80 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, role) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ role })}>
            {t('common.edit')}
          </Button>
          {!role.builtin && (
            <Popconfirm
              title={t('roles.deleteConfirm')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutate(role.id)}
            >
              <Button type="link" size="small" danger disabled={role.userCount > 0}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} data-testid="role-create" onClick={() => setEditing({})}>
            {t('roles.create')}
          </Button>
        }
      />
      <ListTable<TRole> columns={columns} dataSource={roles.data?.items} loading={roles.isLoading} />
      <RoleFormModal open={editing !== null} role={editing?.role} onClose={() => setEditing(null)} />
    </>
  );
}
