import { PlusOutlined } from '@ant-design/icons';
import type { TTicketSort, TTicketSummary } from '@techserve/core';
import { Button, Card, Empty, Flex, Grid, Segmented, Space, Spin, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ListTable } from '../../layout/ListTable';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { TicketBulkBar } from '../ticket-batch/TicketBulkBar';
import { PriorityTag } from './PriorityTag';
import { SavedViews } from './SavedViews';
import { SlaDue } from './SlaDue';
import { StateTag } from './StateTag';
import { TicketFilterBar } from './TicketFilterBar';
import { FILTER_KEYS, filtersToQuery, queryToFilters, type TTicketFilters } from './ticketFilters';
import { useIsCustomerSide } from './useIsCustomerSide';
import { useTickets } from './useTickets';
import './i18n';

/** SR-5 / SLA-4 queue shortcuts: each is a filter set. */
const QUEUES: Record<string, TTicketFilters> = {
  all: {},
  unassigned: { unassigned: true },
  nearBreach: { sla: 'near_breach' },
  breached: { sla: 'breached' },
  mine: { mine: true },
};

/** The queue a query shows, whatever its order. */
const queueOf = ({ sort: _sort, order: _order, ...query }: Record<string, string>) =>
  Object.entries(QUEUES).find(([, filters]) => JSON.stringify(filtersToQuery(filters)) === JSON.stringify(query))?.[0];

