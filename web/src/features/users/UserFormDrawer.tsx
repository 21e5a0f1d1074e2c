import { type TUser, USER_STATUSES, ZUserCreate, ZUserUpdate } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { zodFormErrors } from '../../api/zodFormErrors';
import type { TDepartment, TEngineerLevel, TRegion, TTeam } from '../org/orgTypes';
import { PasswordStrength } from '../account/PasswordStrength';
import { useOrgList } from '../org/useOrgList';
import { roleLabel, useRoles } from '../roles/useRoles';
import { type TUserFormValues, toUserPayload } from './toUserPayload';

type Props = {
  open: boolean;
  /** The user being edited; undefined to create one. */
  user?: TUser;
  onClose: () => void;
  /** Called with the user just created, so the list can show it even when it sorts beyond the loaded page. */
  onCreated?: (user: TUser) => void;
};

export function UserFormDrawer({ open, user, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<TUserFormValues>();
  const password = Form.useWatch('password', form);
  const username = Form.useWatch('username', form);
  const name = Form.useWatch('name', form);
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const departments = useOrgList<TDepartment>('departments');
  const teams = useOrgList<TTeam>('teams');
  const levels = useOrgList<TEngineerLevel>('engineer-levels');
  const regions = useOrgList<TRegion>('regions');
  const departmentId = Form.useWatch('departmentId', form);
  // The record the edit is based on; replaced by a fresh copy after a version conflict.
  const [base, setBase] = useState(user);

  useEffect(() => {
    if (!open) return;
    setBase(user);
    form.resetFields();
    if (user) form.setFieldsValue({ ...user, password: undefined });
    else form.setFieldsValue({ status: 'active', regionIds: [], skills: [], tier: 1 });
  }, [open, user, form]);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      base ? api<TUser>(`/users/${base.id}`, { method: 'PATCH', body }) : api<TUser>('/users', { method: 'POST', body }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      if (!base) onCreated?.(saved);
      message.success(user ? t('common.saved') : t('common.created'));
      onClose();
    },
    onError: (error) => {
      showError(error, form);
      if (base && error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: ['users'] });
        void api<TUser>(`/users/${base.id}`).then((fresh) => {
          setBase(fresh);
          form.setFieldsValue({ ...fresh, password: undefined });
        });
      }
    },
  });

  const submit = (values: TUserFormValues) => {
    const body = toUserPayload(values, base);
    const parsed = zodFormErrors(base ? ZUserUpdate : ZUserCreate, body, form);
    if (parsed) save.mutate(body);
  };

  const options = <T extends { id: number; name: string }>(items: T[] | undefined) =>
    (items ?? []).map((item) => ({ value: item.id, label: item.name }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={user ? t('users.edit') : t('users.create')}
      size={520}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" data-testid="user-submit" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="user-form">
        <Form.Item name="username" label={t('users.username')} rules={[{ required: !user }]}>
          <Input autoComplete="off" disabled={Boolean(user)} />
        </Form.Item>
        <Form.Item
          name="password"
          label={user ? t('users.resetPassword') : t('users.password')}
          rules={[{ required: !user }]}
          extra={<PasswordStrength password={password} username={user?.username ?? username} name={name} />}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="name" label={t('users.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="employeeNo" label={t('users.employeeNo')}>
          <Input />
        </Form.Item>
        <Form.Item name="hireDate" label={t('users.hireDate')} extra={t('users.hireDateHint')}>
          <Input type="date" data-testid="user-hire-date" />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')}>
          <Input type="email" />
        </Form.Item>
        <Form.Item name="roleId" label={t('users.role')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={roles.isLoading}
            options={(roles.data?.items ?? []).map((role) => ({
              value: role.id,
              label: roleLabel(role, i18n.language),
            }))}
          />
        </Form.Item>
        <Form.Item name="departmentId" label={t('users.department')}>
          <Select allowClear options={options(departments.data)} />
        </Form.Item>
        <Form.Item name="teamId" label={t('users.team')}>
          <Select allowClear options={options(teams.data?.filter((team) => !departmentId || team.departmentId === departmentId))} />
        </Form.Item>
        <Form.Item name="levelId" label={t('users.level')}>
          <Select allowClear options={(levels.data ?? []).map((level) => ({ value: level.id, label: `${level.level} · ${level.name}` }))} />
        </Form.Item>
        <Form.Item name="tier" label={t('users.tier')} extra={t('users.tierHelp')}>
          <Select
            options={[
              { value: 1, label: t('users.tier1') },
              { value: 2, label: t('users.tier2') },
            ]}
          />
        </Form.Item>
        <Form.Item name="regionIds" label={t('users.regions')}>
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={options(regions.data)} />
        </Form.Item>
        <Form.Item name="skills" label={t('users.skills')}>
          <Select mode="tags" placeholder={t('users.skillsPlaceholder')} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="status" label={t('users.status')}>
          <Select options={USER_STATUSES.map((status) => ({ value: status, label: t(`users.status_${status}`) }))} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
