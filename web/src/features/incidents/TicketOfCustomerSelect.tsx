import type { TTicketSummary } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, type Page } from '../../api/client';

/** A service request of the customer (its newest 50), by number and title. */
export function TicketOfCustomerSelect({
  customerId,
  value,
  onChange,
  id,
}: {
  customerId?: number;
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
}) {
  const tickets = useQuery({
    queryKey: ['incidents', 'tickets-of', customerId],
    queryFn: ({ signal }) => api<Page<TTicketSummary>>('/tickets', { query: { customerId, limit: 50 }, signal }),
    enabled: customerId != null,
  });
  return (
    <Select<number>
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      disabled={customerId == null}
      loading={tickets.isFetching}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={(tickets.data?.items ?? []).map((ticket) => ({ value: ticket.id, label: `${ticket.number} ${ticket.title}` }))}
      data-testid="ticket-select"
    />
  );
}
