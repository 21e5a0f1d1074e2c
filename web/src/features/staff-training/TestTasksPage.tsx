import { PlusOutlined } from '@ant-design/icons';
import { TEST_TASK_KINDS, type TTestTask } from '@techserve/core';
import { Button, Flex, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MineAllToggle } from '../../layout/MineAllToggle';
import { PageHeader } from '../../layout/PageHeader';
import { ResponsiveList } from '../../layout/ResponsiveList';
import { useSession } from '../auth/useSession';
import { DateInput } from '../../shared/DateInput';
import { ProductSelect } from '../customers/ProductSelect';
import { LoadMore } from '../../shared/LoadMore';
import { UserSelect } from '../tickets/UserSelect';
import { useTrainingError, useTrainingList, useTrainingWrite } from './useStaffTraining';
import './i18n';

const STATUS_COLOR = { assigned: 'blue', inProgress: 'orange', done: 'green', cancelled: 'default' } as const;

/** TRN-2: product tests, test documents, user guides and production tasks with R&D, done between trips. */
export function TestTasksPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('training.manage');
  const [view, setView] = useState<'mine' | 'all'>(manage ? 'all' : 'mine');
  const [open, setOpen] = useState<TTestTask | 'new' | null>(null);
  const list = useTrainingList<TTestTask>('test-tasks', { view });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const status = (task: TTestTask) => (
    <Flex gap={4}>
      <Tag color={STATUS_COLOR[task.status]}>{t(`staffTraining.tstatus_${task.status}`)}</Tag>
      {task.assigneeTravelling && <Tag color="purple">{t('staffTraining.travelling')}</Tag>}
    </Flex>
  );
  const title = (task: TTestTask) => <a onClick={() => setOpen(task)}>{task.title}</a>;
  return (
    <>
      <PageHeader
        title={t('staffTraining.testTasks')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
              {t('staffTraining.newTestTask')}
            </Button>
          )
        }
      />
      {manage && <MineAllToggle value={view} onChange={setView} mine={t('staffTraining.viewMine')} all={t('staffTraining.viewAll')} />}
      <ResponsiveList<TTestTask>
        items={rows}
        loading={list.isLoading}
        empty={t('staffTraining.empty')}
        testId="test-tasks"
        columns={[
          { title: t('staffTraining.title'), key: 'title', render: (_, task) => title(task) },
          { title: t('staffTraining.kind'), key: 'kind', render: (_, task) => t(`staffTraining.tkind_${task.kind}`) },
          { title: t('staffTraining.product'), key: 'product', render: (_, task) => task.productName ?? '—' },
          { title: t('staffTraining.assignee'), dataIndex: 'assigneeName', key: 'assignee' },
          { title: t('staffTraining.rndContact'), key: 'rnd', render: (_, task) => task.rndContact ?? '—' },
          { title: t('staffTraining.dueOn'), key: 'due', render: (_, task) => task.dueOn ?? '—' },
          { title: t('staffTraining.status'), key: 'status', render: (_, task) => status(task) },
        ]}
        card={(task) => (
          <Flex vertical gap={4}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>{title(task)}</Typography.Text>
              {status(task)}
            </Flex>
            <Typography.Text type="secondary">
              {t(`staffTraining.tkind_${task.kind}`)} · {task.productName ?? ''} · {task.dueOn ?? ''}
            </Typography.Text>
          </Flex>
        )}
      />
      <LoadMore list={list} count={rows.length} testId="test-tasks-more" />
      {open === 'new' && <NewTaskModal onClose={() => setOpen(null)} />}
      {open && open !== 'new' && <TaskModal task={open} manage={manage} onClose={() => setOpen(null)} />}
    </>
  );
}

function NewTaskModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const write = useTrainingWrite();
  const showError = useTrainingError();
  return (
    <Modal
      open
      title={t('staffTraining.newTestTask')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={write.isPending}
      okText={t('staffTraining.create')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'productTest' }}
        onFinish={(v) =>
          write.mutate(
            { path: '/test-tasks', body: { ...v, title: v.title?.trim(), rndContact: v.rndContact?.trim() || null } },
            { onSuccess: onClose, onError: (e) => showError(e, form) },
          )
        }
      >
        <Form.Item name="kind" label={t('staffTraining.kind')}>
          <Select options={TEST_TASK_KINDS.map((k) => ({ value: k, label: t(`staffTraining.tkind_${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('staffTraining.title')}
          rules={[{ required: true, whitespace: true, message: t('staffTraining.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="productId" label={t('staffTraining.product')}>
          <ProductSelect />
        </Form.Item>
        <Form.Item name="assigneeId" label={t('staffTraining.assignee')} rules={[{ required: true, message: t('staffTraining.required') }]}>
          <UserSelect />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="rndContact" label={t('staffTraining.rndContact')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="dueOn" label={t('staffTraining.dueOn')} style={{ flex: '1 1 160px' }}>
            <DateInput />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('staffTraining.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TaskModal({ task, manage, onClose }: { task: TTestTask; manage: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const write = useTrainingWrite();
  const showError = useTrainingError();
  const [result, setResult] = useState(task.result ?? '');
  const update = (status?: TTestTask['status']) =>
    write.mutate(
      {
        path: `/test-tasks/${task.id}`,
        method: 'PATCH',
        body: { version: task.version, ...(status ? { status } : {}), result: result.trim() || null },
      },
      { onSuccess: onClose, onError: (e) => showError(e) },
    );
  const closed = task.status === 'done' || task.status === 'cancelled';
  return (
    <Modal open title={task.title} onCancel={onClose} footer={null}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          {t(`staffTraining.tkind_${task.kind}`)} · {task.assigneeName} · {task.rndContact ?? ''}
        </Typography.Text>
        {task.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{task.description}</Typography.Paragraph>}
        <Input.TextArea
          rows={5}
          maxLength={20000}
          value={result}
          disabled={closed}
          onChange={(e) => setResult(e.target.value)}
          placeholder={t('staffTraining.result')}
        />
        {!closed && (
          <Flex gap={8} wrap>
            {task.status === 'assigned' && <Button onClick={() => update('inProgress')}>{t('staffTraining.start')}</Button>}
            <Button onClick={() => update()}>{t('staffTraining.save')}</Button>
            <Button type="primary" onClick={() => update('done')} loading={write.isPending}>
              {t('staffTraining.finish')}
            </Button>
            {manage && (
              <Button danger onClick={() => update('cancelled')}>
                {t('staffTraining.cancelTask')}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
    </Modal>
  );
}
