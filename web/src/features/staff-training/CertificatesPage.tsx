import { PlusOutlined } from '@ant-design/icons';
import type { TCertificate } from '@techserve/core';
import { Button, Flex, Form, Input, Modal, Segmented, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { ResponsiveList } from '../../layout/ResponsiveList';
import { useSession } from '../auth/useSession';
import { DateInput } from '../../shared/DateInput';
import { LoadMore } from '../../shared/LoadMore';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { UserSelect } from '../tickets/UserSelect';
import { useTrainingError, useTrainingList, useTrainingWrite } from './useStaffTraining';
import './i18n';

const STATE_COLOR = { valid: 'green', expiring: 'orange', expired: 'red', permanent: 'blue' } as const;
const STATES = ['', 'expiring', 'expired', 'valid', 'permanent'] as const;

/** TRN-3: professional certificates (one's own, or everyone's for a training manager) with their expiry state. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('training.manage');
  const [state, setState] = useState('');
  const [editing, setEditing] = useState<TCertificate | 'new' | null>(null);
  const list = useTrainingList<TCertificate>('certificates', state ? { state } : {});
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const tag = (c: TCertificate) => (
    <Tag color={STATE_COLOR[c.state]} data-testid="certificate-state" data-state={c.state}>
      {t(`staffTraining.cstate_${c.state}`)}
    </Tag>
  );
  return (
    <>
      <PageHeader
        title={t('staffTraining.certificates')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="certificate-new">
            {t('staffTraining.newCertificate')}
          </Button>
        }
      />
      <Segmented
        style={{ marginBottom: 12 }}
        value={state}
        onChange={(v) => setState(String(v))}
        options={STATES.map((s) => ({ value: s, label: s ? t(`staffTraining.cstate_${s}`) : t('staffTraining.viewAll') }))}
      />
      <ResponsiveList<TCertificate>
        items={rows}
        loading={list.isLoading}
        empty={t('staffTraining.empty')}
        testId="certificates"
        columns={[
          ...(manage ? [{ title: t('staffTraining.holder'), dataIndex: 'userName', key: 'holder' }] : []),
          { title: t('staffTraining.certName'), key: 'name', render: (_, c) => <a onClick={() => setEditing(c)}>{c.name}</a> },
          { title: t('staffTraining.issuer'), key: 'issuer', render: (_, c) => c.issuer ?? '—' },
          { title: t('staffTraining.expiresOn'), key: 'expires', render: (_, c) => c.expiresOn ?? '—' },
          { title: t('staffTraining.status'), key: 'state', render: (_, c) => tag(c) },
          { title: '', key: 'why', render: (_, c) => <ExplanationLine explanation={c.explanation} /> },
        ]}
        card={(c) => (
          <Flex vertical gap={4}>
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>
                <a onClick={() => setEditing(c)}>{c.name}</a>
              </Typography.Text>
              {tag(c)}
            </Flex>
            {manage && <Typography.Text type="secondary">{c.userName}</Typography.Text>}
            <ExplanationLine explanation={c.explanation} />
          </Flex>
        )}
      />
      <LoadMore list={list} count={rows.length} testId="certificates-more" />
      {editing && <CertificateModal certificate={editing === 'new' ? null : editing} manage={manage} onClose={() => setEditing(null)} />}
    </>
  );
}

type Values = {
  userId?: number | null;
  name?: string;
  issuer?: string;
  number?: string;
  issuedOn?: string | null;
  expiresOn?: string | null;
};

function CertificateModal({ certificate, manage, onClose }: { certificate: TCertificate | null; manage: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const write = useTrainingWrite();
  const showError = useTrainingError();
  const finish = (v: Values) => {
    const fields = {
      name: v.name?.trim(),
      issuer: v.issuer?.trim() || null,
      number: v.number?.trim() || null,
      issuedOn: v.issuedOn ?? null,
      expiresOn: v.expiresOn ?? null,
    };
    write.mutate(
      certificate
        ? { path: `/certificates/${certificate.id}`, method: 'PATCH', body: { version: certificate.version, ...fields } }
        : { path: '/certificates', body: { ...(v.userId ? { userId: v.userId } : {}), ...fields } },
      { onSuccess: onClose, onError: (e) => showError(e, form) },
    );
  };
  return (
    <Modal
      open
      title={certificate ? certificate.name : t('staffTraining.newCertificate')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={write.isPending}
      okText={t('staffTraining.save')}
    >
      <Form<Values> form={form} layout="vertical" onFinish={finish} initialValues={certificate ?? {}}>
        {manage && !certificate && (
          <Form.Item name="userId" label={t('staffTraining.holder')}>
            <UserSelect />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('staffTraining.certName')}
          rules={[{ required: true, whitespace: true, message: t('staffTraining.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="issuer" label={t('staffTraining.issuer')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="number" label={t('staffTraining.number')}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="issuedOn" label={t('staffTraining.issuedOn')} style={{ flex: '1 1 160px' }}>
            <DateInput />
          </Form.Item>
          <Form.Item name="expiresOn" label={t('staffTraining.expiresOn')} style={{ flex: '1 1 160px' }}>
            <DateInput />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
