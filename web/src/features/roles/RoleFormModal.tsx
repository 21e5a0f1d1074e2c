import { DATA_SCOPES, PERMISSIONS, type TRole, ZRoleCreate, ZRoleUpdate, dataScopeLabel, permissionLabel } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, Checkbox, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { zodFormErrors } from '../../api/zodFormErrors';
import '../account/twoFactor.i18n';

type Props = { open: boolean; role?: TRole; onClose: () => void };
type Values = Pick<TRole, 'key' | 'name' | 'nameEn' | 'scope' | 'permissions' | 'requireTwoFactor'>;

export function RoleFormModal({ open, role, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(role ?? { scope: 'own', permissions: [], requireTwoFactor: false });
  }, [open, role, form]);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      role ? api<TRole>(`/roles/${role.id}`, { method: 'PATCH', body }) : api<TRole>('/roles', { method: 'POST', body }),
    onSuccess: () => {
      message.success(role ? t('common.saved') : t('common.created'));
      void queryClient.invalidateQueries({ queryKey: ['roles'] });
      onClose();
    },
    onError: (error) => {
      showError(error, form);
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: ['roles'] });
        onClose();
      }
    },
  });

  const submit = (values: Values) => {
    const common = {
      name: values.name,
      nameEn: values.nameEn?.trim() ? values.nameEn : undefined,
      scope: values.scope,
      permissions: values.permissions ?? [],
      requireTwoFactor: Boolean(values.requireTwoFactor),
    };
    const body = role ? { ...common, version: role.version } : { ...common, key: values.key };
    if (zodFormErrors(role ? ZRoleUpdate : ZRoleCreate, body, form)) save.mutate(body);
  };

  return (
    <Modal
      open={open}
      title={role ? t('roles.edit') : t('roles.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'role-submit' } as ButtonProps}
      forceRender
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="key" label={t('roles.key')} rules={[{ required: !role }]}>
          <Input disabled={Boolean(role)} autoComplete="off" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('roles.name')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="nameEn" label={t('roles.nameEn')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="scope" label={t('roles.scope')} rules={[{ required: true }]}>
          <Select options={DATA_SCOPES.map((scope) => ({ value: scope, label: dataScopeLabel(scope, i18n.language) }))} />
        </Form.Item>
        <Form.Item name="requireTwoFactor" label={t('twoFactor.roleSwitch')} extra={t('twoFactor.roleSwitchHint')} valuePropName="checked">
          <Switch data-testid="role-require-two-factor" />
        </Form.Item>
        <Form.Item name="permissions" label={t('roles.permissions')}>
          <Checkbox.Group style={{ width: '100%' }}>
            <Row gutter={[8, 8]}>
              {PERMISSIONS.map((permission) => (
                <Col xs={24} sm={12} key={permission}>
                  <Checkbox value={permission}>{permissionLabel(permission, i18n.language)}</Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
