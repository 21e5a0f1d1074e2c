import { OPEN_TICKET_STATES, type TTicketSummary } from '@techserve/core';
import { Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PriorityTag } from '../tickets/PriorityTag';
import { SlaDue } from '../tickets/SlaDue';
import { StateTag } from '../tickets/StateTag';
import { useTickets } from '../tickets/useTickets';
import '../tickets/i18n';
import './i18n';

const QUERY = { mine: 'true', state: OPEN_TICKET_STATES.join(',') };

/** The soonest SLA due first; requests without a running clock last. */
const byDue = (a: TTicketSummary, b: TTicketSummary) =>
  (a.nextDueAt ?? '9999').localeCompare(b.nextDueAt ?? '9999') || a.priority.localeCompare(b.priority) || a.id - b.id;

/**
 * Issue 12 item 5 (SLA-4): the open requests assigned to the engineer, the one whose SLA runs out first on top, each
 * with its time left — on My jobs beside the visits, so a P1 with minutes left is never hidden behind "no visits today".
 */
export function MyRequestsCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tickets = useTickets(QUERY);
  if (!tickets.isSuccess) return null;
  const rows = tickets.data.pages.flatMap((page) => page.items).sort(byDue);
  return (
    <Flex vertical gap={8} data-testid="my-requests">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {`${t('field.myRequests')} (${rows.length})`}
      </Typography.Title>
      {rows.length === 0 ? (
        <Empty description={t('field.noMyRequests')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        rows.map((ticket) => (
          <Card key={ticket.id} size="small" hoverable onClick={() => navigate(`/tickets/${ticket.id}`)} data-testid="my-request">
            <Flex justify="space-between" align="center" gap={8} wrap>
              <span>
                <PriorityTag priority={ticket.priority} />
                <Typography.Text style={{ fontFamily: 'monospace' }}>{ticket.number}</Typography.Text>
              </span>
              <SlaDue ticket={ticket} />
            </Flex>
            <Typography.Text strong ellipsis style={{ display: 'block' }}>
              {ticket.title}
            </Typography.Text>
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text type="secondary" ellipsis style={{ minWidth: 0 }}>
                {ticket.customerName}
              </Typography.Text>
              <StateTag state={ticket.state} />
            </Flex>
          </Card>
        ))
      )}
    </Flex>
  );
}
