import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TTraining, TTrainingSummary } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useProjectError } from './useProjectError';
import { CustomerSelect } from '../tickets/CustomerSelect';
import { LoadMore } from '../../shared/LoadMore';
import { projectKeys } from './projectKeys';
import { usePagedList } from '../../shared/usePagedList';
import './i18n';

/** FS-14: a training plan for a customer (of a project when given) with its first trainees. */
function TrainingCreateModal({
  open,
  onClose,
  projectId,
  customerId: fixedCustomer,
}: {
  open: boolean;
  onClose: () => void;
  projectId?: number;
  customerId?: number;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [chosen, setChosen] = useState<number>();
  const showError = useProjectError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: unknown) => api<TTraining>('/trainings', { method: 'POST', body }),
    onSuccess: (training) => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.trainingLists() });
      onClose();
      void navigate(`/projects/trainings/${training.id}`);
    },
    onError: (error) => showError(error, form),
  });
  const submit = (v: { title: string; trainees?: { name: string; position?: string }[] }) =>
    create.mutate({
      customerId: fixedCustomer ?? chosen,
      projectId: projectId ?? null,
      title: v.title,
      trainees: (v.trainees ?? []).filter((x) => x?.name?.trim()).map((x) => ({ name: x.name, position: x.position || null })),
    });
  return (
    <Modal
      open={open}
      title={t('projects.trainings.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ trainees: [{}] }}>
        {!fixedCustomer && (
          <Form.Item label={t('projects.customer')} required>
            <CustomerSelect value={chosen} onChange={setChosen} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('projects.trainings.titleLabel')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Typography.Text strong>{t('projects.trainings.trainees')}</Typography.Text>
        <Form.List name="trainees">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start" style={{ marginTop: 8 }}>
                  <Form.Item name={[field.name, 'name']} style={{ flex: 1, marginBottom: 0 }}>
                    <Input placeholder={t('projects.trainings.traineeName')} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'position']} style={{ flex: 1, marginBottom: 0 }}>
                    <Input placeholder={t('projects.trainings.position')} maxLength={100} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} block style={{ marginTop: 8 }}>
                {t('projects.trainings.addTrainee')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** FS-14: trainings in scope (of one project when given) with sign-off progress. */
export function TrainingsList({ projectId, customerId, canCreate }: { projectId?: number; customerId?: number; canCreate: boolean }) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const list = usePagedList<TTrainingSummary>('/trainings', projectKeys.trainingList({ projectId }), { projectId });
  return (
    <div>
      {canCreate && (
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginBottom: 8 }} data-testid="training-create">
          {t('projects.trainings.create')}
        </Button>
      )}
      <Table<TTrainingSummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: true }}
        dataSource={list.data?.pages.flatMap((p) => p.items) ?? []}
        columns={[
          {
            key: 'title',
            title: t('projects.trainings.titleLabel'),
            render: (_, r) => <Link to={`/projects/trainings/${r.id}`}>{r.title}</Link>,
          },
          { key: 'customer', title: t('projects.customer'), dataIndex: 'customerName', responsive: ['md'] },
          { key: 'progress', title: t('projects.trainings.signedOff'), render: (_, r) => `${r.signedOffCount}/${r.traineeCount}` },
          {
            key: 'status',
            title: t('projects.statusLabel'),
            render: (_, r) => (
              <Tag color={r.status === 'completed' ? 'success' : 'processing'}>{t(`projects.trainings.status.${r.status}`)}</Tag>
            ),
          },
        ]}
      />
      <LoadMore list={list} />
      <TrainingCreateModal open={creating} onClose={() => setCreating(false)} projectId={projectId} customerId={customerId} />
    </div>
  );
}

export function TrainingsPage() {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Title level={3}>{t('projects.trainings.title')}</Typography.Title>
      <TrainingsList canCreate />
    </div>
  );
}
