import { Form, Input, InputNumber, Modal, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { useFieldError } from './useFieldError';
import { useLetterAction } from './useLetter';
import './i18n';
import { TypedDatePicker } from '../../shared/DateInput';

export type TRescheduleTarget = {
  letterId: number;
  version: number;
  number: string;
  appointmentAt: string | null;
  estimatedMinutes: number | null;
  /** The board's drag: the new time (and engineer) proposed. */
  proposedAt?: string;
  reassign?: { fromUserId: number; toUserId: number; toName: string };
};

/**
 * FS-5: re-book an appointment — the new time, and the call to the customer that agreed it (when, whom) with the
 * reason. The dispatch board's drag opens it with the new day (and engineer) filled in. A 409 means someone else
 * changed the letter: the caller reloads.
 */
export function RescheduleDialog({
  target,
  onClose,
  onConflict,
}: {
  target: TRescheduleTarget | null;
  onClose: () => void;
  onConflict?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const act = useLetterAction(target?.letterId ?? 0);
  const showError = useFieldError(target ? fieldKeys.letter(target.letterId) : undefined);
  if (!target) return null;

  const save = (values: { appointmentAt: Dayjs; estimatedMinutes?: number; calledAt: Dayjs; calledWhom: string; reason: string }) => {
    const body = {
      version: target.version,
      appointmentAt: values.appointmentAt.toISOString(),
      ...(values.estimatedMinutes ? { estimatedMinutes: values.estimatedMinutes } : {}),
      ...(target.reassign ? { reassign: { fromUserId: target.reassign.fromUserId, toUserId: target.reassign.toUserId } } : {}),
      calledAt: values.calledAt.toISOString(),
      calledWhom: values.calledWhom,
      reason: values.reason,
    };
    act.mutate(
      { path: '/appointment', method: 'PATCH', body },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (showError(error, form) === 409) {
            onConflict?.();
            onClose();
          }
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('field.rebook', { number: target.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: act.isPending, 'data-testid': 'reschedule-ok' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('field.currentAppointment', { at: formatInstant(target.appointmentAt) })}
        {target.reassign ? ` · ${t('field.reassignTo', { name: target.reassign.toName })}` : ''}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        preserve={false}
        initialValues={{
          appointmentAt: target.proposedAt ? dayjs(target.proposedAt) : target.appointmentAt ? dayjs(target.appointmentAt) : undefined,
          estimatedMinutes: target.estimatedMinutes ?? undefined,
          calledAt: dayjs(),
        }}
      >
        <Form.Item name="appointmentAt" label={t('field.newAppointment')} rules={[{ required: true, message: t('field.required') }]}>
          <TypedDatePicker withTime minuteStep={5} data-testid="reschedule-at" />
        </Form.Item>
        <Form.Item name="estimatedMinutes" label={t('field.estimatedMinutes')}>
          <InputNumber min={1} max={60 * 24 * 60} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="calledAt" label={t('field.calledAt')} rules={[{ required: true, message: t('field.required') }]}>
          <TypedDatePicker withTime />
        </Form.Item>
        <Form.Item
          name="calledWhom"
          label={t('field.calledWhom')}
          rules={[{ required: true, whitespace: true, message: t('field.required') }]}
        >
          <Input maxLength={100} data-testid="reschedule-whom" />
        </Form.Item>
        <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} data-testid="reschedule-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
