import { LockOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { TExplanation, TTicketEntry, TTicketState } from '@techserve/core';
import { Empty, Flex, Tag, Timeline, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { formatMinutes } from './formatMinutes';
import { useIsCustomerSide } from './useIsCustomerSide';
import './i18n';

const COLOURS: Partial<Record<TTicketEntry['kind'], string>> = {
  created: 'blue',
  reply: 'blue',
  note: 'gold',
  assignment: 'purple',
  escalation: 'purple',
  escalation_answer: 'purple',
  rating: 'green',
  sla: 'red',
  attachment: 'cyan',
  commitment: 'orange',
  arrival: 'green',
};

const isExplanation = (value: unknown): value is TExplanation =>
  typeof value === 'object' && value !== null && 'ruleId' in value && 'text' in value;

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** What one entry says, by kind. */
function EntryContent({ entry }: { entry: TTicketEntry }) {
  const { t } = useTranslation();
  const customerSide = useIsCustomerSide();
  const data = (entry.data ?? {}) as Record<string, unknown>;
  const str = (value: unknown) => (typeof value === 'string' ? value : '');
  const state = (value: unknown) => (value ? t(`tickets.state_${value as TTicketState}`) : '');
  const text = (body: string | null) =>
    body && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{body}</Typography.Paragraph>;
  const explanation = isExplanation(data.explanation) ? <ExplanationLine explanation={data.explanation} /> : null;
  let head: ReactNode = null;
  let body: ReactNode = text(entry.body);
  switch (entry.kind) {
    case 'created':
      head = t('tickets.entry_created');
      break;
    case 'reply':
    case 'note':
      head = null;
      // SLA-5: the first response states the expected fix time; customers see the time, staff also the rule.
      if (data.offersSolution) head = t('tickets.entry_solutionOffered');
      if (data.expectedFixAt) {
        head = t('tickets.entry_expectedFix', { time: dayjs(str(data.expectedFixAt)).format('YYYY-MM-DD HH:mm') });
        body = (
          <>
            {text(entry.body)}
            {customerSide ? null : explanation}
          </>
        );
      }
      break;
    case 'state':
      if (data.action === 'escalate') head = t('tickets.entry_escalationPublic');
      else {
        head = (
          <>
            <Typography.Text strong>{data.action ? t(`tickets.action_${str(data.action)}`) : ''}</Typography.Text>{' '}
            {data.from && data.to ? (
              <Typography.Text type="secondary">
                {t('tickets.entry_stateChange', { from: state(data.from), to: state(data.to) })}
              </Typography.Text>
            ) : null}
          </>
        );
        if (data.cause)
          body = (
            <>
              {text(t('tickets.labelValue', { label: t('tickets.cause'), value: str(data.cause) }))}
              {text(entry.body && t('tickets.labelValue', { label: t('tickets.solution'), value: entry.body }))}
            </>
          );
        if (typeof data.followUpInDays === 'number')
          body = <Typography.Text type="secondary">{t('tickets.entry_followUp', { days: data.followUpInDays })}</Typography.Text>;
      }
      break;
    case 'assignment':
      head = t('tickets.entry_assignment', { name: str(data.toName) || '—' });
      body = (
        <>
          {text(entry.body)}
          {explanation}
        </>
      );
      break;
    case 'priority':
      head = t('tickets.entry_priority', { from: str(data.from), to: str(data.to) });
      body = explanation;
      break;
    case 'escalation':
      head = t('tickets.entry_escalation', { kind: t(`tickets.escalate_${str(data.kind) || 'l2'}`), name: str(data.toName) || '—' });
      break;
    case 'escalation_answer':
      head = t('tickets.entry_escalation_answer');
      break;
    case 'time':
      head = t('tickets.entry_time', { time: formatMinutes(Number(data.minutes ?? 0), t) });
      break;
    case 'part':
      head = `${t('tickets.entry_part', { part: str(data.part) || entry.body, quantity: Number(data.quantity ?? 1) })}${data.partReplacementId ? t('tickets.entry_partWarranty') : ''}`;
      body = null;
      break;
    case 'commitment':
      head = t('tickets.entry_commitment', { time: data.committedAt ? dayjs(str(data.committedAt)).format('YYYY-MM-DD HH:mm') : '' });
      break;
    case 'market_info':
      head = t('tickets.entry_market_info', { category: t(`tickets.market_${str(data.category) || 'other'}`) });
      break;
    case 'arrival':
      head = t('tickets.entry_arrival');
      break;
    case 'attachment':
      head = t('tickets.entry_attachment');
      body = null;
      break;
    case 'rating': {
      const rating = (data.rating ?? {}) as Record<string, string>;
      head = t('tickets.entry_rating');
      body = (
        <>
          <Typography.Text>
            {(['attitude', 'skill', 'result'] as const)
              .map((aspect) => `${t(`tickets.${aspect}`)} ${rating[aspect] ? t(`tickets.grade_${rating[aspect]}`) : '—'}`)
              .join(' · ')}
            {data.via ? <Typography.Text type="secondary"> ({t(`tickets.ratingVia_${str(data.via)}`)})</Typography.Text> : null}
          </Typography.Text>
          {text(entry.body)}
        </>
      );
      break;
    }
    case 'change_request':
      head = data.decision
        ? t('tickets.entry_changeDecision', { decision: t(`tickets.decision_${str(data.decision)}`) })
        : t('tickets.entry_change_request');
      break;
    case 'sla':
      head = (
        <>
          {t('tickets.entry_sla')}{' '}
          {data.state ? <Tag color={data.state === 'breached' ? 'red' : 'orange'}>{t(`tickets.slaState_${str(data.state)}`)}</Tag> : null}
        </>
      );
      body = explanation ?? text(entry.body);
      break;
  }
  return (
    <>
      {head && <div>{head}</div>}
      {body}
      {entry.attachments.length > 0 && (
        <Flex vertical gap={2} style={{ marginTop: 4 }}>
          {entry.attachments.map((file) => (
            <a key={file.id} href={file.url} download={file.fileName} data-testid="attachment-link">
              <PaperClipOutlined /> {file.fileName} <Typography.Text type="secondary">({sizeText(file.size)})</Typography.Text>
            </a>
          ))}
        </Flex>
      )}
    </>
  );
}

/**
 * SR-10: the whole process — replies, internal notes (set apart: a customer never sees them), state changes,
 * assignments with their explanation, records, attachments and SLA alerts.
 */
export function TicketTimeline({ entries }: { entries: TTicketEntry[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (entries.length === 0) return <Empty description={t('tickets.noEntries')} />;
  return (
    <Timeline
      data-testid="timeline"
      items={entries.map((entry) => {
        const internal = entry.visibility === 'internal';
        return {
          key: entry.id,
          color: COLOURS[entry.kind] ?? 'gray',
          content: (
            <div
              data-testid={`entry-${entry.kind}`}
              data-visibility={entry.visibility}
              style={
                internal
                  ? {
                      background: token.colorWarningBg,
                      border: `1px dashed ${token.colorWarningBorder}`,
                      borderRadius: token.borderRadius,
                      padding: '6px 10px',
                    }
                  : entry.kind === 'reply'
                    ? { background: token.colorInfoBg, borderRadius: token.borderRadius, padding: '6px 10px' }
                    : undefined
              }
            >
              <Flex gap={6} wrap align="center">
                <Typography.Text strong>{entry.authorName ?? t('tickets.system')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(entry.createdAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
                {internal && (
                  <Tag icon={<LockOutlined />} color="gold" style={{ marginInlineEnd: 0 }}>
                    {entry.kind === 'note' ? t('tickets.entry_note') : t('tickets.internal')}
                  </Tag>
                )}
              </Flex>
              <EntryContent entry={entry} />
            </div>
          ),
        };
      })}
    />
  );
}
