import { PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import type { TUser } from '@techserve/core';
import { USER_STATUSES } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { ExportButton } from '../../layout/ExportButton';
import { PageHeader } from '../../layout/PageHeader';
import { Link } from 'react-router';
import { useSession } from '../auth/useSession';
import '../handover/i18n';
import type { TTeam } from '../org/orgTypes';
import { useOrgList } from '../org/useOrgList';
import { roleLabel, useRoles } from '../roles/useRoles';
import { UserFormDrawer } from './UserFormDrawer';
import { type TUserFilters, useUsers } from './useUsers';
import { ListTable } from '../../layout/ListTable';

function isLocked(user: TUser): boolean {
  return Boolean(user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs()));
}

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<TUserFilters>({});
  const [editing, setEditing] = useState<{ user?: TUser } | null>(null);
  const users = useUsers(filters);
  const roles = useRoles();
  const teams = useOrgList<TTeam>('teams');
  const canManage = can('users.manage');

  const roleById = useMemo(() => new Map((roles.data?.items ?? []).map((role) => [role.id, role])), [roles.data]);
  const teamById = useMemo(() => new Map((teams.data ?? []).map((team) => [team.id, team.name])), [teams.data]);
  // Users created here stay on top until the filters change: the list runs in id order with "load more",
  // so a new user would otherwise sit beyond the loaded pages.
  const [created, setCreated] = useState<TUser[]>([]);
  const rows = useMemo(() => {
    const loaded = users.data?.pages.flatMap((page) => page.items) ?? [];
    const pinned = new Set(created.map((user) => user.id));
    return [...created.map((user) => loaded.find((row) => row.id === user.id) ?? user), ...loaded.filter((row) => !pinned.has(row.id))];
  }, [users.data, created]);
  const changeFilters = (change: (current: TUserFilters) => TUserFilters) => {
    setCreated([]);
    setFilters(change);
  };

  const unlock = useMutation({
    mutationFn: (id: number) => api<TUser>(`/users/${id}/unlock`, { method: 'POST' }),
    onSuccess: () => {
      message.success(t('users.unlocked'));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => showError(error),
  });

  const columns: ColumnsType<TUser> = [
    { title: t('users.name'), dataIndex: 'name', key: 'name', fixed: 'left', width: 120 },
    { title: t('users.username'), dataIndex: 'username', key: 'username', width: 130 },
    { title: t('users.employeeNo'), dataIndex: 'employeeNo', key: 'employeeNo', width: 100 },
    { title: t('users.phone'), dataIndex: 'phone', key: 'phone', width: 130 },
    {
      title: t('users.role'),
      key: 'role',
      width: 160,
      render: (_, user) => {
        const role = roleById.get(user.roleId);
        return role ? roleLabel(role, i18n.language) : user.roleKey;
      },
    },
    {
      title: t('users.team'),
      key: 'team',
      width: 120,
      render: (_, user) => (user.teamId ? (teamById.get(user.teamId) ?? user.teamId) : t('common.none')),
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 140,
      render: (_, user) => (
        <Space size={4} wrap>
          <Tag color={user.status === 'active' ? 'green' : 'default'}>{t(`users.status_${user.status}`)}</Tag>
          {isLocked(user) && <Tag color="red">{t('users.locked')}</Tag>}
        </Space>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" size="small" data-testid={`user-edit-${user.username}`} onClick={() => setEditing({ user })}>
            {t('common.edit')}
          </Button>
          {/* HO-1: a person leaving or transferring is handed over before the account is disabled. */}
          {can('handover.manage') && user.status === 'active' && (
            <Link to={`/handovers/new?userId=${user.id}`} data-testid={`user-handover-${user.username}`}>
              <Button type="link" size="small">
                {t('handover.menuNew')}
              </Button>
            </Link>
          )}
          {isLocked(user) && (
            <Button
              type="link"
              size="small"
              icon={<UnlockOutlined />}
              loading={unlock.isPending && unlock.variables === user.id}
              onClick={() => unlock.mutate(user.id)}
            >
              {t('users.unlock')}
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Space wrap>
            <ExportButton path="/exports/users.xlsx" query={filters} testId="users-export" />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} data-testid="user-create" onClick={() => setEditing({})}>
                {t('users.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t('common.search')}
          placeholder={t('users.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => changeFilters((current) => ({ ...current, q: value.trim() || undefined }))}
          style={{ width: 280, maxWidth: '100%' }}
          data-testid="user-search"
        />
        <Select
          allowClear
          aria-label={t('users.status')}
          placeholder={t('users.allStatuses')}
          style={{ width: 140 }}
          value={filters.status}
          onChange={(status) => changeFilters((current) => ({ ...current, status }))}
          options={USER_STATUSES.map((status) => ({ value: status, label: t(`users.status_${status}`) }))}
        />
        <Select
          allowClear
          aria-label={t('users.role')}
          placeholder={t('users.allRoles')}
          style={{ width: 200 }}
          value={filters.roleId}
          onChange={(roleId) => changeFilters((current) => ({ ...current, roleId }))}
          options={(roles.data?.items ?? []).map((role) => ({ value: role.id, label: roleLabel(role, i18n.language) }))}
        />
      </Flex>
      <ListTable<TUser> columns={columns} dataSource={rows} loading={users.isLoading} data-testid="users-table" />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {users.hasNextPage ? (
          <Button loading={users.isFetchingNextPage} onClick={() => void users.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('common.noMore')}</span>
        )}
      </Flex>
      <UserFormDrawer
        open={editing !== null}
        user={editing?.user}
        onClose={() => setEditing(null)}
        onCreated={(user) => setCreated((current) => [user, ...current])}
      />
    </>
  );
}
