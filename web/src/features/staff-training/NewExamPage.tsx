import type { TBankQuestion, TExam } from '@techserve/core';
import { Button, Card, Flex, Form, Input, Radio, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { InstantInput } from '../incidents/InstantInput';
import { StaffMultiSelect } from './StaffMultiSelect';
import { useStaffSession, useTrainingError, useTrainingList, useTrainingWrite } from './useStaffTraining';
import './i18n';

type Values = {
  title?: string;
  kind: TExam['kind'];
  questionIds?: number[];
  candidateIds?: number[];
  opensAt?: string | null;
  closesAt?: string | null;
};

/**
 * TRN-1/TRN-3: sets an exam from the question bank — on the day of a session (its present attendees as candidates) or
 * a knowledge exam; the pass mark comes from the policy in force.
 */
export function NewExamPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const sessionId = Number(params.get('sessionId')) || null;
  const session = useStaffSession(sessionId ?? 0);
  const bank = useTrainingList<TBankQuestion>('questions', {});
  const questions = useMemo(() => (bank.data?.pages.flatMap((p) => p.items) ?? []).filter((q) => q.active), [bank.data]);
  const [form] = Form.useForm<Values>();
  const write = useTrainingWrite<TExam>();
  const showError = useTrainingError();
  useEffect(() => {
    const s = session.data;
    if (!s) return;
    // The exam on the day: right after the session, for those present (TRN-1).
    const present = s.attendees.filter((a) => a.status !== 'absent' && a.status !== 'excused').map((a) => a.userId);
    form.setFieldsValue({
      title: s.title,
      kind: 'training',
      candidateIds: present,
      opensAt: s.endsAt,
      closesAt: new Date(Date.parse(s.endsAt) + 60 * 60_000).toISOString(),
      questionIds: questions.filter((q) => s.productId == null || q.productId === s.productId).map((q) => q.id),
    });
  }, [session.data, questions, form]);
  const required = [{ required: true, message: t('staffTraining.required') }];
  return (
    <Flex vertical style={{ maxWidth: 760 }}>
      <PageHeader title={t('staffTraining.newExam')} />
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: sessionId ? 'training' : 'knowledge' }}
          onFinish={(v) =>
            write.mutate(
              {
                path: '/exams',
                body: {
                  title: v.title?.trim(),
                  kind: v.kind,
                  sessionId,
                  productId: session.data?.productId ?? null,
                  questionIds: v.questionIds ?? [],
                  candidateIds: v.candidateIds ?? [],
                  opensAt: v.opensAt,
                  closesAt: v.closesAt,
                },
              },
              { onSuccess: (e) => void navigate(`/staff-training/exams/${e.id}`), onError: (e) => showError(e, form) },
            )
          }
        >
          <Form.Item name="title" label={t('staffTraining.title')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="kind" label={t('staffTraining.examKind')}>
            <Radio.Group
              disabled={sessionId != null}
              options={(['training', 'knowledge'] as const).map((k) => ({ value: k, label: t(`staffTraining.ekind_${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="questionIds" label={t('staffTraining.questionsPick')} rules={required}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={questions.map((q) => ({ value: q.id, label: `[${t(`staffTraining.qkind_${q.kind}`)}·${q.points}] ${q.text}` }))}
            />
          </Form.Item>
          <Form.Item name="candidateIds" label={t('staffTraining.candidates')} rules={required}>
            <StaffMultiSelect known={(session.data?.attendees ?? []).map((a) => ({ id: a.userId, name: a.name }))} />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="opensAt" label={t('staffTraining.opensAt')} rules={required} style={{ flex: '1 1 200px' }}>
              <InstantInput />
            </Form.Item>
            <Form.Item name="closesAt" label={t('staffTraining.closesAt')} rules={required} style={{ flex: '1 1 200px' }}>
              <InstantInput />
            </Form.Item>
          </Flex>
          <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="exam-create">
            {t('staffTraining.create')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
