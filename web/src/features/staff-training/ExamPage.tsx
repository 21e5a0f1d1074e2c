import type { TExam } from '@techserve/core';
import {
  App,
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Result,
  Skeleton,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ListTable } from '../../layout/ListTable';
import { PageHeader } from '../../layout/PageHeader';
import { formatInstant } from '../field/formatInstant';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { ResultTag } from './ExamsPage';
import { useExam, useTrainingError, useTrainingWrite } from './useStaffTraining';
import './i18n';

type Attempt = NonNullable<TExam['results']>[number];
type Answer = { choices?: string[]; text?: string };

/**
 * TRN-1/TRN-3: one exam. A candidate answers the paper while it is open (once) and then sees the result with its
 * explanation; the trainer sees everyone's results and grades the written answers (AP-10: a failure is a fact).
 */
export function ExamPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useExam(Number(id));
  const [grading, setGrading] = useState<Attempt | null>(null);
  if (query.isLoading) return <Skeleton active />;
  const exam = query.data;
  if (!exam) return <Result status="404" title={t('staffTraining.notFound')} />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <PageHeader title={exam.title} />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={t('staffTraining.examKind')}>{t(`staffTraining.ekind_${exam.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('staffTraining.status')}>
          <span data-testid="exam-state" data-state={exam.state}>
            {t(`staffTraining.state_${exam.state}`)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('staffTraining.trainer')}>{exam.trainerName ?? t('staffTraining.none')}</Descriptions.Item>
        <Descriptions.Item label={t('staffTraining.opensAt')}>{formatInstant(exam.opensAt)}</Descriptions.Item>
        <Descriptions.Item label={t('staffTraining.closesAt')}>{formatInstant(exam.closesAt)}</Descriptions.Item>
        <Descriptions.Item label={t('staffTraining.pointsLabel')}>
          {t('staffTraining.maxPoints', { points: exam.maxPoints })} · {t('staffTraining.passMark', { percent: exam.passPercent })}
        </Descriptions.Item>
      </Descriptions>
      {exam.mine && <MyPaper exam={exam} />}
      {exam.results && (
        <Card size="small" title={t('staffTraining.results')}>
          <ListTable<Attempt>
            rowKey="attemptId"
            dataSource={exam.results}
            columns={[
              { title: t('staffTraining.candidates'), dataIndex: 'userName', key: 'name' },
              { title: t('staffTraining.status'), key: 'status', render: (_, a) => t(`staffTraining.rstatus_${a.status}`) },
              {
                title: t('staffTraining.points'),
                key: 'points',
                render: (_, a) => (a.points == null ? '—' : `${a.points}/${a.maxPoints}（${a.percent}%）`),
              },
              { title: t('staffTraining.results'), key: 'passed', render: (_, a) => <ResultTag status={null} passed={a.passed} /> },
              {
                title: '',
                key: 'grade',
                render: (_, a) =>
                  (a.status === 'submitted' || a.status === 'graded') && exam.questions.some((q) => q.kind === 'written') ? (
                    <Button size="small" onClick={() => setGrading(a)} data-testid="exam-grade-open">
                      {t('staffTraining.grade')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
      {grading && <GradeModal exam={exam} attempt={grading} onClose={() => setGrading(null)} />}
    </Flex>
  );
}

function MyPaper({ exam }: { exam: TExam }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useTrainingWrite();
  const showError = useTrainingError();
  const [form] = Form.useForm<Record<string, unknown>>();
  const mine = exam.mine as Attempt;
  const answers = (mine.answers ?? {}) as Record<string, Answer>;
  const canAnswer = exam.state === 'open' && mine.status === 'pending';
  const submit = (values: Record<string, unknown>) => {
    const body: Record<string, Answer> = {};
    for (const q of exam.questions) {
      const v = values[String(q.id)];
      if (v == null || v === '') continue;
      body[String(q.id)] = q.kind === 'written' ? { text: String(v) } : { choices: Array.isArray(v) ? (v as string[]) : [String(v)] };
    }
    write.mutate(
      { path: `/exams/${exam.id}/answers`, body: { answers: body } },
      { onSuccess: () => void message.success(t('staffTraining.saved')), onError: (e) => showError(e) },
    );
  };
  return (
    <Card size="small" title={t('staffTraining.myResult')} data-testid="exam-paper">
      {mine.status !== 'pending' && (
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Flex gap={8} align="center">
            <ResultTag status={mine.status} passed={mine.passed} />
            {mine.points != null && <Typography.Text>{`${mine.points}/${mine.maxPoints}（${mine.percent}%）`}</Typography.Text>}
          </Flex>
          {mine.explanation && <ExplanationLine explanation={mine.explanation} />}
        </Flex>
      )}
      {exam.state === 'notOpen' && <Alert type="info" title={`${t('staffTraining.opensAt')}：${formatInstant(exam.opensAt)}`} />}
      {(canAnswer || mine.status !== 'pending') && (
        <Form form={form} layout="vertical" onFinish={submit} disabled={!canAnswer}>
          {exam.questions.map((q, i) => {
            const given = answers[String(q.id)];
            return (
              <Form.Item
                key={q.id}
                name={String(q.id)}
                initialValue={q.kind === 'written' ? given?.text : q.kind === 'single' ? given?.choices?.[0] : given?.choices}
                label={`${i + 1}. ${q.text}（${q.points}）`}
                extra={q.correct && q.kind !== 'written' ? `${t('staffTraining.rightAnswer')}：${q.correct.join(', ')}` : undefined}
              >
                {q.kind === 'single' ? (
                  <Radio.Group
                    style={{ display: 'flex', flexDirection: 'column' }}
                    options={q.options.map((o) => ({ value: o.id, label: `${o.id}. ${o.text}` }))}
                  />
                ) : q.kind === 'multiple' ? (
                  <Checkbox.Group
                    style={{ display: 'flex', flexDirection: 'column' }}
                    options={q.options.map((o) => ({ value: o.id, label: `${o.id}. ${o.text}` }))}
                  />
                ) : (
                  <Input.TextArea rows={4} maxLength={20000} />
                )}
              </Form.Item>
            );
          })}
          {canAnswer && (
            <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="exam-submit">
              {t('staffTraining.submitPaper')}
            </Button>
          )}
        </Form>
      )}
    </Card>
  );
}

function GradeModal({ exam, attempt, onClose }: { exam: TExam; attempt: Attempt; onClose: () => void }) {
  const { t } = useTranslation();
  const write = useTrainingWrite();
  const showError = useTrainingError();
  const [form] = Form.useForm<Record<string, number>>();
  const answers = (attempt.answers ?? {}) as Record<string, Answer>;
  const written = exam.questions.filter((q) => q.kind === 'written');
  return (
    <Modal
      open
      title={`${t('staffTraining.gradeWritten')} · ${attempt.userName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('staffTraining.saveGrade')}
      confirmLoading={write.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          write.mutate(
            {
              path: `/exams/${exam.id}/attempts/${attempt.attemptId}/grade`,
              body: { version: attempt.version, points: Object.fromEntries(Object.entries(v).filter(([, p]) => p != null)) },
            },
            { onSuccess: onClose, onError: (e) => showError(e, form) },
          )
        }
      >
        {written.map((q) => (
          <Flex key={q.id} vertical gap={4}>
            <Typography.Text strong>{q.text}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8, marginBottom: 4 }}>
              {answers[String(q.id)]?.text ?? t('staffTraining.noAnswer')}
            </Typography.Paragraph>
            <Form.Item
              name={String(q.id)}
              label={`${t('staffTraining.points')}（≤ ${q.points}）`}
              rules={[{ required: true, message: t('staffTraining.required') }]}
            >
              <InputNumber min={0} max={q.points} precision={0} data-testid={`grade-${q.id}`} />
            </Form.Item>
          </Flex>
        ))}
      </Form>
    </Modal>
  );
}
