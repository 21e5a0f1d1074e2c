import { Alert, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The 1st of next month: the usual date a rule change takes effect. */
export const firstOfNextMonth = (today: Dayjs = dayjs()) => today.add(1, 'month').startOf('month');

/** Choose the effective date (本制度自…起执行) of a draft and publish it. */
export function PolicyPublishModal({
  number,
  open,
  pending,
  error,
  onPublish,
  onClose,
}: {
  number: number;
  open: boolean;
  pending: boolean;
  error?: string;
  onPublish: (effectiveFrom: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState<Dayjs | null>(firstOfNextMonth());
  return (
    <Modal
      open={open}
      title={t('policy.publishTitle', { number })}
      okText={t('policy.publish')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !date, loading: pending }}
      onOk={() => date && onPublish(date.format('YYYY-MM-DD'))}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('policy.publishHint')} style={{ marginBottom: 16 }} />
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('policy.effectiveFrom')}
          validateStatus={error ? 'error' : undefined}
          help={error}
          htmlFor="policy-effective-from"
        >
          <DatePicker
            id="policy-effective-from"
            value={date}
            onChange={setDate}
            disabledDate={(d) => !d.isAfter(dayjs(), 'day')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
