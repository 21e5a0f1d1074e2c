import { EnvironmentOutlined, RiseOutlined } from '@ant-design/icons';
import type { TTicket, TTicketAction, TTicketEntry } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Grid, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmFields } from './ConfirmFields';
import { ticketKeys } from './ticketKeys';
import { EscalateDialog } from './EscalateDialog';
import { UserSelect } from './UserSelect';
import { useIsCustomerSide } from './useIsCustomerSide';
import { useTicketAction } from './useTicketAction';
import { useTicketError } from './useTicketError';
import './i18n';

/** Actions taken at once; the others open a dialog for their reason, solution, rating or assignee. */
const DIRECT: readonly TTicketAction[] = ['accept', 'start', 'resume'];
const PRIMARY: readonly TTicketAction[] = ['accept', 'start', 'resume', 'resolve', 'confirm', 'close'];
const DANGER: readonly TTicketAction[] = ['cancel', 'reject'];

/**
 * The buttons of the request's legal actions this user may take (SR-4..9), each with the dialog it needs, and
 * escalation (SR-6). Big buttons, full width on a phone.
 */
export function TicketActionBar({ ticket }: { ticket: TTicket }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const customerSide = useIsCustomerSide();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.sm === false;
  // What this reader may do, as the server computed it with core's rules (SR-4..9, SR-6, SLA-2).
  const actions = ticket.allowedActions.filter((a): a is TTicketAction => a !== 'escalate' && a !== 'recordArrival');
  const escalate = ticket.allowedActions.includes('escalate');
  const arrival = ticket.allowedActions.includes('recordArrival');
  const run = useTicketAction(ticket.id);
  const showError = useTicketError(ticket.id);
  const queryClient = useQueryClient();
  const arrive = useMutation({
    mutationFn: () => api<TTicketEntry>(`/tickets/${ticket.id}/records`, { method: 'POST', body: { kind: 'arrival' } }),
    onSuccess: () => {
      void message.success(t('tickets.arrived'));
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticket.id) });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticket.id) });
    },
    onError: (error) => showError(error),
  });
  const [open, setOpen] = useState<TTicketAction | null>(null);
  const [escalating, setEscalating] = useState(false);
  const [form] = Form.useForm();

  const send = (action: TTicketAction, fields: Record<string, unknown> = {}) =>
    run.mutate(
      { path: '/transitions', body: { action, version: ticket.version, ...fields } },
      {
        onSuccess: () => {
          void message.success(t('tickets.actionDone', { action: t(`tickets.action_${action}`) }));
          setOpen(null);
        },
        onError: (error) => {
          if (showError(error, form) === 409) setOpen(null);
        },
      },
    );

  const click = (action: TTicketAction) => {
    if (DIRECT.includes(action)) send(action);
    else if (action === 'close') modal.confirm({ title: t('tickets.closeConfirm'), onOk: () => send('close') });
    else setOpen(action);
  };

  if (actions.length === 0 && !escalate && !arrival) return null;
  const size = isPhone ? 'large' : 'middle';

  return (
    <>
      <Flex gap={8} wrap vertical={isPhone} data-testid="ticket-actions">
        {arrival && (
          <Button
            size={size}
            block={isPhone}
            type="primary"
            icon={<EnvironmentOutlined />}
            loading={arrive.isPending}
            onClick={() => arrive.mutate()}
            data-testid="action-arrive"
          >
            {t('tickets.action_arrive')}
          </Button>
        )}
        {actions.map((action) => (
          <Button
            key={action}
            size={size}
            block={isPhone}
            type={PRIMARY.includes(action) ? 'primary' : 'default'}
            danger={DANGER.includes(action)}
            loading={
              run.isPending && run.variables?.path === '/transitions' && (run.variables.body as { action: string }).action === action
            }
            onClick={() => click(action)}
            data-testid={`action-${action}`}
          >
            {t(`tickets.action_${action}`)}
          </Button>
        ))}
        {escalate && (
          <Button size={size} block={isPhone} icon={<RiseOutlined />} onClick={() => setEscalating(true)} data-testid="action-escalate">
            {t('tickets.action_escalate')}
          </Button>
        )}
      </Flex>
      <Modal
        open={open !== null}
        title={open && t(`tickets.action_${open}`)}
        okText={open && t(`tickets.action_${open}`)}
        okButtonProps={{ size, danger: open ? DANGER.includes(open) : false, 'data-testid': 'action-ok' }}
        cancelButtonProps={{ size }}
        confirmLoading={run.isPending}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        destroyOnHidden
        width={open === 'confirm' ? 640 : 520}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values: Record<string, unknown>) => open && send(open, clean(open, values))}
          preserve={false}
        >
          {open === 'assign' && (
            <>
              <Form.Item name="mode" label={t('tickets.assignTo')} initialValue="auto">
                <Radio.Group
                  options={[
                    { value: 'auto', label: t('tickets.assignAuto') },
                    { value: 'manual', label: t('tickets.assignManual') },
                  ]}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.mode !== b.mode}>
                {({ getFieldValue }) =>
                  getFieldValue('mode') === 'manual' && (
                    <Form.Item name="assigneeId" rules={[{ required: true, message: t('tickets.required') }]}>
                      <UserSelect placeholder={t('tickets.assignTo')} testId="assign-user" />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Form.Item name="reason" label={t('tickets.reason')}>
                <Input maxLength={500} />
              </Form.Item>
            </>
          )}
          {(open === 'wait' || open === 'reject' || open === 'cancel') && (
            <Form.Item
              name="reason"
              label={t(open === 'wait' ? 'tickets.waitReason' : open === 'reject' ? 'tickets.rejectReason' : 'tickets.reason')}
              rules={[{ required: true, whitespace: true, message: t('tickets.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="action-reason" />
            </Form.Item>
          )}
          {open === 'resolve' && (
            <>
              <Form.Item
                name="cause"
                label={t('tickets.cause')}
                rules={[{ required: true, whitespace: true, message: t('tickets.required') }]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} data-testid="resolve-cause" />
              </Form.Item>
              <Form.Item
                name="solution"
                label={t('tickets.solution')}
                rules={[{ required: true, whitespace: true, message: t('tickets.required') }]}
              >
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10_000} data-testid="resolve-solution" />
              </Form.Item>
            </>
          )}
          {open === 'confirm' && <ConfirmFields onDevice={!customerSide} />}
        </Form>
      </Modal>
      {escalate && <EscalateDialog ticket={ticket} open={escalating} onClose={() => setEscalating(false)} />}
    </>
  );
}

/** The dialog's values as the transition's fields. */
function clean(action: TTicketAction, values: Record<string, unknown>): Record<string, unknown> {
  const trim = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
  switch (action) {
    case 'assign':
      return {
        ...(values.mode === 'manual' && values.assigneeId ? { assigneeId: values.assigneeId } : {}),
        ...(trim(values.reason) ? { reason: trim(values.reason) } : {}),
      };
    case 'wait':
    case 'reject':
    case 'cancel':
      return { reason: trim(values.reason) };
    case 'resolve':
      return { cause: trim(values.cause), solution: trim(values.solution) };
    case 'confirm': {
      const rating = values.rating as { attitude: string; skill: string; result: string; comment?: string };
      return {
        rating: {
          attitude: rating.attitude,
          skill: rating.skill,
          result: rating.result,
          ...(trim(rating.comment) ? { comment: trim(rating.comment) } : {}),
        },
        ...(values.signedBy ? { signedBy: trim(values.signedBy) } : {}),
        ...(values.signature ? { signature: values.signature } : {}),
      };
    }
    default:
      return {};
  }
}
