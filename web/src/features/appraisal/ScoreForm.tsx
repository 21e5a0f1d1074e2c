import type { TAppraisalScheme } from '@techserve/core';
import { Button, Flex, Form, InputNumber, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';

export type TScores = Record<string, number>;

/** AP-2b/AP-3: one score per item, a whole number from 0 to the item's weight; the item's description beside it. */
export function ScoreForm({
  scheme,
  initial,
  submitLabel,
  disabled,
  loading,
  onSubmit,
  children,
  testId = 'score-form',
}: {
  scheme: TAppraisalScheme;
  initial?: TScores;
  submitLabel: string;
  disabled?: boolean;
  loading?: boolean;
  onSubmit: (scores: TScores, values: Record<string, unknown>) => void;
  children?: React.ReactNode;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [form] = Form.useForm();
  useEffect(() => {
    if (initial) form.setFieldsValue({ scores: initial });
  }, [form, initial]);
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={disabled}
      data-testid={testId}
      onFinish={(values: { scores?: TScores } & Record<string, unknown>) => {
        const scores = Object.fromEntries(Object.entries(values.scores ?? {}).filter(([, v]) => v != null)) as TScores;
        onSubmit(scores, values);
      }}
    >
      {scheme.items.map((item) => (
        <Form.Item
          key={item.id}
          name={['scores', item.id]}
          label={`${item.group ? `${item.group[lang]} · ` : ''}${item.name[lang]}（${t('appraisal.weight')} ${item.weight}）`}
          extra={
            <Typography.Text type="secondary">
              {item.description?.[lang]}
              {item.computed && ` · ${t('appraisal.computed')}`}
            </Typography.Text>
          }
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={0} max={item.weight} precision={0} style={{ width: 120 }} data-testid={`score-${item.id}`} />
        </Form.Item>
      ))}
      {children}
      <Flex>
        <Button type="primary" htmlType="submit" loading={loading} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
      </Flex>
    </Form>
  );
}
