import { PlusOutlined } from '@ant-design/icons';
import { STAFF_TRAINING_KINDS, type TStaffSession } from '@techserve/core';
import { Button, Flex, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MineAllToggle } from '../../layout/MineAllToggle';
import { PageHeader } from '../../layout/PageHeader';
import { ResponsiveList } from '../../layout/ResponsiveList';
import { useSession } from '../auth/useSession';
import { ProductSelect } from '../customers/ProductSelect';
import { LoadMore } from '../../shared/LoadMore';
import { formatInstant } from '../field/formatInstant';
import { InstantInput } from '../incidents/InstantInput';
import { UserSelect } from '../tickets/UserSelect';
import { StaffMultiSelect } from './StaffMultiSelect';
import { useTrainingError, useTrainingList, useTrainingWrite } from './useStaffTraining';
import './i18n';

const STATUS_COLOR = { planned: 'blue', held: 'green', cancelled: 'default' } as const;

/** TRN-1: internal training sessions (mine, or all for a training manager), and planning a new one. */
export function SessionsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('training.manage');
  const [view, setView] = useState<'mine' | 'all'>(manage ? 'all' : 'mine');
  const [open, setOpen] = useState(false);
  const list = useTrainingList<TStaffSession>('sessions', { view });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const link = (s: TStaffSession) => <Link to={`/staff-training/sessions/${s.id}`}>{s.title}</Link>;
  const status = (s: TStaffSession) => <Tag color={STATUS_COLOR[s.status]}>{t(`staffTraining.sstatus_${s.status}`)}</Tag>;
  return (
    <>
      <PageHeader
        title={t('staffTraining.sessions')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="session-new">
              {t('staffTraining.newSession')}
            </Button>
          )
        }
      />
      {manage && <MineAllToggle value={view} onChange={setView} mine={t('staffTraining.viewMine')} all={t('staffTraining.viewAll')} />}
      <ResponsiveList<TStaffSession>
        items={rows}
        loading={list.isLoading}
        empty={t('staffTraining.empty')}
        testId="sessions"
        columns={[
          { title: t('staffTraining.title'), key: 'title', render: (_, s) => link(s) },
          { title: t('staffTraining.kind'), key: 'kind', render: (_, s) => t(`staffTraining.kind_${s.kind}`) },
          { title: t('staffTraining.startsAt'), key: 'starts', render: (_, s) => formatInstant(s.startsAt) },
          { title: t('staffTraining.trainer'), key: 'trainer', render: (_, s) => s.trainerName ?? t('staffTraining.none') },
          { title: t('staffTraining.attendees'), key: 'n', render: (_, s) => s.attendees.length },
          { title: t('staffTraining.status'), key: 'status', render: (_, s) => status(s) },
        ]}
        card={(s) => (
          <Flex vertical gap={4}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>{link(s)}</Typography.Text>
              {status(s)}
            </Flex>
            <Typography.Text type="secondary">
              {t(`staffTraining.kind_${s.kind}`)} · {formatInstant(s.startsAt)} · {s.location ?? ''}
            </Typography.Text>
          </Flex>
        )}
      />
      <LoadMore list={list} count={rows.length} testId="sessions-more" />
      {open && <NewSessionModal onClose={() => setOpen(false)} />}
    </>
  );
}

type Values = {
  kind: TStaffSession['kind'];
  title?: string;
  productId?: number | null;
  trainerId?: number | null;
  trainerName?: string;
  startsAt?: string | null;
  endsAt?: string | null;
  location?: string;
  description?: string;
  attendeeIds?: number[];
};

function NewSessionModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const write = useTrainingWrite<TStaffSession>();
  const showError = useTrainingError();
  const required = [{ required: true, message: t('staffTraining.required') }];
  const finish = (v: Values) =>
    write.mutate(
      {
        path: '/sessions',
        body: {
          kind: v.kind,
          title: v.title?.trim(),
          productId: v.productId ?? null,
          trainerId: v.trainerId ?? null,
          trainerName: v.trainerName?.trim() || null,
          startsAt: v.startsAt,
          endsAt: v.endsAt,
          location: v.location?.trim() || null,
          description: v.description?.trim() || null,
          attendeeIds: v.attendeeIds ?? [],
        },
      },
      { onSuccess: (s) => void navigate(`/staff-training/sessions/${s.id}`), onError: (e) => showError(e, form) },
    );
  return (
    <Modal
      open
      title={t('staffTraining.newSession')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={write.isPending}
      okText={t('staffTraining.create')}
    >
      <Form<Values> form={form} layout="vertical" onFinish={finish} initialValues={{ kind: 'product' }}>
        <Form.Item name="kind" label={t('staffTraining.kind')}>
          <Select options={STAFF_TRAINING_KINDS.map((k) => ({ value: k, label: t(`staffTraining.kind_${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('staffTraining.title')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="productId" label={t('staffTraining.product')}>
          <ProductSelect />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="trainerId" label={t('staffTraining.trainer')} style={{ flex: '1 1 180px' }}>
            <UserSelect />
          </Form.Item>
          <Form.Item name="trainerName" label={t('staffTraining.trainerName')} style={{ flex: '1 1 180px' }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="startsAt" label={t('staffTraining.startsAt')} rules={required} style={{ flex: '1 1 180px' }}>
            <InstantInput />
          </Form.Item>
          <Form.Item name="endsAt" label={t('staffTraining.endsAt')} rules={required} style={{ flex: '1 1 180px' }}>
            <InstantInput />
          </Form.Item>
        </Flex>
        <Form.Item name="location" label={t('staffTraining.location')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="attendeeIds" label={t('staffTraining.attendees')}>
          <StaffMultiSelect />
        </Form.Item>
        <Form.Item name="description" label={t('staffTraining.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