/** The service-request list (also the customer portal's "my requests"): filters in the URL, saved views, load more. */
export function TicketsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const customerSide = useIsCustomerSide();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.sm === false;
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => {
    const raw: Record<string, string> = {};
    for (const key of FILTER_KEYS) {
      const value = params.get(key);
      if (value) raw[key] = value;
    }
    return filtersToQuery(queryToFilters(raw));
  }, [params]);
  const filters = useMemo(() => queryToFilters(query), [query]);
  const setQuery = (next: Record<string, string>) => setParams(next, { replace: true });
  const setFilters = (next: TTicketFilters) => setQuery(filtersToQuery(next));
  const tickets = useTickets(query);
  const rows = useMemo(() => tickets.data?.pages.flatMap((page) => page.items) ?? [], [tickets.data]);
  const customerName = filters.customerId ? rows.find((row) => row.customerId === filters.customerId)?.customerName : undefined;
  const queue = queueOf(query);
  // Issue 12 item 9: staff select rows for a bulk action.
  const bulk = !customerSide && can('tickets.work');
  const [selected, setSelected] = useState<number[]>([]);
  // The column headers order the list on the server (sort and order in the URL, saved views and the export); no sort
  // is the server's newest first, shown on the created column.
  const sortable = (key: TTicketSort) => ({
    sorter: true,
    sortOrder: (filters.sort
      ? filters.sort === key
        ? filters.order === 'asc'
          ? 'ascend'
          : 'descend'
        : null
      : key === 'createdAt'
        ? 'descend'
        : null) as SortOrder,
  });
  const onTableChange: TableProps<TTicketSummary>['onChange'] = (_p, _f, sorter, extra) => {
    if (extra.action !== 'sort' || Array.isArray(sorter)) return;
    const key = sorter.order ? (sorter.columnKey as TTicketSort) : undefined;
    setFilters({ ...filters, sort: key, order: key ? (sorter.order === 'ascend' ? 'asc' : 'desc') : undefined });
  };

  const columns: ColumnsType<TTicketSummary> = [
    {
      title: t('tickets.number'),
      key: 'number',
      fixed: 'left',
      ...sortable('number'),
      render: (_, ticket) => (
        <Link to={`/tickets/${ticket.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
          {ticket.number}
        </Link>
      ),
    },
    {
      title: t('tickets.subject'),
      key: 'title',
      render: (_, ticket) => (
        <Typography.Text ellipsis={{ tooltip: ticket.title }} style={{ maxWidth: 320 }}>
          {ticket.title}
        </Typography.Text>
      ),
    },
    ...(customerSide ? [] : [{ title: t('tickets.customer'), dataIndex: 'customerName', key: 'customer', ...sortable('customer') }]),
    {
      title: t('tickets.priority'),
      key: 'priority',
      ...sortable('priority'),
      render: (_, ticket) => <PriorityTag priority={ticket.priority} />,
    },
    {
      title: t('tickets.state'),
      key: 'state',
      ...sortable('state'),
      render: (_, ticket) => <StateTag state={ticket.state} />,
    },
    {
      title: t('tickets.assignee'),
      key: 'assignee',
      ...sortable('assignee'),
      render: (_, ticket) => ticket.assigneeName ?? <Typography.Text type="secondary">{t('tickets.unassigned')}</Typography.Text>,
    },
    {
      title: t('tickets.sla'),
      key: 'dueAt',
      ...sortable('dueAt'),
      render: (_, ticket) => <SlaDue ticket={ticket} />,
    },
    {
      title: t('tickets.createdAt'),
      key: 'createdAt',
      ...sortable('createdAt'),
      // Shown newest first by default, so its next click is oldest first.
      sortDirections: ['descend', 'ascend'],
      render: (_, ticket) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(ticket.createdAt).format('YYYY-MM-DD HH:mm')}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t(customerSide ? 'tickets.portalTitle' : 'tickets.title')}
        extra={
          <Space wrap>
            <SavedViews query={query} onApply={setQuery} />
            {can('tickets.create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/tickets/new')} data-testid="ticket-create">
                {t(customerSide ? 'tickets.portalCreate' : 'tickets.create')}
              </Button>
            )}
          </Space>
        }
      />
      {!customerSide && (
        <div style={{ overflowX: 'auto', marginBottom: 12 }}>
          <Segmented
            aria-label={t('tickets.queues')}
            value={queue ?? ''}
            onChange={(value) => setFilters({ ...QUEUES[String(value)], sort: filters.sort, order: filters.order })}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'unassigned', label: t('tickets.queue_unassigned') },
              { value: 'nearBreach', label: t('tickets.queue_nearBreach') },
              { value: 'breached', label: t('tickets.queue_breached') },
              { value: 'mine', label: t('tickets.queue_mine') },
            ]}
            data-testid="ticket-queues"
          />
        </div>
      )}
      <TicketFilterBar filters={filters} onChange={setFilters} customerSide={customerSide} customerName={customerName} />
      {bulk && <TicketBulkBar selected={selected} rows={rows} query={query} onDone={() => setSelected([])} />}
      {isPhone ? (
        <Flex vertical gap={8} data-testid="tickets-list">
          {tickets.isLoading && <Spin />}
          {!tickets.isLoading && rows.length === 0 && <Empty description={t('tickets.empty')} />}
          {rows.map((ticket) => (
            <Card key={ticket.id} size="small" onClick={() => navigate(`/tickets/${ticket.id}`)} hoverable data-testid="ticket-card">
              <Flex justify="space-between" align="center" gap={8}>
                <Link to={`/tickets/${ticket.id}`} style={{ fontFamily: 'monospace' }}>
                  {ticket.number}
                </Link>
                <span>
                  <PriorityTag priority={ticket.priority} />
                  <StateTag state={ticket.state} />
                </span>
              </Flex>
              <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: '6px 0 4px' }}>
                {ticket.title}
              </Typography.Paragraph>
              <Flex justify="space-between" wrap gap={4}>
                <Typography.Text type="secondary">
                  {customerSide
                    ? (ticket.assigneeName ?? t('tickets.unassigned'))
                    : `${ticket.customerName} · ${ticket.assigneeName ?? t('tickets.unassigned')}`}
                </Typography.Text>
                <SlaDue ticket={ticket} />
              </Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <ListTable<TTicketSummary>
          columns={columns}
          dataSource={rows}
          loading={tickets.isLoading}
          locale={{ emptyText: <Empty description={t('tickets.empty')} /> }}
          onRow={(ticket) => ({ onDoubleClick: () => navigate(`/tickets/${ticket.id}`) })}
          onChange={onTableChange}
          rowSelection={bulk ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) } : undefined}
          data-testid="tickets-table"
        />
      )}
      <Flex justify="center" style={{ marginTop: 16 }}>
        {tickets.hasNextPage ? (
          <Button loading={tickets.isFetchingNextPage} onClick={() => void tickets.fetchNextPage()} data-testid="tickets-more">
            {t('common.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
      </Flex>
    </>
  );
}
