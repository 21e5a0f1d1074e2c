import type { TPersonnelChange } from '@techserve/core';
import { App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { useSession } from '../auth/useSession';
import { personnelKeys, usePersonnelWrite } from './usePersonnel';
import './i18n';

const ENDED = ['completed', 'rejected', 'cancelled'];

/**
 * RS-6/RS-7: cancel a change in progress with a reason — the filer or HR before the client's approval, the client IT
 * office after it and for its own replacement demand (the server decides and explains a refusal); never once the
 * confirmation form is being signed. A cancelled change shows who cancelled it and why.
 */
export function CancelCard({ change: c }: { change: TPersonnelChange }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const cancel = usePersonnelWrite<{ id: number; version: number; reason: string }>((b) => `/personnel-changes/${b.id}/cancel`);
  const onError = useApiError({ reload: [personnelKeys.one(c.id)] });
  if (c.cancellation)
    return (
      <Card size="small" title={t('personnel.cancelled')}>
        <Typography.Text data-testid="change-cancellation">
          {t('personnel.cancelledBy', { name: c.cancellation.byName, at: c.cancellation.at.slice(0, 16).replace('T', ' ') })}
          {'：'}
          {c.cancellation.reason}
        </Typography.Text>
      </Card>
    );
  if (ENDED.includes(c.status) || c.signatures.length > 0) return null;
  if (!can('personnel.manage') && !can('personnel.client')) return null;
  return (
    <Card size="small" title={t('personnel.cancelTitle')}>
      <Form
        layout="vertical"
        onFinish={(v: { reason: string }) =>
          cancel.mutate(
            { id: c.id, version: c.version, reason: v.reason },
            { onSuccess: () => void message.success(t('personnel.cancelled')), onError: (e) => onError(e) },
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('personnel.cancelHint')}</Typography.Paragraph>
        <Form.Item name="reason" label={t('personnel.cancelReason')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="cancel-reason" />
        </Form.Item>
        <Flex>
          <Button danger htmlType="submit" loading={cancel.isPending}>
            {t('personnel.cancelChange')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
