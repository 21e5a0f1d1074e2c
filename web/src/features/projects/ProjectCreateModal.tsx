import { type TProject, type TProjectCreate, ZProjectCreate } from '@techserve/core';
import type { ButtonProps } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useProjectError } from './useProjectError';
import { zodFormErrors } from '../../api/zodFormErrors';
import { CustomerSelect } from '../tickets/CustomerSelect';
import { UserSelect } from '../tickets/UserSelect';
import { useIntakeCustomerFile } from '../tickets/useIntakeCustomerFile';
import { MemberSelect } from './MemberSelect';
import { projectKeys } from './projectKeys';
import './i18n';

/** FS-12: a new project on one of the customer's service contracts; it opens in planning. */
export function ProjectCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [customerId, setCustomerId] = useState<number>();
  const file = useIntakeCustomerFile(customerId);
  const showError = useProjectError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: TProjectCreate) => api<TProject>('/projects', { method: 'POST', body }),
    onSuccess: (project) => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.lists() });
      onClose();
      void navigate(`/projects/${project.id}`);
    },
    onError: (error) => showError(error, form),
  });
  const submit = (values: Record<string, unknown>) => {
    const body = zodFormErrors(ZProjectCreate, values, form);
    if (body) create.mutate(body);
  };
  return (
    <Modal
      open={open}
      title={t('projects.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'project-create-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label={t('projects.customer')} required>
          <CustomerSelect
            value={customerId}
            onChange={(id) => {
              setCustomerId(id);
              form.setFieldsValue({ contractId: undefined, siteId: undefined });
            }}
          />
        </Form.Item>
        <Form.Item name="contractId" label={t('projects.contract')} rules={[{ required: true, message: t('projects.contractRequired') }]}>
          <Select
            loading={file.isFetching}
            options={(file.data?.contracts ?? []).map((c) => ({ value: c.id, label: `${c.number}（${c.startsOn} ~ ${c.endsOn}）` }))}
          />
        </Form.Item>
        <Form.Item name="siteId" label={t('projects.site')}>
          <Select allowClear options={(file.data?.sites ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('projects.name')} rules={[{ required: true, message: t('projects.nameRequired') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="managerId" label={t('projects.manager')}>
          <UserSelect />
        </Form.Item>
        <Form.Item name="salesId" label={t('projects.sales')}>
          <UserSelect />
        </Form.Item>
        <Form.Item name="memberIds" label={t('projects.members')}>
          <MemberSelect />
        </Form.Item>
        <Form.Item name="description" label={t('projects.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
