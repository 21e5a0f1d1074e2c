import { OPEN_TICKET_STATES, type TTicketDashboard, type TTicketSummary } from '@techserve/core';
import { Card, Col, Row, Spin, Statistic, Table, Tag, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { PriorityTag } from './PriorityTag';
import { SlaDue } from './SlaDue';
import { StateTag } from './StateTag';
import { TicketChart } from './TicketChart';
import { useTicketDashboard } from './useTicketDashboard';
import './i18n';

const PRIORITY_COLOURS = { P1: '#f5222d', P2: '#fa8c16', P3: '#1677ff', P4: '#bfbfbf' } as const;

/** A compact table of requests for the dashboard's lists. */
function TicketsTable({ rows, testId, compact = false }: { rows: TTicketSummary[]; testId: string; compact?: boolean }) {
  const { t } = useTranslation();
  const all: ColumnsType<TTicketSummary> = [
    {
      title: t('tickets.number'),
      key: 'number',
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
        <Typography.Text ellipsis={{ tooltip: ticket.title }} style={{ maxWidth: compact ? 150 : 260 }}>
          {ticket.title}
        </Typography.Text>
      ),
    },
    { title: t('tickets.customer'), dataIndex: 'customerName', key: 'customer', ellipsis: true },
    { title: t('tickets.priority'), key: 'priority', render: (_, ticket) => <PriorityTag priority={ticket.priority} /> },
    { title: t('tickets.state'), key: 'state', render: (_, ticket) => <StateTag state={ticket.state} /> },
    {
      title: t('tickets.assignee'),
      key: 'assignee',
      render: (_, ticket) => ticket.assigneeName ?? <Typography.Text type="secondary">{t('tickets.unassigned')}</Typography.Text>,
    },
    { title: t('tickets.sla'), key: 'sla', render: (_, ticket) => <SlaDue ticket={ticket} /> },
  ];
  // Half-width cards leave out the customer and state so the SLA stays in view.
  const columns = compact ? all.filter((column) => column.key !== 'customer' && column.key !== 'state') : all;
  return (
    <Table<TTicketSummary>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={rows}
      locale={{ emptyText: t('tickets.noData') }}
      data-testid={testId}
    />
  );
}

/** SR-6: escalations nobody has answered yet. */
function EscalationsTable({ rows }: { rows: TTicketDashboard['openEscalations'] }) {
  const { t } = useTranslation();
  const columns: ColumnsType<TTicketDashboard['openEscalations'][number]> = [
    { title: t('tickets.number'), key: 'ticket', render: (_, e) => <Link to={`/tickets/${e.ticketId}`}>{e.ticketNumber}</Link> },
    { title: t('tickets.type'), key: 'kind', render: (_, e) => <Tag color="purple">{t(`tickets.escalate_${e.kind}`)}</Tag> },
    { title: t('tickets.fromTo'), key: 'to', render: (_, e) => `${e.fromUserName ?? '—'} → ${e.toUserName ?? '—'}` },
    { title: t('tickets.createdAt'), key: 'created', render: (_, e) => dayjs(e.createdAt).format('MM-DD HH:mm') },
    { title: t('tickets.targetAt'), key: 'target', render: (_, e) => (e.targetAt ? dayjs(e.targetAt).format('MM-DD HH:mm') : '—') },
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={rows}
      locale={{ emptyText: t('tickets.noData') }}
      data-testid="dash-escalations"
    />
  );
}

/**
 * The supervisor's dashboard (SR-5, SLA-4, FS-11): open requests by state and priority, each engineer's load with
 * the breached part, and the lists to act on — breached, near breach, unassigned, today's unsolved for the evening
 * stand-up, and unanswered escalations. Clicking a bar or slice opens the list filtered to it.
 */
