import { FilePdfOutlined } from '@ant-design/icons';
import type { TVisit } from '@techserve/core';
import { Alert, Button, Card, Descriptions, Form, Image, Input, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmFields } from '../tickets/ConfirmFields';
import { apiUrl } from './apiUrl';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { useFieldError } from './useFieldError';
import { useGeolocation } from './useGeolocation';
import { useVisitAction } from './useVisit';
import '../tickets/i18n';
import './i18n';

type TSignOffForm = {
  rating?: { attitude: string; skill: string; result: string; comment?: string };
  signedBy?: string;
  signature?: string;
  unsignedReason?: string;
};

/**
 * FS-8: the customer rates attitude, skill and result 优/良/中/差, writes their name and signs on the phone; the
 * record's PDF follows. When the customer will not sign, the reason is recorded and the record stays "unsigned".
 */
export function SignOffCard({ visit }: { visit: TVisit }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TSignOffForm>();
  const [mode, setMode] = useState<'sign' | 'decline'>('sign');
  const geo = useGeolocation();
  const act = useVisitAction(visit.letterId);
  const showError = useFieldError(fieldKeys.visit(visit.letterId));
  const signOff = visit.signOff;

  const submit = async (values: TSignOffForm) => {
    const position = (await geo.locate()) ?? {};
    const body =
      mode === 'sign' && values.rating
        ? {
            attitude: values.rating.attitude,
            skill: values.rating.skill,
            result: values.rating.result,
            ...(values.rating.comment ? { comment: values.rating.comment } : {}),
            signerName: values.signedBy,
            signature: values.signature,
            ...position,
          }
        : { unsignedReason: values.unsignedReason, ...position };
    act.mutate({ path: '/sign-off', body }, { onError: (error) => showError(error, form) });
  };

  return (
    <Card
      size="small"
      title={t('field.signOffTitle')}
      extra={
        !visit.customerSigned && (
          <Tag color="warning" data-testid="visit-unsigned-badge">
            {t('field.unsigned')}
          </Tag>
        )
      }
      data-testid="sign-off-card"
    >
      {signOff ? (
        <>
          <Descriptions column={1} size="small" data-testid="sign-off-done">
            {signOff.customerSigned ? (
              <>
                {(['attitude', 'skill', 'result'] as const).map((aspect) => (
                  <Descriptions.Item key={aspect} label={t(`tickets.${aspect}`)}>
                    {signOff[aspect] ? t(`tickets.grade_${signOff[aspect]}`) : '—'}
                  </Descriptions.Item>
                ))}
                {signOff.comment && <Descriptions.Item label={t('tickets.comment')}>{signOff.comment}</Descriptions.Item>}
                <Descriptions.Item label={t('field.signerName')}>{signOff.signerName}</Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label={t('field.unsignedReason')}>{signOff.unsignedReason}</Descriptions.Item>
            )}
            <Descriptions.Item
              label={t('field.recordedAt')}
            >{`${formatInstant(signOff.recordedAt)} · ${signOff.recordedByName}`}</Descriptions.Item>
          </Descriptions>
          {signOff.signatureUrl && (
            <Image
              src={apiUrl(signOff.signatureUrl)}
              alt={t('field.signature')}
              height={80}
              preview={false}
              style={{ background: '#fff', border: '1px solid #eee' }}
            />
          )}
        </>
      ) : visit.allowed.includes('sign_off') ? (
        <>
          <Segmented
            block
            value={mode}
            onChange={(value) => setMode(value as 'sign' | 'decline')}
            options={[
              { value: 'sign', label: t('field.customerSigns') },
              { value: 'decline', label: t('field.customerDeclines') },
            ]}
            style={{ marginBottom: 12 }}
            data-testid="sign-off-mode"
          />
          <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} data-testid="sign-off-form">
            {mode === 'sign' ? (
              <ConfirmFields onDevice />
            ) : (
              <Form.Item
                name="unsignedReason"
                label={t('field.unsignedReason')}
                extra={t('field.unsignedReasonHint')}
                rules={[{ required: true, whitespace: true, message: t('field.required') }]}
              >
                <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} data-testid="sign-off-unsigned-reason" />
              </Form.Item>
            )}
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block
              loading={act.isPending || geo.status === 'locating'}
              data-testid="sign-off-submit"
            >
              {t(mode === 'sign' ? 'field.submitSignOff' : 'field.recordUnsigned')}
            </Button>
          </Form>
        </>
      ) : (
        <Alert type="info" showIcon title={t('field.signOffNotYet')} />
      )}
      <Button
        icon={<FilePdfOutlined />}
        href={apiUrl(visit.pdfUrl)}
        target="_blank"
        rel="noopener"
        block
        style={{ marginTop: 12 }}
        data-testid="visit-pdf"
      >
        {t(visit.customerSigned ? 'field.openPdf' : 'field.openPdfUnsigned')}
      </Button>
    </Card>
  );
}
