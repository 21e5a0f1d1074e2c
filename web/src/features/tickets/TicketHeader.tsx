import { PhoneOutlined } from '@ant-design/icons';
import type { TTicket } from '@techserve/core';
import { Alert, Button, Card, Descriptions, type DescriptionsProps, Flex, Popover, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/useSession';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { formatMinutes } from './formatMinutes';
import { PriorityTag } from './PriorityTag';
import { StateTag } from './StateTag';
import { useIsCustomerSide } from './useIsCustomerSide';
import './i18n';

const ELIGIBILITY_COLOURS = { warranty: 'green', contract: 'blue', chargeable: 'gold' } as const;

/**
 * The request at a glance: number, title, state, priority (why, on tap), coverage (SR-3 / CU-3: why it is or is
 * not chargeable), customer, contact with a tap-to-call link, site, device and serial number.
 */
export function TicketHeader({ ticket }: { ticket: TTicket }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const customerSide = useIsCustomerSide();
  const fmt = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : null);
  type TItem = NonNullable<DescriptionsProps['items']>[number];
  const items: TItem[] = (
    [
      {
        key: 'customer',
        label: t('tickets.customer'),
        children: can('customers.read') ? <Link to={`/customers/${ticket.customerId}`}>{ticket.customerName}</Link> : ticket.customerName,
      },
      ticket.contactName && {
        key: 'contact',
        label: t('tickets.contact'),
        children: (
          <Flex gap={8} align="center" wrap>
            <span>{ticket.contactName}</span>
            {ticket.contactPhone && (
              <Button size="small" icon={<PhoneOutlined />} href={`tel:${ticket.contactPhone}`} data-testid="call-contact">
                {ticket.contactPhone}
              </Button>
            )}
          </Flex>
        ),
      },
      (ticket.siteName || ticket.siteAddress) && {
        key: 'site',
        label: t('tickets.site'),
        children: [ticket.siteName, ticket.siteAddress].filter(Boolean).join(' · '),
      },
      (ticket.productName || ticket.serialNumber) && {
        key: 'product',
        label: t('tickets.product'),
        children: [ticket.productName, ticket.serialNumber && `${t('tickets.serial')} ${ticket.serialNumber}`].filter(Boolean).join(' · '),
      },
      {
        key: 'type',
        label: t('tickets.type'),
        children: `${t(`tickets.type_${ticket.type}`)} · ${t(`tickets.channel_${ticket.channel}`)}`,
      },
      {
        key: 'assignee',
        label: t('tickets.assignee'),
        children: (
          <span data-testid="ticket-assignee">
            {ticket.assigneeName ?? <Typography.Text type="secondary">{t('tickets.unassigned')}</Typography.Text>}
            {ticket.tier > 1 && <Tag style={{ marginInlineStart: 6 }}>{t('tickets.tier', { tier: ticket.tier })}</Tag>}
          </span>
        ),
      },
      { key: 'created', label: t('tickets.createdAt'), children: fmt(ticket.createdAt) },
      ticket.committedAt && { key: 'committed', label: t('tickets.committedAt'), children: fmt(ticket.committedAt) },
      !customerSide &&
        ticket.totalMinutesSpent > 0 && {
          key: 'spent',
          label: t('tickets.timeSpent'),
          children: formatMinutes(ticket.totalMinutesSpent, t),
        },
      ticket.cause && { key: 'cause', label: t('tickets.cause'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{ticket.cause}</span> },
      ticket.solution && {
        key: 'solution',
        label: t('tickets.solution'),
        children: <span style={{ whiteSpace: 'pre-wrap' }}>{ticket.solution}</span>,
      },
      ticket.cancelReason && { key: 'cancel', label: t('tickets.cancelReason'), children: ticket.cancelReason },
      ticket.rating && {
        key: 'rating',
        label: t('tickets.rating'),
        children: (
          <span data-testid="ticket-rating">
            {t('tickets.attitude')} {t(`tickets.grade_${ticket.rating.attitude}`)} · {t('tickets.skill')}{' '}
            {t(`tickets.grade_${ticket.rating.skill}`)} · {t('tickets.result')} {t(`tickets.grade_${ticket.rating.result}`)}
            {ticket.rating.comment && ` — ${ticket.rating.comment}`}
            <Typography.Text type="secondary">
              {' '}
              ({t(`tickets.ratingVia_${ticket.rating.via}`)}
              {ticket.rating.signedBy && ` · ${t('tickets.signedBy')} ${ticket.rating.signedBy}`})
            </Typography.Text>
          </span>
        ),
      },
    ] as Array<TItem | false | null | '' | 0>
  ).filter((item): item is TItem => Boolean(item));

  return (
    <Card style={{ marginBottom: 16 }} data-testid="ticket-header">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 4 }}>
        <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="ticket-number">
          {ticket.number}
        </Typography.Text>
        <StateTag state={ticket.state} />
        <PriorityTag priority={ticket.priority} explanation={ticket.priorityExplanation} />
        <Popover
          title={t('tickets.eligibilityExplanation')}
          content={<ExplanationLine explanation={ticket.eligibilityExplanation} />}
          trigger={['hover', 'click']}
        >
          <Tag color={ELIGIBILITY_COLOURS[ticket.eligibility]} style={{ cursor: 'help' }} data-testid="eligibility-tag">
            {t(`tickets.eligibility_${ticket.eligibility}`)}
          </Tag>
        </Popover>
        {ticket.reopenCount > 0 && <Tag color="volcano">{t('tickets.reopened', { count: ticket.reopenCount })}</Tag>}
      </Flex>
      {ticket.eligibility === 'chargeable' && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '8px 0' }}
          title={<ExplanationLine explanation={ticket.eligibilityExplanation} />}
          data-testid="chargeable-notice"
        />
      )}
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="ticket-title">
        {ticket.title}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 4, expandable: 'collapsible' }}>
        {ticket.description}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} />
    </Card>
  );
}
