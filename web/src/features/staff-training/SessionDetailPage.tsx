import { ATTENDANCE_STATES, type TStaffSession } from '@techserve/core';
import { App, Button, Card, Descriptions, Flex, Result, Select, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { formatInstant } from '../field/formatInstant';
import { useStaffSession, useTrainingError, useTrainingWrite } from './useStaffTraining';
import './i18n';

type Attendance = TStaffSession['attendees'][number]['status'];

/** TRN-1: one session — trainer, time and place, who attended (recorded by a training manager) and its exams. */
export function SessionDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  const { can } = useSession();
  const query = useStaffSession(Number(id));
  const write = useTrainingWrite();
  const showError = useTrainingError();
  const [changes, setChanges] = useState<Record<number, Attendance>>({});
  if (query.isLoading) return <Skeleton active />;
  const s = query.data;
  if (!s) return <Result status="404" title={t('staffTraining.notFound')} />;
  const manage = can('training.manage') && s.status !== 'cancelled';
  const saveAttendance = () =>
    write.mutate(
      {
        path: `/sessions/${s.id}/attendance`,
        method: 'PUT',
        body: { version: s.version, attendees: s.attendees.map((a) => ({ userId: a.userId, status: changes[a.userId] ?? a.status })) },
      },
      {
        onSuccess: () => {
          setChanges({});
          void message.success(t('staffTraining.saved'));
        },
        onError: (e) => showError(e),
      },
    );
  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <PageHeader
        title={s.title}
        extra={
          manage && (
            <Button onClick={() => void navigate(`/staff-training/exams/new?sessionId=${s.id}`)} data-testid="session-exam">
              {t('staffTraining.newExam')}
            </Button>
          )
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label={t('staffTraining.kind')}>{t(`staffTraining.kind_${s.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('staffTraining.status')}>{t(`staffTraining.sstatus_${s.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('staffTraining.startsAt')}>{formatInstant(s.startsAt)}</Descriptions.Item>
        <Descriptions.Item label={t('staffTraining.endsAt')}>{formatInstant(s.endsAt)}</Descriptions.Item>
        <Descriptions.Item label={t('staffTraining.trainer')}>{s.trainerName ?? t('staffTraining.none')}</Descriptions.Item>
        <Descriptions.Item label={t('staffTraining.location')}>{s.location ?? t('staffTraining.none')}</Descriptions.Item>
        {s.productName && <Descriptions.Item label={t('staffTraining.product')}>{s.productName}</Descriptions.Item>}
        {s.description && (
          <Descriptions.Item label={t('staffTraining.description')} span={{ xs: 1, sm: 1, md: 2 }}>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{s.description}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t('staffTraining.attendance')}>
        <Table
          rowKey="userId"
          size="small"
          pagination={false}
          dataSource={s.attendees}
          columns={[
            { title: t('staffTraining.attendees'), dataIndex: 'name', key: 'name' },
            {
              title: t('staffTraining.attendance'),
              key: 'status',
              render: (_, a) =>
                manage ? (
                  <Select<Attendance>
                    value={changes[a.userId] ?? a.status}
                    onChange={(v) => setChanges((c) => ({ ...c, [a.userId]: v }))}
                    options={ATTENDANCE_STATES.map((st) => ({ value: st, label: t(`staffTraining.att_${st}`) }))}
                    style={{ width: 120 }}
                  />
                ) : (
                  t(`staffTraining.att_${a.status}`)
                ),
            },
          ]}
        />
        {manage && (
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            loading={write.isPending}
            onClick={saveAttendance}
            data-testid="session-attendance-save"
          >
            {t('staffTraining.saveAttendance')}
          </Button>
        )}
      </Card>
      {s.examIds.length > 0 && (
        <Card size="small" title={t('staffTraining.exams')}>
          <Flex gap={12} wrap>
            {s.examIds.map((examId) => (
              <Link key={examId} to={`/staff-training/exams/${examId}`}>
                {t('staffTraining.exam', { id: examId })}
              </Link>
            ))}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
