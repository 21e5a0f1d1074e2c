import type { TCareTask } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { PageHeader } from '../../layout/PageHeader';
import { ResponsiveList } from '../../layout/ResponsiveList';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { useSession } from '../auth/useSession';
import { DateInput } from '../../shared/DateInput';
import { useRecordError } from './useRecordError';
import './care.i18n';

const tasksKey = ['care-tasks'] as const;

function StateTag({ task }: { task: TCareTask }) {
  const { t } = useTranslation();
  if (task.overdue) return <Tag color="red">{t('customerCare.overdue')}</Tag>;
  return (
    <Tag color={task.state === 'done' ? 'green' : task.state === 'missed' ? 'default' : 'gold'}>
      {t(`customerCare.state_${task.state}`)}
    </Tag>
  );
}

/** CU-1/CU-2: record a visit or an inspection as done (on a day, with a note) or missed. */
function RecordModal({ task, state, onClose }: { task: TCareTask; state: 'done' | 'missed'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ doneOn?: string | null; note?: string }>();
  const showError = useRecordError();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<TCareTask>(`/care-tasks/${task.id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      message.success(t('customerCare.recorded'));
      void queryClient.invalidateQueries({ queryKey: tasksKey });
      onClose();
    },
    onError: (error) => showError(error, form),
  });
  return (
    <Modal
      open
      title={t('customerCare.recordTitle', { kind: t(`customerCare.kind_${task.kind}`) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={state === 'done' ? t('customerCare.markDone') : t('customerCare.markMissed')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate({ version: task.version, state, doneOn: state === 'done' ? (v.doneOn ?? null) : null, note: v.note?.trim() || null })
        }
      >
        {state === 'done' && (
          <Form.Item name="doneOn" label={t('customerCare.doneOn')}>
            <DateInput />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('customerCare.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** CU-1/CU-2: the tasks (of a customer, or of the actor's regions), with done/missed buttons for customers.service. */
export function CareTaskList({ customerId }: { customerId?: number }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [all, setAll] = useState(false);
  const [recording, setRecording] = useState<{ task: TCareTask; state: 'done' | 'missed' } | null>(null);
  const q = useQuery({
    queryKey: [...tasksKey, { customerId, all }],
    queryFn: ({ signal }) => api<TCareTask[]>('/care-tasks', { query: { customerId, state: all ? undefined : 'open' }, signal }),
  });
  const canRecord = can('customers.service');
  const actions = (task: TCareTask) =>
    canRecord && task.state === 'open' ? (
      <Flex gap={8} wrap>
        <Button size="small" type="primary" onClick={() => setRecording({ task, state: 'done' })} data-testid={`task-${task.id}-done`}>
          {t('customerCare.markDone')}
        </Button>
        <Button size="small" onClick={() => setRecording({ task, state: 'missed' })}>
          {t('customerCare.markMissed')}
        </Button>
      </Flex>
    ) : null;
  const device = (task: TCareTask) => (task.serialNumber ? `${task.productName ?? ''} ${task.serialNumber}` : t('common.none'));
  const columns: ColumnsType<TCareTask> = [
    { title: t('customerCare.due'), dataIndex: 'dueDate', key: 'due' },
    {
      title: t('customerCare.customer'),
      key: 'customer',
      render: (_, x) => <Link to={`/customers/${x.customerId}`}>{x.customerName}</Link>,
    },
    { title: t('customerCare.kindCol'), key: 'kind', render: (_, x) => t(`customerCare.kind_${x.kind}`) },
    { title: t('customerCare.device'), key: 'device', render: (_, x) => device(x) },
    { title: t('customerCare.stateCol'), key: 'state', render: (_, x) => <StateTag task={x} /> },
    { title: t('customerCare.note'), key: 'explanation', render: (_, x) => x.note ?? <ExplanationLine explanation={x.explanation} /> },
    { title: t('common.actions'), key: 'actions', render: (_, x) => actions(x) },
  ];
  return (
    <Flex vertical gap={8}>
      <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>
        {t('customerCare.showAll')}
      </Checkbox>
      <ResponsiveList<TCareTask>
        items={q.data ?? []}
        loading={q.isLoading}
        empty={t('customerCare.noTasks')}
        columns={columns}
        testId="care-tasks"
        card={(x) => (
          <Flex vertical gap={6}>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>{t(`customerCare.kind_${x.kind}`)}</Typography.Text>
              <StateTag task={x} />
            </Flex>
            <Link to={`/customers/${x.customerId}`}>{x.customerName}</Link>
            {x.serialNumber && <Typography.Text>{device(x)}</Typography.Text>}
            <Typography.Text type="secondary">
              {t('customerCare.due')}: {x.dueDate}
            </Typography.Text>
            <ExplanationLine explanation={x.explanation} />
            {actions(x)}
          </Flex>
        )}
      />
      {recording && <RecordModal task={recording.task} state={recording.state} onClose={() => setRecording(null)} />}
    </Flex>
  );
}

/** CU-1/CU-2: an engineer's page — the visits and free inspections due in their regions (works at 390 px). */
export function CareTasksPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const plan = useMutation({
    mutationFn: () => api<{ opened: number; missed: number }>('/care-tasks/plan', { method: 'POST', body: {} }),
    onSuccess: (r) => {
      message.success(t('customerCare.planned', r));
      void queryClient.invalidateQueries({ queryKey: tasksKey });
    },
  });
  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={t('customerCare.tasksTitle')}
        extra={
          can('customers.manage') ? (
            <Button onClick={() => plan.mutate()} loading={plan.isPending}>
              {t('customerCare.planNow')}
            </Button>
          ) : undefined
        }
      />
      <CareTaskList />
    </Flex>
  );
}
