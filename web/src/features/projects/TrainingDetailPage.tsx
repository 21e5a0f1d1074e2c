import { PlusOutlined } from '@ant-design/icons';
import type { TTrainee, TTraining } from '@techserve/core';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Result,
  Spin,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useProjectError } from './useProjectError';
import { RuleErrorAlert } from './RuleErrorAlert';
import { projectKeys } from './projectKeys';
import { useRecord } from './useRecord';
import { type TRecordCall, useRecordCall } from './useRecordCall';
import './i18n';

/**
 * FS-14: the customer's training — sessions at the place and time with the content the customer chose, attendance,
 * and each trainee's "can operate independently" sign-off; completion is refused until everyone has it.
 */
export function TrainingDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useRecord<TTraining>(projectKeys.training(id), `/trainings/${id}`, id);
  const call = useRecordCall<TTraining>(projectKeys.training(id), projectKeys.trainingLists());
  const showError = useProjectError();
  const [adding, setAdding] = useState<'session' | 'trainee' | null>(null);
  const [form] = Form.useForm();
  if (query.isLoading) return <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />;
  if (query.error instanceof ApiError && query.error.status === 404)
    return (
      <Result
        status="404"
        title={t('projects.trainings.notFound')}
        extra={<Link to="/projects/trainings">{t('projects.backToList')}</Link>}
      />
    );
  const tr = query.data;
  if (!tr) return <Alert type="error" showIcon title={(query.error as Error | null)?.message ?? ''} />;
  const open = tr.status === 'open';

  const send = async (request: TRecordCall) => {
    try {
      await call.mutateAsync(request);
      return true;
    } catch (error) {
      // A rule refusal is shown on the page (RuleErrorAlert); everything else as a notification.
      if (!(error instanceof ApiError && error.status === 422 && error.ruleId)) showError(error, form);
      if (error instanceof ApiError && error.status === 409) void query.refetch();
      return false;
    }
  };
  const submitAdd = async (v: Record<string, unknown>) => {
    const ok =
      adding === 'session'
        ? await send({
            path: `/trainings/${tr.id}/sessions`,
            body: {
              place: v.place,
              content: v.content,
              startsAt: (v.startsAt as Dayjs | undefined)?.toISOString(),
              endsAt: (v.endsAt as Dayjs | undefined)?.toISOString(),
            },
          })
        : await send({ path: `/trainings/${tr.id}/trainees`, body: { name: v.name, position: v.position || null } });
    if (ok) setAdding(null);
  };

  return (
    <div style={{ maxWidth: 860 }}>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {tr.title}
        </Typography.Title>
        <Tag color={open ? 'processing' : 'success'} data-testid="training-status">
          {t(`projects.trainings.status.${tr.status}`)}
        </Tag>
        <Typography.Text type="secondary">
          {tr.customerName} · {t('projects.trainings.signedOffOf', { done: tr.signedOffCount, total: tr.traineeCount })}
        </Typography.Text>
      </Flex>
      {open && (
        <Button
          type="primary"
          size="large"
          loading={call.isPending}
          style={{ marginBottom: 8 }}
          data-testid="training-complete"
          onClick={() => void send({ path: `/trainings/${tr.id}/complete`, body: { version: tr.version } })}
        >
          {t('projects.trainings.complete')}
        </Button>
      )}
      <RuleErrorAlert error={call.error} />

      <Card
        size="small"
        title={t('projects.trainings.trainees')}
        style={{ margin: '12px 0' }}
        extra={
          open && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding('trainee')}>
              {t('projects.trainings.addTrainee')}
            </Button>
          )
        }
      >
        <Table<TTrainee>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={tr.trainees}
          columns={[
            { key: 'name', title: t('projects.trainings.traineeName'), render: (_, x) => [x.name, x.position].filter(Boolean).join(' · ') },
            { key: 'attended', title: t('projects.trainings.attended'), dataIndex: 'sessionsAttended', responsive: ['sm'] },
            {
              key: 'signOff',
              title: t('projects.trainings.canOperate'),
              render: (_, x) => (
                <Flex gap={8} align="center" wrap>
                  <Switch
                    checked={x.signedOff}
                    disabled={!open}
                    loading={call.isPending}
                    data-testid={`sign-off-${x.id}`}
                    aria-label={t('projects.trainings.canOperate')}
                    onChange={(checked) =>
                      void send({
                        path: `/training-trainees/${x.id}/sign-off`,
                        body: { version: x.version, canOperateIndependently: checked },
                      })
                    }
                  />
                  {x.signedOffBy && <Typography.Text type="secondary">{x.signedOffBy}</Typography.Text>}
                </Flex>
              ),
            },
          ]}
        />
      </Card>

      <Card
        size="small"
        title={t('projects.trainings.sessions')}
        extra={
          open && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding('session')}>
              {t('projects.trainings.addSession')}
            </Button>
          )
        }
      >
        <List
          dataSource={tr.sessions}
          locale={{ emptyText: t('projects.trainings.noSessions') }}
          renderItem={(s) => (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Typography.Text
                  strong
                >{`${new Date(s.startsAt).toLocaleString()} – ${new Date(s.endsAt).toLocaleTimeString()}`}</Typography.Text>
                <Typography.Text>{`${s.place} · ${s.content}`}</Typography.Text>
                <Checkbox.Group
                  disabled={!open}
                  value={s.attendeeIds}
                  options={tr.trainees.map((x) => ({ value: x.id, label: x.name }))}
                  onChange={(ids) => void send({ path: `/training-sessions/${s.id}/attendance`, method: 'PUT', body: { traineeIds: ids } })}
                />
              </Flex>
            </List.Item>
          )}
        />
      </Card>

      <Modal
        open={adding !== null}
        title={t(adding === 'session' ? 'projects.trainings.addSession' : 'projects.trainings.addTrainee')}
        onCancel={() => setAdding(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: call.isPending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submitAdd(v)}>
          {adding === 'session' ? (
            <>
              <Form.Item
                name="place"
                label={t('projects.trainings.place')}
                rules={[{ required: true, whitespace: true }]}
                extra={t('projects.trainings.customerChooses')}
              >
                <Input maxLength={300} />
              </Form.Item>
              <Flex gap={8} wrap>
                <Form.Item name="startsAt" label={t('projects.trainings.startsAt')} rules={[{ required: true }]} style={{ flex: 1 }}>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="endsAt" label={t('projects.trainings.endsAt')} rules={[{ required: true }]} style={{ flex: 1 }}>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                </Form.Item>
              </Flex>
              <Form.Item name="content" label={t('projects.trainings.content')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="name" label={t('projects.trainings.traineeName')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="position" label={t('projects.trainings.position')}>
                <Input maxLength={100} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </div>
  );
}
