import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Result, Row, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useSession } from '../auth/useSession';
import { ChangeRequestCard } from './ChangeRequestCard';
import { DefectReportCard } from '../defects/DefectReportCard';
import { EscalationsCard } from './EscalationsCard';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { RecordsCard } from './RecordsCard';
import { ReplyBox } from './ReplyBox';
import { SlaCards } from './SlaCards';
import { TicketActionBar } from './TicketActionBar';
import { PrintLink } from '../ticket-batch/PrintLink';
import { TicketHeader } from './TicketHeader';
import { TicketTimeline } from './TicketTimeline';
import { useIsCustomerSide } from './useIsCustomerSide';
import { useTicket } from './useTicket';
import { useTimeline } from './useTimeline';
import './i18n';

/**
 * One service request: the header, SLA clocks, the actions this user may take, escalations and the change
 * request, and the timeline with the reply box and record forms. One column on a phone (engineers on site),
 * two on a desktop. A customer contact sees the same page without the internal controls.
 */
export function TicketDetailPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const id = Number(useParams().id);
  const customerSide = useIsCustomerSide();
  const ticket = useTicket(id);
  const timeline = useTimeline(id);
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;

  if (ticket.isLoading) return <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />;
  if (!ticket.data) {
    return (
      <Result
        status="404"
        title={t('tickets.notFound')}
        extra={<Button onClick={() => navigate('/tickets')}>{t('tickets.backToList')}</Button>}
      />
    );
  }
  const data = ticket.data;
  const works = !customerSide && can('tickets.work');
  const open = !['closed', 'cancelled'].includes(data.state);
  const showEscalations = !customerSide && data.escalations.length > 0;
  const showRecords = works && open;
  // Without side panels (e.g. in the portal) the request takes the whole width.
  const side = showEscalations || data.changeRequest !== null || showRecords;

  return (
    <div data-testid="ticket-detail">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate('/tickets')}>
          {t('tickets.backToList')}
        </Button>
        <span>
          <Button
            type="text"
            icon={<ReloadOutlined spin={ticket.isFetching || timeline.isFetching} />}
            aria-label={t('tickets.reload')}
            onClick={() => {
              void ticket.refetch();
              void timeline.refetch();
            }}
          />
          {/* Issue 12 item 9: the print view (no menu, public history only). */}
          <PrintLink ticketId={data.id} />
        </span>
      </Flex>
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={side ? 14 : 24} xl={side ? 15 : 24} style={side ? undefined : { maxWidth: 1000 }}>
          {justCreated && (
            <Alert
              type="success"
              showIcon
              closable
              style={{ marginBottom: 16 }}
              data-testid="created-notice"
              title={`${t('tickets.createdNotice', { number: data.number })} — ${data.assigneeName ? t('tickets.assignedTo', { name: data.assigneeName }) : t('tickets.notAssignedYet')}`}
              description={<ExplanationLine explanation={data.eligibilityExplanation} />}
            />
          )}
          <TicketHeader ticket={data} />
          <SlaCards sla={data.sla} />
          <div style={{ marginBottom: 16 }}>
            <TicketActionBar ticket={data} />
          </div>
          <Card title={t('tickets.timeline')} style={{ marginBottom: 16 }}>
            {timeline.isLoading ? <Spin /> : <TicketTimeline entries={timeline.data ?? []} />}
            <div style={{ marginTop: 16 }}>
              <ReplyBox ticket={data} />
            </div>
          </Card>
        </Col>
        {side && (
          <Col xs={24} lg={10} xl={9}>
            {showEscalations && <EscalationsCard ticket={data} />}
            <ChangeRequestCard ticket={data} />
            {showRecords && <RecordsCard ticket={data} />}
            {can('defects.report') && <DefectReportCard ticketId={data.id} />}
          </Col>
        )}
      </Row>
    </div>
  );
}
