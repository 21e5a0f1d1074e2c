import { type TTravelRequest, ZClaimExpense } from '@techserve/core';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { money, yuanToFen } from '../../shared/money';
import { useTravelAction } from './useTravel';
import { useTravelError } from './useTravelError';
import './i18n';
import { DateInput } from '../../shared/DateInput';

type Values = {
  actualStartDate: string;
  actualEndDate: string;
  expenses?: { date: string; category: string; description: string; amountYuan: number }[];
};

/**
 * TR-1: a claim with the actual days (beyond the itinerary only with an approved extension) and the expenses. A claim
 * needs at least one expense line, and is sent only after the traveller confirms its lines and total.
 */
export function ClaimForm({ trip }: { trip: TTravelRequest }) {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const action = useTravelAction();
  const showError = useTravelError();
  const [noLines, setNoLines] = useState(false);
  const confirm = (v: Values) => {
    const lines = v.expenses ?? [];
    setNoLines(lines.length === 0);
    if (lines.length === 0) return;
    const totalFen = lines.reduce((sum, e) => sum + yuanToFen(e.amountYuan), 0);
    modal.confirm({
      title: t('travel.confirmClaim'),
      content: t('travel.confirmClaimText', { n: lines.length, total: money(totalFen, i18n.language) }),
      okText: t('travel.newClaim'),
      cancelText: t('travel.back'),
      onOk: () => submit(v),
    });
  };
  const submit = (v: Values) =>
    action.mutate(
      {
        path: `/travel-requests/${trip.id}/claims`,
        body: {
          actualStartDate: v.actualStartDate,
          actualEndDate: v.actualEndDate,
          expenses: (v.expenses ?? []).map((e) => ({
            date: e.date,
            category: e.category,
            description: e.description,
            amountFen: yuanToFen(e.amountYuan),
          })),
        },
      },
      { onError: (e) => showError(e, form) },
    );
  const cell = { style: { flex: '1 1 140px', minWidth: 0, marginBottom: 8 } };
  const required = [{ required: true, message: t('travel.required') }];
  return (
    <Form<Values>
      form={form}
      name="travelClaim"
      layout="vertical"
      onFinish={confirm}
      initialValues={{ actualStartDate: trip.startDate, actualEndDate: trip.endDate, expenses: [] }}
    >
      <Flex gap={12} wrap>
        <Form.Item name="actualStartDate" label={t('travel.actualStart')} rules={required} {...cell}>
          <DateInput />
        </Form.Item>
        <Form.Item name="actualEndDate" label={t('travel.actualEnd')} rules={required} {...cell}>
          <DateInput />
        </Form.Item>
      </Flex>
      <Form.List name="expenses">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginBottom: 12 }}>
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                extra={
                  <Button type="link" danger size="small" onClick={() => remove(field.name)}>
                    {t('travel.removeSegment')}
                  </Button>
                }
              >
                <Flex gap={12} wrap>
                  <Form.Item name={[field.name, 'date']} label={t('travel.logDate')} rules={required} {...cell}>
                    <DateInput />
                  </Form.Item>
                  <Form.Item name={[field.name, 'category']} label={t('travel.category')} rules={required} {...cell}>
                    <Select options={ZClaimExpense.shape.category.options.map((c) => ({ value: c, label: t(`travel.category_${c}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'description']} label={t('travel.description')} rules={required} {...cell}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'amountYuan']} label={t('travel.amountYuan')} rules={required} {...cell}>
                    <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
                  </Form.Item>
                </Flex>
              </Card>
            ))}
            {noLines && fields.length === 0 && (
              <Alert type="error" showIcon title={t('travel.claimNoLines')} data-testid="claim-no-lines" />
            )}
            <Button onClick={() => add({ date: trip.startDate, category: 'transport' })}>{t('travel.addExpense')}</Button>
          </Flex>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={action.isPending} block>
        {t('travel.newClaim')}
      </Button>
    </Form>
  );
}
