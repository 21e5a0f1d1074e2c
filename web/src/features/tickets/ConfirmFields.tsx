import { ZGrade } from '@techserve/core';
import { Alert, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { SignaturePad } from '../../shared/SignaturePad';
import './i18n';

/**
 * FS-8 / SR-9: the customer rates attitude, skill and result 优/良/中/差 with a comment. On the engineer's device
 * (staff confirming) the customer also writes their name and signs.
 */
export function ConfirmFields({ onDevice }: { onDevice: boolean }) {
  const { t } = useTranslation();
  const grades = ZGrade.options.map((grade) => ({ value: grade, label: t(`tickets.grade_${grade}`) }));
  return (
    <>
      {onDevice && <Alert type="info" showIcon title={t('tickets.onDeviceHint')} style={{ marginBottom: 12 }} />}
      {(['attitude', 'skill', 'result'] as const).map((aspect) => (
        <Form.Item
          key={aspect}
          name={['rating', aspect]}
          label={t(`tickets.${aspect}`)}
          rules={[{ required: true, message: t('tickets.required') }]}
        >
          <Radio.Group optionType="button" buttonStyle="solid" size="large" options={grades} data-testid={`rating-${aspect}`} />
        </Form.Item>
      ))}
      <Form.Item name={['rating', 'comment']} label={t('tickets.comment')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      {onDevice && (
        <>
          <Form.Item
            name="signedBy"
            label={t('tickets.signerName')}
            rules={[{ required: true, whitespace: true, message: t('tickets.required') }]}
          >
            <Input maxLength={100} data-testid="confirm-signed-by" />
          </Form.Item>
          <Form.Item name="signature" label={t('tickets.signature')} rules={[{ required: true, message: t('tickets.signatureRequired') }]}>
            <SignatureInput />
          </Form.Item>
        </>
      )}
    </>
  );
}

/** The signature pad as a form control (value: the PNG data URL). */
function SignatureInput({ onChange }: { value?: string | null; onChange?: (value: string | null) => void }) {
  return <SignaturePad onChange={(dataUrl) => onChange?.(dataUrl)} />;
}
