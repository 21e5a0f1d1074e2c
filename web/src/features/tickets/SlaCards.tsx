import type { TSlaTarget, TTicket } from '@techserve/core';
import { Button, Card, Col, Row, Tag, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { formatMinutes } from './formatMinutes';
import './i18n';

const STATE_COLOURS: Record<TSlaTarget['state'], string> = {
  not_started: 'default',
  running: 'blue',
  paused: 'default',
  near_breach: 'orange',
  breached: 'red',
  met: 'green',
  met_late: 'volcano',
};

/** SLA-2..4: one clock — due time (local), working time left or overdue, its state colour and, on demand, why. */
function SlaCard({ title, target }: { title: string; target: TSlaTarget }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [open, setOpen] = useState(false);
  const colour = STATE_COLOURS[target.state];
  const edge =
    target.state === 'breached'
      ? token.colorError
      : target.state === 'near_breach'
        ? token.colorWarning
        : target.state.startsWith('met')
          ? token.colorSuccess
          : token.colorPrimary;
  const met = target.state === 'met' || target.state === 'met_late';
  // SLA-3 / CU-4: a 24×7 clock counts wall-clock time, a business one working time (issue 12 item 15).
  const wall = target.explanation.inputs.calendarMode === '24x7';
  // SLA-2: a resolution clock counting from the solution offered has no due time until the solution is offered.
  const notStarted = target.state === 'not_started';
  return (
    <Card
      size="small"
      style={{ borderInlineStart: `4px solid ${edge}`, height: '100%' }}
      data-testid={`sla-${target.target}`}
      data-state={target.state}
    >
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', margin: '2px 0' }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {notStarted
            ? t(wall ? 'tickets.slaWithinWall' : 'tickets.slaWithin', { time: formatMinutes(target.targetMinutes, t) })
            : dayjs(target.dueAt).format('YYYY-MM-DD HH:mm')}
        </Typography.Text>
        <Tag color={colour} style={{ marginInlineEnd: 0 }}>
          {t(`tickets.slaState_${target.state}`)}
        </Tag>
      </div>
      <Typography.Text type={target.state === 'breached' ? 'danger' : target.state === 'near_breach' ? 'warning' : 'secondary'}>
        {notStarted
          ? t('tickets.slaStartsAtSolution')
          : met && target.metAt
            ? t('tickets.metAt', { time: dayjs(target.metAt).format('MM-DD HH:mm') })
            : target.remainingMinutes < 0
              ? t(wall ? 'tickets.overdueByWall' : 'tickets.overdueBy', { time: formatMinutes(target.remainingMinutes, t) })
              : t(wall ? 'tickets.remainingWall' : 'tickets.remaining', { time: formatMinutes(target.remainingMinutes, t) })}
      </Typography.Text>
      <div>
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          data-testid={`sla-why-${target.target}`}
        >
          {t('tickets.howComputed')}
        </Button>
        {open && <ExplanationLine explanation={target.explanation} />}
      </div>
    </Card>
  );
}

/** The request's first-response, on-site (when a visit is needed) and resolution clocks. */
export function SlaCards({ sla }: { sla: TTicket['sla'] }) {
  const { t } = useTranslation();
  const cards: Array<[string, TSlaTarget]> = [[t('tickets.slaFirstResponse'), sla.firstResponse]];
  if (sla.onsite) cards.push([t('tickets.slaOnsite'), sla.onsite]);
  cards.push([t('tickets.slaResolution'), sla.resolution]);
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="sla-cards">
      {cards.map(([title, target]) => (
        <Col key={target.target} xs={24} sm={24 / cards.length}>
          <SlaCard title={title} target={target} />
        </Col>
      ))}
    </Row>
  );
}
