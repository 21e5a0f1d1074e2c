import { type TConfidentiality, ZConfidentialityPut } from '@techserve/core';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zodFormErrors } from '../../api/zodFormErrors';
import { useSession } from '../auth/useSession';
import { useHandoverError, useHandoverWrite } from './useHandover';
import './i18n';

/** SEC-3: the agreement signed at hire, shown at departure with its reminder; users.manage records it. */
export function ConfidentialityCard({ userId, agreement }: { userId: number; agreement: TConfidentiality | null }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const write = useHandoverWrite<TConfidentiality>();
  const showError = useHandoverError();
  const save = (values: { signedOn: Dayjs; agreementVersion: string; note?: string }) => {
    const body = {
      signedOn: values.signedOn?.format('YYYY-MM-DD'),
      agreementVersion: values.agreementVersion,
      note: values.note || null,
      ...(agreement && { version: agreement.version }),
    };
    if (!zodFormErrors(ZConfidentialityPut, body, form)) return;
    write.mutate(
      { path: `/users/${userId}/confidentiality`, body, method: 'PUT' },
      { onSuccess: () => setEditing(false), onError: (e) => showError(e, form) },
    );
  };
  return (
    <Card
      size="small"
      title={t('handover.confidentiality')}
      extra={
        can('users.manage') &&
        !editing && (
          <Button size="small" onClick={() => setEditing(true)} data-testid="agreement-record">
            {t('handover.recordAgreement')}
          </Button>
        )
      }
    >
      {agreement ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('handover.agreementSignedOn')}>{agreement.signedOn}</Descriptions.Item>
          <Descriptions.Item label={t('handover.agreementVersion')}>{agreement.agreementVersion}</Descriptions.Item>
          {agreement.note && <Descriptions.Item label={t('handover.note')}>{agreement.note}</Descriptions.Item>}
        </Descriptions>
      ) : (
        <Typography.Text type="warning">{t('handover.agreementNone')}</Typography.Text>
      )}
      <Alert type="info" showIcon style={{ marginTop: 8 }} message={t('handover.agreementReminder')} />
      {editing && (
        <Form form={form} layout="vertical" onFinish={save} style={{ marginTop: 12 }}>
          <Form.Item name="signedOn" label={t('handover.agreementSignedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="agreementVersion" label={t('handover.agreementVersion')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="note" label={t('handover.note')}>
            <Input maxLength={1000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={write.isPending}>
            {t('handover.recordAgreement')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
