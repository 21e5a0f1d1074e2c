import type { TFollowUp, TTicketSummary } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ListTable } from '../../layout/ListTable';
import './i18n';

type Page<T> = { items: T[]; nextCursor: string | null };

/** CU-1 / SR-10: the request history of a customer file, newest first. */
export function CustomerRequestsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['tickets', 'list', { customerId }],
    queryFn: ({ signal }) => api<Page<TTicketSummary>>(`/tickets?customerId=${customerId}&limit=100`, { signal }),
  });
  const columns: ColumnsType<TTicketSummary> = [
    { title: t('customers.requestNumber'), key: 'number', render: (_, r) => <Link to={`/tickets/${r.id}`}>{r.number}</Link> },
    { title: t('customers.requestTitle'), dataIndex: 'title', key: 'title' },
    {
      title: t('customers.requestPriority'),
      dataIndex: 'priority',
      key: 'priority',
      render: (p: string) => <Tag color={p === 'P1' ? 'red' : p === 'P2' ? 'orange' : 'blue'}>{p}</Tag>,
    },
    {
      title: t('customers.requestState'),
      dataIndex: 'state',
      key: 'state',
      render: (s: string) => <Tag>{t(`customers.ticketState_${s}`)}</Tag>,
    },
    { title: t('customers.requestAssignee'), key: 'assignee', render: (_, r) => r.assigneeName ?? t('common.none') },
    { title: t('customers.requestCreated'), key: 'created', render: (_, r) => new Date(r.createdAt).toLocaleString() },
  ];
  return <ListTable<TTicketSummary> loading={q.isLoading} dataSource={q.data?.items ?? []} columns={columns} />;
}

/** CU-1 / SR-11: the revisit (回访) tasks of a customer. Listed for users who handle follow-ups (tickets.assign). */
export function CustomerFollowUpsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['followups', { customerId }],
    queryFn: ({ signal }) => api<Page<TFollowUp>>(`/followups?customerId=${customerId}&limit=100`, { signal }),
  });
  const columns: ColumnsType<TFollowUp> = [
    { title: t('customers.followUpDue'), dataIndex: 'dueOn', key: 'due' },
    { title: t('customers.requestNumber'), key: 'ticket', render: (_, f) => <Link to={`/tickets/${f.ticketId}`}>{f.ticketNumber}</Link> },
    { title: t('customers.requestTitle'), dataIndex: 'ticketTitle', key: 'title' },
    {
      title: t('customers.followUpState'),
      key: 'state',
      render: (_, f) => <Tag color={f.state === 'open' ? 'gold' : 'green'}>{t(`customers.followUp_${f.state}`)}</Tag>,
    },
    {
      title: t('customers.followUpSatisfaction'),
      key: 'sat',
      render: (_, f) => (f.satisfaction ? t(`customers.grade_${f.satisfaction}`) : t('common.none')),
    },
    { title: t('customers.note'), key: 'note', render: (_, f) => f.note ?? t('common.none') },
  ];
  return <ListTable<TFollowUp> loading={q.isLoading} dataSource={q.data?.items ?? []} columns={columns} />;
}
