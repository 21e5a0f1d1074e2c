import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

/** Opens a request's print view in a new tab (issue 12 item 9). */
export function PrintLink({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  return (
    <Button
      type="text"
      icon={<PrinterOutlined />}
      href={`/tickets/${ticketId}/print`}
      target="_blank"
      aria-label={t('ticketBatch.print')}
      data-testid="ticket-print-link"
    />
  );
}
