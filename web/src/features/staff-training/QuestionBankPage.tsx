import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TBankQuestion } from '@techserve/core';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Radio, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { ResponsiveList } from '../../layout/ResponsiveList';
import { ProductSelect } from '../customers/ProductSelect';
import { LoadMore } from '../../shared/LoadMore';
import { useTrainingError, useTrainingList, useTrainingWrite } from './useStaffTraining';
import './i18n';

/** TRN-1: the question bank per product — single and multiple choice (graded automatically) and written questions. */
export function QuestionBankPage() {
  const { t } = useTranslation();
  const [productId, setProductId] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const list = useTrainingList<TBankQuestion>('questions', productId ? { productId: String(productId) } : {});
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const kind = (q: TBankQuestion) => <Tag>{t(`staffTraining.qkind_${q.kind}`)}</Tag>;
  const answer = (q: TBankQuestion) =>
    q.kind === 'written'
      ? '—'
      : q.options
          .filter((o) => q.correct.includes(o.id))
          .map((o) => `${o.id}. ${o.text}`)
          .join('；');
  return (
    <>
      <PageHeader
        title={t('staffTraining.questions')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="question-new">
            {t('staffTraining.newQuestion')}
          </Button>
        }
      />
      <Flex style={{ marginBottom: 12, maxWidth: 320 }}>
        <ProductSelect value={productId} onChange={setProductId} />
      </Flex>
      <ResponsiveList<TBankQuestion>
        items={rows}
        loading={list.isLoading}
        empty={t('staffTraining.empty')}
        testId="questions"
        columns={[
          { title: t('staffTraining.qkind'), key: 'kind', render: (_, q) => kind(q) },
          { title: t('staffTraining.questionText'), dataIndex: 'text', key: 'text' },
          { title: t('staffTraining.product'), key: 'product', render: (_, q) => q.productName ?? t('staffTraining.general') },
          { title: t('staffTraining.rightAnswer'), key: 'answer', render: (_, q) => answer(q) },
          { title: t('staffTraining.pointsLabel'), dataIndex: 'points', key: 'points', align: 'right' },
        ]}
        card={(q) => (
          <Flex vertical gap={4}>
            <Flex gap={8}>
              {kind(q)}
              <Typography.Text>{q.text}</Typography.Text>
            </Flex>
            <Typography.Text type="secondary">
              {q.productName ?? t('staffTraining.general')} · {q.points} · {answer(q)}
            </Typography.Text>
          </Flex>
        )}
      />
      <LoadMore list={list} count={rows.length} testId="questions-more" />
      {open && <NewQuestionModal onClose={() => setOpen(false)} />}
    </>
  );
}

type Values = {
  kind: TBankQuestion['kind'];
  text?: string;
  productId?: number | null;
  points?: number;
  options: { text: string; correct: boolean }[];
};
const OPTION_IDS = 'abcdefghij';

function NewQuestionModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const write = useTrainingWrite();
  const showError = useTrainingError();
  const finish = (v: Values) => {
    const options = v.kind === 'written' ? [] : v.options.map((o, i) => ({ id: OPTION_IDS[i], text: o.text?.trim() }));
    const correct = v.kind === 'written' ? [] : v.options.flatMap((o, i) => (o.correct ? [OPTION_IDS[i]] : []));
    write.mutate(
      {
        path: '/questions',
        body: { kind: v.kind, text: v.text?.trim(), productId: v.productId ?? null, points: v.points, options, correct },
      },
      { onSuccess: onClose, onError: (e) => showError(e, form) },
    );
  };
  return (
    <Modal
      open
      title={t('staffTraining.newQuestion')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={write.isPending}
      okText={t('staffTraining.create')}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={finish}
        initialValues={{
          kind: 'single',
          points: 10,
          options: [
            { text: '', correct: true },
            { text: '', correct: false },
          ],
        }}
      >
        <Form.Item name="kind" label={t('staffTraining.qkind')}>
          <Radio.Group
            options={(['single', 'multiple', 'written'] as const).map((k) => ({ value: k, label: t(`staffTraining.qkind_${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('staffTraining.questionText')}
          rules={[{ required: true, whitespace: true, message: t('staffTraining.required') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="productId" label={t('staffTraining.product')} style={{ flex: '1 1 200px' }}>
            <ProductSelect />
          </Form.Item>
          <Form.Item name="points" label={t('staffTraining.pointsLabel')} style={{ width: 120 }}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        {kind !== 'written' && (
          <Form.List name="options">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                <Typography.Text>{t('staffTraining.options')}</Typography.Text>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} align="center">
                    <Typography.Text>{OPTION_IDS[i]}.</Typography.Text>
                    <Form.Item
                      name={[field.name, 'text']}
                      style={{ flex: 1, marginBottom: 0 }}
                      rules={[{ required: true, whitespace: true, message: t('staffTraining.required') }]}
                    >
                      <Input maxLength={500} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'correct']} valuePropName="checked" style={{ marginBottom: 0 }}>
                      <Checkbox>{t('staffTraining.correct')}</Checkbox>
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length <= 2} />
                  </Flex>
                ))}
                {fields.length < 10 && (
                  <Button icon={<PlusOutlined />} onClick={() => add({ text: '', correct: false })}>
                    {t('staffTraining.options')}
                  </Button>
                )}
              </Flex>
            )}
          </Form.List>
        )}
      </Form>
    </Modal>
  );
}
