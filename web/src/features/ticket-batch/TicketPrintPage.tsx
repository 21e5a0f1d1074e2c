import { PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Result, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useTicket } from '../tickets/useTicket';
import { useTimeline } from '../tickets/useTimeline';
import '../tickets/i18n';
import './i18n';

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/**
 * Issue 12 item 9: a request as a printable page (no menu or header; the browser's print dialog), with its facts, the
 * cause and solution (SR-10) and the public history — internal notes stay off paper.
 */
export function TicketPrintPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const ticket = useTicket(id);
  const timeline = useTimeline(id);
  if (ticket.isLoading) return <Spin size="large" />;
  if (!ticket.data) return <Result status="404" title={t('tickets.notFound')} />;
  const r = ticket.data;
  const entries = (timeline.data ?? []).filter((e) => e.visibility === 'public' && e.body);
  return (
    <div style={{ maxWidth: 860, margin: '0 auto', padding: 24, background: '#fff' }} data-testid="ticket-print">
      <style>{'@media print { .no-print { display: none !important; } @page { margin: 16mm; } }'}</style>
      <Flex justify="flex-end" className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="ticket-print-button">
          {t('ticketBatch.print')}
        </Button>
      </Flex>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {t('ticketBatch.printTitle')} {r.number}
      </Typography.Title>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('tickets.subject')} span={2}>
          {r.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.customer')}>{r.customerName}</Descriptions.Item>
        <Descriptions.Item label={t('tickets.contact')}>
          {[r.contactName, r.contactPhone].filter(Boolean).join(' ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.site')}>{[r.siteName, r.siteAddress].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('tickets.product')}>
          {[r.productName, r.serialNumber].filter(Boolean).join(' ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('tickets.priority')}>{r.priority}</Descriptions.Item>
        <Descriptions.Item label={t('tickets.state')}>{t(`tickets.state_${r.state}`)}</Descriptions.Item>
        <Descriptions.Item label={t('tickets.assignee')}>{r.assigneeName ?? t('tickets.unassigned')}</Descriptions.Item>
        <Descriptions.Item label={t('tickets.createdAt')}>{when(r.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('tickets.description')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{r.description}</span>
        </Descriptions.Item>
        {r.cause && (
          <Descriptions.Item label={t('tickets.cause')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{r.cause}</span>
          </Descriptions.Item>
        )}
        {r.solution && (
          <Descriptions.Item label={t('tickets.solution')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{r.solution}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {entries.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('ticketBatch.printTimeline')}
          </Typography.Title>
          {entries.map((e) => (
            <Typography.Paragraph key={e.id} style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
              <Typography.Text type="secondary">
                {when(e.createdAt)} {e.authorName ?? ''}
              </Typography.Text>
              <br />
              {e.body}
            </Typography.Paragraph>
          ))}
        </>
      )}
      <Typography.Text type="secondary">
        {t('ticketBatch.printedAt')} {dayjs().format('YYYY-MM-DD HH:mm')}
      </Typography.Text>
    </div>
  );
}
