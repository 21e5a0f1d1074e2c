import { CONTRACT_COVERAGES, type TContract, ZContractCreate, ZContractUpdate } from '@techserve/core';
import { Form, Input, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { blankToNull } from './blankToNull';
import { DateInput } from '../../shared/DateInput';
import { FenInput } from '../../shared/FenInput';
import { RecordFormModal } from './RecordFormModal';
import { usePolicyInForce } from '../../shared/usePolicyInForce';
import { useRecordForm } from './useRecordForm';
import './i18n';

type Values = {
  number?: string;
  startsOn?: string | null;
  endsOn?: string | null;
  serviceContent?: string | null;
  feeFen?: number | null;
  slaLevelId?: string;
  coverage?: TContract['coverage'];
  note?: string | null;
};

const toValues = (contract: TContract | undefined): Values => ({
  number: contract?.number,
  startsOn: contract?.startsOn ?? null,
  endsOn: contract?.endsOn ?? null,
  serviceContent: contract?.serviceContent,
  feeFen: contract?.feeFen ?? null,
  slaLevelId: contract?.slaLevelId,
  coverage: contract?.coverage,
  note: contract?.note,
});

// The form holds the fee in fen already (FenInput shows yuan), so `feeFen` errors land on the fee field.
const toBody = (values: Values) => ({
  number: values.number?.trim() ?? '',
  startsOn: values.startsOn ?? undefined,
  endsOn: values.endsOn ?? undefined,
  serviceContent: blankToNull(values.serviceContent),
  feeFen: values.feeFen ?? undefined,
  slaLevelId: values.slaLevelId,
  coverage: values.coverage,
  note: blankToNull(values.note),
});

type Props = { open: boolean; customerId: number; contract?: TContract; onClose: () => void };

/** CU-4: add or edit a service contract; its SLA level is one of the policy in force (SLA-1). */
export function ContractFormModal({ open, customerId, contract, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const policy = usePolicyInForce();
  const editor = useRecordForm({
    path: 'contracts',
    open,
    record: contract,
    createWith: { customerId },
    schemas: { create: ZContractCreate, update: ZContractUpdate },
    toValues,
    toBody,
    onSaved: onClose,
  });
  const { form } = editor;
  const sla = policy.data?.document.sla;
  const levels = sla?.levels ?? [];
  const options = levels.map((level) => ({ value: level.id, label: level.name[i18n.language === 'en' ? 'en' : 'zh-CN'] }));
  if (contract && !levels.some((level) => level.id === contract.slaLevelId)) {
    options.push({ value: contract.slaLevelId, label: t('customers.slaLevelNotInForce', { id: contract.slaLevelId }) });
  }

  // A new contract starts at the policy's default level and that level's coverage.
  useEffect(() => {
    if (!open || contract || !sla) return;
    if (!form.getFieldValue('slaLevelId')) form.setFieldValue('slaLevelId', sla.defaultLevelId);
    if (!form.getFieldValue('coverage')) {
      form.setFieldValue('coverage', sla.levels.find((level) => level.id === sla.defaultLevelId)?.calendarMode ?? 'business');
    }
  }, [open, contract, sla, form]);

  return (
    <RecordFormModal
      open={open}
      title={editor.isEdit ? t('customers.editContract') : t('customers.addContract')}
      editor={editor}
      onCancel={onClose}
      testId="contract-form"
    >
      <Form.Item name="number" label={t('customers.contractNumber')} rules={[{ required: true }]}>
        <Input maxLength={60} autoComplete="off" data-testid="contract-number" />
      </Form.Item>
      <Form.Item name="startsOn" label={t('customers.startsOn')} rules={[{ required: true }]}>
        <DateInput />
      </Form.Item>
      <Form.Item name="endsOn" label={t('customers.endsOn')} rules={[{ required: true }]}>
        <DateInput />
      </Form.Item>
      <Form.Item name="feeFen" label={t('customers.feeYuan')} rules={[{ required: true }]}>
        <FenInput />
      </Form.Item>
      <Form.Item
        name="slaLevelId"
        label={t('customers.slaLevel')}
        rules={[{ required: true }]}
        extra={
          policy.data
            ? t('customers.slaLevelHint', { number: policy.data.number })
            : policy.isLoading
              ? undefined
              : t('customers.slaLevelsUnavailable')
        }
      >
        <Select options={options} loading={policy.isLoading} data-testid="contract-sla" />
      </Form.Item>
      <Form.Item name="coverage" label={t('customers.coverage')} rules={[{ required: true }]} extra={t('customers.coverageHint')}>
        <Radio.Group options={CONTRACT_COVERAGES.map((coverage) => ({ value: coverage, label: t(`customers.coverage_${coverage}`) }))} />
      </Form.Item>
      <Form.Item name="serviceContent" label={t('customers.serviceContent')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="note" label={t('customers.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </RecordFormModal>
  );
}
