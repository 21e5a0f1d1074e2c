import type { TAdjustment, TIncident } from '@techserve/core';
import { Alert, App, Button, Card, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useIncidentError, useIncidentWrite } from './useIncidents';
import './i18n';

type Choice = 'I' | 'II' | 'void';

/**
 * Corrects an incident: its class, or voids it (recorded in error). In a closed month its facts are frozen (409
 * months.closed); the correction is then booked as an adjustment of the next open month, visible as such.
 */
export function IncidentCorrectionCard({ incident }: { incident: TIncident }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useIncidentWrite<TIncident | TAdjustment>();
  const showError = useIncidentError();
  const [choice, setChoice] = useState<Choice>(incident.classId === 'I' ? 'II' : 'I');
  const [reason, setReason] = useState('');
  const [closedMonth, setClosedMonth] = useState<string | null>(null);
  const correct = () =>
    write.mutate(
      choice === 'void'
        ? { path: `/incidents/${incident.id}/void`, body: { version: incident.version, reason: reason.trim() } }
        : {
            path: `/incidents/${incident.id}`,
            method: 'PATCH',
            body: { version: incident.version, classId: choice, reason: reason.trim() },
          },
      {
        onSuccess: () => void message.success(t('incidents.saved')),
        onError: (e) => {
          if (e instanceof ApiError && e.reason === 'months.closed') setClosedMonth(String(e.params?.month ?? ''));
          else showError(e);
        },
      },
    );
  const adjust = () =>
    write.mutate(
      { path: `/incidents/${incident.id}/adjustments`, body: { ...(choice === 'void' ? {} : { classId: choice }), reason: reason.trim() } },
      {
        onSuccess: (a) => {
          setClosedMonth(null);
          void message.success(t('incidents.adjustmentBooked', { month: (a as TAdjustment).month }));
        },
        onError: (e) => showError(e),
      },
    );
  return (
    <Card size="small" title={t('incidents.correct')}>
      <Flex vertical gap={8}>
        <Flex gap={8} wrap>
          <Select<Choice>
            value={choice}
            onChange={setChoice}
            style={{ width: 180 }}
            options={[
              ...(['I', 'II'] as const).filter((c) => c !== incident.classId).map((c) => ({ value: c, label: t(`incidents.class_${c}`) })),
              { value: 'void' as const, label: t('incidents.notCount') },
            ]}
          />
          <Input
            style={{ flex: '1 1 220px' }}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('incidents.correctReason')}
          />
          <Button disabled={!reason.trim()} loading={write.isPending} onClick={correct} data-testid="incident-correct">
            {t('incidents.correct')}
          </Button>
        </Flex>
        {closedMonth && (
          <Alert
            type="warning"
            showIcon
            title={t('incidents.adjustmentHint', { month: closedMonth })}
            action={
              <Button size="small" type="primary" onClick={adjust} data-testid="incident-adjust">
                {t('incidents.bookAdjustment')}
              </Button>
            }
          />
        )}
      </Flex>
    </Card>
  );
}
