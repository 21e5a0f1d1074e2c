import type { TTravelRequest } from '@techserve/core';
import { Alert, Button, Card, Checkbox, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTravelAction } from './useTravel';
import { useTravelError } from './useTravelError';
import './i18n';
import { formatList } from '../../shared/formatList';

/**
 * TR-2/TR-3: the manager's decision. Modes needing prior approval are listed unticked: approving needs each one
 * ticked explicitly (the server refuses otherwise, 422 TR-2). The manager also marks a new employee (TR-3 rate).
 */
export function DecisionCard({ trip }: { trip: TTravelRequest }) {
  const { t, i18n } = useTranslation();
  const action = useTravelAction();
  const showError = useTravelError();
  const [modes, setModes] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const decide = (approve: boolean) =>
    action.mutate(
      {
        path: `/travel-requests/${trip.id}/decision`,
        body: { version: trip.version, approve, approvedTransport: approve ? modes : [], comment: comment || undefined },
      },
      { onError: (e) => showError(e) },
    );
  const label = (m: string) => t(`travel.transport_${m}`);
  return (
    <Card size="small" title={t('travel.approve')}>
      <Flex vertical gap={8}>
        {trip.transportNeedingApproval.length > 0 && (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('travel.needsApproval', { modes: formatList(trip.transportNeedingApproval.map(label), i18n.language) })}
            />
            <Checkbox.Group
              value={modes}
              onChange={(v) => setModes(v as string[])}
              options={trip.transportNeedingApproval.map((m) => ({ value: m, label: t('travel.approveModes', { modes: label(m) }) }))}
            />
          </>
        )}
        <Form.Item label={t('travel.comment')} style={{ marginBottom: 0 }}>
          <Input.TextArea rows={2} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" loading={action.isPending} onClick={() => decide(true)}>
            {t('travel.approve')}
          </Button>
          <Button danger loading={action.isPending} onClick={() => decide(false)}>
            {t('travel.reject')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
