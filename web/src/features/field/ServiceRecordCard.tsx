import type { TVisit } from '@techserve/core';
import { Button, Card, Divider, Flex, Form, Input, InputNumber, List, Radio, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIntakeCustomerFile } from '../tickets/useIntakeCustomerFile';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { useFieldError } from './useFieldError';
import { useVisitAction } from './useVisit';
import './i18n';

const SOLVED = { yes: true, working: null, no: false } as const;
type TSolvedChoice = keyof typeof SOLVED;
const choiceOf = (solved: boolean | null | undefined): TSolvedChoice => (solved === true ? 'yes' : solved === false ? 'no' : 'working');

/**
 * FS-6: the service record (售后维修单) — diagnosis, work done, solved or not, restored to the original state when
 * giving up — plus the parts used (into which installed device, CU-2) and the product experts consulted.
 */
export function ServiceRecordCard({ visit, customerId }: { visit: TVisit; customerId: number | undefined }) {
  const { t } = useTranslation();
  const [recordForm] = Form.useForm();
  const [partForm] = Form.useForm();
  const [consultForm] = Form.useForm();
  const act = useVisitAction(visit.letterId);
  const showError = useFieldError(fieldKeys.visit(visit.letterId));
  const editable = visit.allowed.includes('edit_record');
  const file = useIntakeCustomerFile(editable ? customerId : undefined);
  const solvedChoice = Form.useWatch('solved', recordForm) as TSolvedChoice | undefined;
  const record = visit.record;

  const saveRecord = (values: { diagnosis?: string; workDone?: string; solved: TSolvedChoice; restoredOriginal?: boolean }) => {
    const body = {
      ...(record ? { version: record.version } : {}),
      diagnosis: values.diagnosis ?? '',
      workDone: values.workDone ?? '',
      solved: SOLVED[values.solved],
      restoredOriginal: values.solved === 'no' ? Boolean(values.restoredOriginal) : false,
    };
    act.mutate({ path: '/service-record', method: 'PUT', body }, { onError: (error) => showError(error, recordForm) });
  };
  const addPart = (values: { part: string; quantity?: number; installedProductId?: number }) =>
    act.mutate(
      { path: '/parts', body: values },
      { onSuccess: () => partForm.resetFields(), onError: (error) => showError(error, partForm) },
    );
  const addConsult = (values: { expertName: string; question: string; answer: string }) =>
    act.mutate(
      { path: '/expert-consults', body: values },
      { onSuccess: () => consultForm.resetFields(), onError: (error) => showError(error, consultForm) },
    );

  const devices = (file.data?.installedProducts ?? []).map((p) => ({ value: p.id, label: `${p.productName} · ${p.serialNumber}` }));

  return (
    <Card size="small" title={t('field.recordTitle')} data-testid="record-card">
      <Form
        form={recordForm}
        layout="vertical"
        disabled={!editable}
        onFinish={saveRecord}
        initialValues={{
          diagnosis: record?.diagnosis ?? '',
          workDone: record?.workDone ?? '',
          solved: choiceOf(record?.solved),
          restoredOriginal: record?.restoredOriginal ?? false,
        }}
        key={record?.version ?? 0}
      >
        <Form.Item name="diagnosis" label={t('field.diagnosis')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10_000} data-testid="record-diagnosis" />
        </Form.Item>
        <Form.Item name="workDone" label={t('field.workDone')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10_000} data-testid="record-work-done" />
        </Form.Item>
        <Form.Item name="solved" label={t('field.solved')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="record-solved"
            options={(Object.keys(SOLVED) as TSolvedChoice[]).map((c) => ({ value: c, label: t(`field.solved_${c}`) }))}
          />
        </Form.Item>
        {solvedChoice === 'no' && (
          <Form.Item name="restoredOriginal" label={t('field.restoredOriginal')} valuePropName="checked" extra={t('field.unsolvedHint')}>
            <Switch data-testid="record-restored" />
          </Form.Item>
        )}
        {editable && (
          <Button type="primary" htmlType="submit" block size="large" loading={act.isPending} data-testid="record-save">
            {t('field.saveRecord')}
          </Button>
        )}
        {record && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('field.lastSaved', { name: record.updatedByName, at: formatInstant(record.updatedAt) })}
          </Typography.Text>
        )}
      </Form>

      <Divider titlePlacement="start">{t('field.parts')}</Divider>
      <List
        size="small"
        dataSource={visit.parts}
        locale={{ emptyText: t('field.noParts') }}
        data-testid="parts"
        renderItem={(p) => (
          <List.Item>
            {`${p.part} × ${p.quantity}`}
            {p.installedProductId ? ` · ${devices.find((d) => d.value === p.installedProductId)?.label ?? `#${p.installedProductId}`}` : ''}
          </List.Item>
        )}
      />
      {editable && (
        <Form form={partForm} layout="vertical" onFinish={addPart} initialValues={{ quantity: 1 }}>
          <Flex gap={8} wrap>
            <Form.Item
              name="part"
              label={t('field.part')}
              rules={[{ required: true, whitespace: true, message: t('field.required') }]}
              style={{ flex: '1 1 160px' }}
            >
              <Input maxLength={200} data-testid="part-name" />
            </Form.Item>
            <Form.Item name="quantity" label={t('field.quantity')} style={{ width: 90 }}>
              <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Form.Item name="installedProductId" label={t('field.device')} extra={t('field.deviceHint')}>
            <Select allowClear options={devices} loading={file.isLoading} data-testid="part-device" />
          </Form.Item>
          <Button htmlType="submit" block loading={act.isPending} data-testid="part-add">
            {t('field.addPart')}
          </Button>
        </Form>
      )}

      <Divider titlePlacement="start">{t('field.expertConsults')}</Divider>
      <List
        size="small"
        dataSource={visit.expertConsults}
        locale={{ emptyText: t('field.noConsults') }}
        data-testid="consults"
        renderItem={(c) => (
          <List.Item>
            <Flex vertical>
              <Typography.Text strong>{`${c.expertName} · ${formatInstant(c.createdAt)}`}</Typography.Text>
              <Typography.Text>{`${t('field.question')}: ${c.question}`}</Typography.Text>
              <Typography.Text>{`${t('field.answer')}: ${c.answer}`}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {editable && (
        <Form form={consultForm} layout="vertical" onFinish={addConsult}>
          <Form.Item
            name="expertName"
            label={t('field.expertName')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="question"
            label={t('field.question')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
          </Form.Item>
          <Form.Item name="answer" label={t('field.answer')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
          </Form.Item>
          <Button htmlType="submit" block loading={act.isPending}>
            {t('field.addConsult')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
