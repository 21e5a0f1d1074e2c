import { type TCustomerFile, type TRepairFee, type TRepairFeeMonth, ZRepairFeeCreate } from '@techserve/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { zodFormErrors } from '../../api/zodFormErrors';
import { PageHeader } from '../../layout/PageHeader';
import { ResponsiveList } from '../../layout/ResponsiveList';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { FenInput } from '../../shared/FenInput';
import { money } from '../../shared/money';
import { useUserOptions, userOption } from '../../shared/useUserOptions';
import { DateInput } from '../../shared/DateInput';
import { useRecordError } from './useRecordError';
import './care.i18n';

type Values = {
  installedProductId?: number | null;
  description?: string;
  part?: string;
  causedByPeople?: boolean;
  feeFen?: number;
  partsFen?: number;
  agreedOn?: string | null;
  salesUserId?: number;
  headUserId?: number;
};

/** CU-3: record the fee of a chargeable repair agreed by the salesperson and the department head with the customer. */
export function RepairFeeModal({ file, productId, onClose }: { file: TCustomerFile; productId?: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const users = useUserOptions(q);
  const showError = useRecordError();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<TRepairFee>('/repair-fees', { method: 'POST', body }),
    onSuccess: () => {
      message.success(t('customerCare.feeSaved'));
      onClose();
    },
    onError: (error) => showError(error, form),
  });
  const submit = (v: Values) => {
    const body = {
      customerId: file.customer.id,
      installedProductId: v.installedProductId ?? null,
      description: v.description?.trim() ?? '',
      part: v.part?.trim() || null,
      causedByPeople: Boolean(v.causedByPeople),
      feeFen: v.feeFen ?? 0,
      partsFen: v.partsFen ?? 0,
      agreedOn: v.agreedOn ?? '',
      salesUserId: v.salesUserId ?? 0,
      headUserId: v.headUserId ?? 0,
    };
    if (zodFormErrors(ZRepairFeeCreate, body, form)) save.mutate(body);
  };
  const userSelect = <Select showSearch filterOption={false} onSearch={setQ} options={(users.data ?? []).map(userOption)} />;
  return (
    <Modal
      open
      title={t('customerCare.recordFee')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      style={{ top: 12 }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ agreedOn: dayjs().format('YYYY-MM-DD'), installedProductId: productId }}
        data-testid="fee-form"
      >
        <Form.Item name="installedProductId" label={t('customerCare.device')}>
          <Select allowClear options={file.installedProducts.map((p) => ({ value: p.id, label: `${p.productName} ${p.serialNumber}` }))} />
        </Form.Item>
        <Form.Item name="description" label={t('customerCare.description')} rules={[{ required: true }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="part" label={t('customerCare.part')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="causedByPeople" valuePropName="checked">
          <Checkbox>{t('customerCare.causedByPeople')}</Checkbox>
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="feeFen" label={t('customerCare.feeYuan')} rules={[{ required: true }]}>
            <FenInput />
          </Form.Item>
          <Form.Item name="partsFen" label={t('customerCare.partsYuan')}>
            <FenInput />
          </Form.Item>
        </Flex>
        <Form.Item name="agreedOn" label={t('customerCare.agreedOn')} rules={[{ required: true }]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="salesUserId" label={t('customerCare.sales')} rules={[{ required: true }]}>
          {userSelect}
        </Form.Item>
        <Form.Item name="headUserId" label={t('customerCare.head')} rules={[{ required: true }]}>
          {userSelect}
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** CU-3: finance's page — the month's repair fees with their explanations, the total and the Excel export. */
export function RepairFeesPage() {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const key = month.format('YYYY-MM');
  const q = useQuery({
    queryKey: ['repair-fees', key],
    queryFn: ({ signal }) => api<TRepairFeeMonth>('/repair-fees', { query: { month: key }, signal }),
  });
  const yuan = (fen: number) => money(fen, i18n.language);
  const columns: ColumnsType<TRepairFee> = [
    { title: t('customerCare.agreedOn'), dataIndex: 'agreedOn', key: 'agreedOn' },
    { title: t('customerCare.customer'), dataIndex: 'customerName', key: 'customer' },
    { title: t('customerCare.description'), dataIndex: 'description', key: 'description' },
    { title: t('customerCare.basis'), key: 'basis', render: (_, f) => t(`customerCare.basis_${f.basis}`) },
    { title: t('customerCare.total'), key: 'total', render: (_, f) => yuan(f.totalFen) },
    { title: `${t('customerCare.sales')} / ${t('customerCare.head')}`, key: 'who', render: (_, f) => `${f.salesName} / ${f.headName}` },
    { title: t('customerCare.note'), key: 'explanation', render: (_, f) => <ExplanationLine explanation={f.explanation} /> },
  ];
  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('customerCare.feesTitle')} />
      <Flex gap={8} wrap align="center">
        <DatePicker
          picker="month"
          value={month}
          allowClear={false}
          onChange={(d) => d && setMonth(d)}
          aria-label={t('customerCare.month')}
        />
        <Button type="primary" href={`/api/v1/repair-fees/export?month=${key}`} data-testid="fees-export">
          {t('customerCare.export')}
        </Button>
        {q.data && (
          <Typography.Text strong data-testid="fees-total">
            {t('customerCare.total')}: {yuan(q.data.totalFen)}
          </Typography.Text>
        )}
      </Flex>
      <ResponsiveList<TRepairFee>
        items={q.data?.items ?? []}
        loading={q.isLoading}
        empty={t('customerCare.noFees')}
        columns={columns}
        testId="repair-fees"
        card={(f) => (
          <Flex vertical gap={4}>
            <Typography.Text strong>
              {f.agreedOn} · {f.customerName} · {yuan(f.totalFen)}
            </Typography.Text>
            <Typography.Text>{f.description}</Typography.Text>
            <ExplanationLine explanation={f.explanation} />
          </Flex>
        )}
      />
    </Flex>
  );
}
