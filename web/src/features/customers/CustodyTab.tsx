import { type TCustodyRecord, type TCustomerFile, ZCustodyIn } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { zodFormErrors } from '../../api/zodFormErrors';
import { ResponsiveList } from '../../layout/ResponsiveList';
import { SignaturePad } from '../../shared/SignaturePad';
import { useSession } from '../auth/useSession';
import { TabToolbar } from './TabToolbar';
import { useRecordError } from './useRecordError';
import './care.i18n';

type Values = {
  kind?: 'device' | 'document';
  installedProductId?: number | null;
  item?: string;
  condition?: string;
  keptAt?: string;
  signerName?: string;
};
const custodyKey = (customerId: number) => ['custody', customerId] as const;
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');

/** CU-6: log an item in (the customer's person signs) or, given `record`, back out to the customer. */
function CustodyModal({ file, record, onClose }: { file: TCustomerFile; record?: TCustodyRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [signature, setSignature] = useState<string | null>(null);
  const showError = useRecordError();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      record
        ? api<TCustodyRecord>(`/custody/${record.id}/return`, { method: 'POST', body })
        : api<TCustodyRecord>('/custody', { method: 'POST', body }),
    onSuccess: () => {
      message.success(t('customerCare.recorded'));
      void queryClient.invalidateQueries({ queryKey: custodyKey(file.customer.id) });
      onClose();
    },
    onError: (error) => showError(error, form),
  });
  const submit = (v: Values) => {
    if (!signature) {
      form.setFields([{ name: 'signerName', errors: [t('customerCare.signatureRequired')] }]);
      return;
    }
    const sign = { signerName: v.signerName?.trim() ?? '', dataUrl: signature };
    if (record) {
      save.mutate({ version: record.version, condition: v.condition?.trim() ?? '', signature: sign });
      return;
    }
    const body = {
      customerId: file.customer.id,
      installedProductId: v.installedProductId ?? null,
      kind: v.kind ?? 'device',
      item: v.item?.trim() ?? '',
      condition: v.condition?.trim() ?? '',
      keptAt: v.keptAt?.trim() || null,
      signature: sign,
    };
    if (zodFormErrors(ZCustodyIn, body, form)) save.mutate(body);
  };
  return (
    <Modal
      open
      title={record ? `${t('customerCare.custodyOut')} · ${record.item}` : t('customerCare.custodyIn')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      style={{ top: 12 }}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'device' }} data-testid="custody-form">
        {!record && (
          <>
            <Form.Item name="kind" label={t('customerCare.kindCol')}>
              <Select options={(['device', 'document'] as const).map((k) => ({ value: k, label: t(`customerCare.custodyKind_${k}`) }))} />
            </Form.Item>
            <Form.Item name="installedProductId" label={t('customerCare.device')}>
              <Select
                allowClear
                options={file.installedProducts.map((p) => ({ value: p.id, label: `${p.productName} ${p.serialNumber}` }))}
              />
            </Form.Item>
            <Form.Item name="item" label={t('customerCare.item')} rules={[{ required: true }]}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="keptAt" label={t('customerCare.keptAt')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
        <Form.Item name="condition" label={t('customerCare.condition')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="signerName" label={t('customerCare.signer')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Typography.Text>{t('customerCare.signature')}</Typography.Text>
        <SignaturePad onChange={setSignature} />
      </Form>
    </Modal>
  );
}

/** CU-6: devices and documents taken for repair — logged in and out with condition and signatures (works at 390 px). */
export function CustodyTab({ file }: { file: TCustomerFile }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [editing, setEditing] = useState<{ record?: TCustodyRecord } | null>(null);
  const q = useQuery({
    queryKey: custodyKey(file.customer.id),
    queryFn: ({ signal }) => api<TCustodyRecord[]>('/custody', { query: { customerId: file.customer.id }, signal }),
  });
  const canLog = can('customers.service');
  const state = (r: TCustodyRecord) => (
    <Tag color={r.held ? 'gold' : 'green'}>{r.held ? t('customerCare.held') : t('customerCare.handedBack')}</Tag>
  );
  const action = (r: TCustodyRecord) =>
    canLog && r.held ? (
      <Button size="small" onClick={() => setEditing({ record: r })} data-testid={`custody-${r.id}-out`}>
        {t('customerCare.custodyOut')}
      </Button>
    ) : null;
  const received = (r: TCustodyRecord) => `${when(r.receivedAt)} · ${r.handedInBy} → ${r.receivedByName} · ${r.conditionIn}`;
  const returned = (r: TCustodyRecord) =>
    r.returnedAt ? `${when(r.returnedAt)} · ${r.returnedByName ?? ''} → ${r.takenBackBy ?? ''} · ${r.conditionOut ?? ''}` : '';
  const columns: ColumnsType<TCustodyRecord> = [
    { title: t('customerCare.item'), key: 'item', render: (_, r) => `${t(`customerCare.custodyKind_${r.kind}`)} · ${r.item}` },
    { title: t('customerCare.received'), key: 'in', render: (_, r) => received(r) },
    { title: t('customerCare.returned'), key: 'out', render: (_, r) => returned(r) },
    { title: t('customerCare.keptAt'), key: 'kept', render: (_, r) => r.keptAt ?? t('common.none') },
    { title: t('customerCare.stateCol'), key: 'state', render: (_, r) => state(r) },
    { title: t('common.actions'), key: 'actions', render: (_, r) => action(r) },
  ];
  return (
    <>
      {canLog && <TabToolbar label={t('customerCare.custodyIn')} onAdd={() => setEditing({})} testId="custody-add" />}
      <ResponsiveList<TCustodyRecord>
        items={q.data ?? []}
        loading={q.isLoading}
        empty={t('customerCare.noCustody')}
        columns={columns}
        testId="custody"
        card={(r) => (
          <Flex vertical gap={4}>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>{`${t(`customerCare.custodyKind_${r.kind}`)} · ${r.item}`}</Typography.Text>
              {state(r)}
            </Flex>
            <Typography.Text>
              {t('customerCare.received')}: {received(r)}
            </Typography.Text>
            {r.returnedAt && (
              <Typography.Text>
                {t('customerCare.returned')}: {returned(r)}
              </Typography.Text>
            )}
            {action(r)}
          </Flex>
        )}
      />
      {editing && <CustodyModal file={file} record={editing.record} onClose={() => setEditing(null)} />}
    </>
  );
}