export function TicketDashboardPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const dashboard = useTicketDashboard();
  const data = dashboard.data;
  if (!data) return <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />;

  const openStates = data.byState.filter((s) => OPEN_TICKET_STATES.includes(s.state));
  const openTotal = openStates.reduce((sum, s) => sum + s.count, 0);
  const load = [...data.load].reverse(); // the busiest on top of the horizontal bars
  const axis = { axisLabel: { color: token.colorTextSecondary } };

  const byState = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: data.byState.map((s) => t(`tickets.state_${s.state}`)),
      axisLabel: { interval: 0, rotate: 30, color: token.colorTextSecondary },
    },
    yAxis: { type: 'value', minInterval: 1, ...axis },
    series: [
      {
        type: 'bar',
        name: t('tickets.count'),
        data: data.byState.map((s) => ({
          value: s.count,
          itemStyle: { color: OPEN_TICKET_STATES.includes(s.state) ? token.colorPrimary : token.colorTextQuaternary },
        })),
        barMaxWidth: 36,
        label: { show: true, position: 'top' },
      },
    ],
  };
  const byPriority = {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['38%', '62%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}: {c}', color: token.colorText },
        // Empty priorities get no slice (and no dangling label line).
        data: data.byPriority
          .filter((p) => p.count > 0)
          .map((p) => ({ name: p.priority, value: p.count, itemStyle: { color: PRIORITY_COLOURS[p.priority] } })),
      },
    ],
  };
  const loadChart = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, ...axis },
    yAxis: { type: 'category', data: load.map((l) => l.name), ...axis },
    series: [
      {
        type: 'bar',
        stack: 'load',
        name: t('tickets.loadOpen'),
        data: load.map((l) => l.open - l.breached),
        itemStyle: { color: token.colorPrimary },
        barMaxWidth: 22,
      },
      {
        type: 'bar',
        stack: 'load',
        name: t('tickets.loadBreached'),
        data: load.map((l) => l.breached),
        itemStyle: { color: token.colorError },
        barMaxWidth: 22,
      },
    ],
  };

  const stat = (title: string, value: number, colour?: string, to?: string) => (
    <Col xs={12} sm={8} lg={4}>
      <Card size="small" hoverable={Boolean(to)} onClick={to ? () => navigate(to) : undefined}>
        <Statistic title={title} value={value} styles={{ content: { color: colour } }} />
      </Card>
    </Col>
  );

  return (
    <div data-testid="ticket-dashboard">
      <PageHeader
        title={t('tickets.dashboardTitle')}
        extra={
          <Typography.Text type="secondary">{t('tickets.asOf', { time: dayjs(data.asOf).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {stat(t('tickets.loadOpen'), openTotal, undefined, `/tickets?state=${OPEN_TICKET_STATES.join(',')}`)}
        {stat(t('tickets.breachedList'), data.breached.length, token.colorError, '/tickets?sla=breached')}
        {stat(t('tickets.nearBreachList'), data.nearBreach.length, token.colorWarning, '/tickets?sla=near_breach')}
        {stat(t('tickets.unassignedList'), data.unassigned.length, undefined, '/tickets?unassigned=true')}
        {stat(t('tickets.todayUnsolvedShort'), data.todayUnsolved.length)}
        {stat(t('tickets.openEscalations'), data.openEscalations.length)}
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('tickets.openByState')}>
            <TicketChart
              option={byState}
              testId="chart-by-state"
              onClick={(index) => navigate(`/tickets?state=${data.byState[index].state}`)}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} lg={7}>
          <Card size="small" title={t('tickets.openByPriority')}>
            <TicketChart
              option={byPriority}
              testId="chart-by-priority"
              onClick={(index) =>
                navigate(
                  `/tickets?priority=${data.byPriority.filter((p) => p.count > 0)[index].priority}&state=${OPEN_TICKET_STATES.join(',')}`,
                )
              }
            />
          </Card>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Card size="small" title={t('tickets.engineerLoad')}>
            <TicketChart option={loadChart} height={Math.max(260, 40 + load.length * 28)} testId="chart-load" />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={<Typography.Text type="danger">{t('tickets.breachedList')}</Typography.Text>}>
            <TicketsTable rows={data.breached} testId="dash-breached" compact />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={<Typography.Text type="warning">{t('tickets.nearBreachList')}</Typography.Text>}>
            <TicketsTable rows={data.nearBreach} testId="dash-near-breach" compact />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('tickets.unassignedList')}>
            <TicketsTable rows={data.unassigned} testId="dash-unassigned" compact />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('tickets.openEscalations')}>
            <EscalationsTable rows={data.openEscalations} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('tickets.todayUnsolved')}>
            <TicketsTable rows={data.todayUnsolved} testId="dash-today" />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
