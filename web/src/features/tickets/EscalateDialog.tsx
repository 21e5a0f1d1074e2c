import type { TTicket } from '@techserve/core';
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/useSession';
import { UserSelect } from './UserSelect';
import { useTicketAction } from './useTicketAction';
import { useTicketError } from './useTicketError';
import './i18n';

type TValues = {
  kind: 'l2' | 'expert' | 'rnd' | 'cannotWait';
  description: string;
  toUserId?: number | null;
  ownerId?: number;
  rndPerson?: string;
  targetAt?: Dayjs;
};

/**
 * SR-6 / ORG-3: escalate to tier 2 (a detailed description, ≥ 20 characters, with the customer's data), consult the
 * product's expert, or — a supervisor (tickets.manage) — raise a defect to R&D with owner, R&D person and target time.
 * SR-5: a customer who cannot wait goes to the supervisor to re-allocate (what the customer said is the reason).
 */
export function EscalateDialog({ ticket, open, onClose }: { ticket: TTicket; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<TValues>();
  const kind = Form.useWatch('kind', form);
  const run = useTicketAction(ticket.id);
  const showError = useTicketError(ticket.id);
  const kinds = (['l2', 'expert', 'rnd', 'cannotWait'] as const).filter((k) =>
    k === 'rnd' ? can('tickets.manage') : k === 'l2' ? ticket.tier < 2 : true,
  );

  const submit = (values: TValues) => {
    const description = values.description.trim();
    if (values.kind === 'cannotWait') {
      run.mutate(
        { path: '/cannot-wait', body: { version: ticket.version, reason: description } },
        {
          onSuccess: () => {
            void message.success(t('tickets.cannotWaitSent'));
            onClose();
          },
          onError: (error) => {
            if (showError(error, form) === 409) onClose();
          },
        },
      );
      return;
    }
    const body =
      values.kind === 'rnd'
        ? {
            kind: 'rnd',
            version: ticket.version,
            ownerId: values.ownerId,
            rndPerson: values.rndPerson?.trim(),
            targetAt: values.targetAt?.toISOString(),
            description,
          }
        : { kind: values.kind, version: ticket.version, description, ...(values.toUserId ? { toUserId: values.toUserId } : {}) };
    run.mutate(
      { path: '/escalations', body },
      {
        onSuccess: () => {
          void message.success(t('tickets.escalated'));
          onClose();
        },
        onError: (error) => {
          if (showError(error, form) === 409) onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('tickets.escalate')}
      okText={t('tickets.escalate')}
      confirmLoading={run.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'escalate-ok' }}
      destroyOnHidden
    >
      <Form<TValues> form={form} layout="vertical" preserve={false} initialValues={{ kind: kinds[0] }} onFinish={submit}>
        <Form.Item name="kind" label={t('tickets.escalateKind')}>
          <Radio.Group
            optionType="button"
            options={kinds.map((k) => ({ value: k, label: t(`tickets.escalate_${k}`) }))}
            data-testid="escalate-kind"
          />
        </Form.Item>
        {kind === 'rnd' ? (
          <>
            <Form.Item name="ownerId" label={t('tickets.owner')} rules={[{ required: true, message: t('tickets.required') }]}>
              <UserSelect allowClear={false} />
            </Form.Item>
            <Form.Item
              name="rndPerson"
              label={t('tickets.rndPerson')}
              rules={[{ required: true, whitespace: true, message: t('tickets.required') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="targetAt" label={t('tickets.targetAt')} rules={[{ required: true, message: t('tickets.required') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : kind === 'cannotWait' ? null : (
          <Form.Item name="toUserId" label={t('tickets.toUser')}>
            <UserSelect placeholder={t('tickets.toUserAuto')} />
          </Form.Item>
        )}
        <Form.Item
          name="description"
          label={t(kind === 'cannotWait' ? 'tickets.cannotWaitReason' : 'tickets.escalationDescription')}
          extra={kind === 'l2' ? t('tickets.l2Hint') : undefined}
          rules={[
            { required: true, whitespace: true, message: t('tickets.required') },
            ...(kind === 'l2' ? [{ min: 20, message: t('tickets.l2Hint') }] : []),
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={10_000} showCount data-testid="escalate-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
