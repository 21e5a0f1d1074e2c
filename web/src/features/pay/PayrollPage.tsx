import type { TPayslipOut } from '@techserve/core';
import { Alert, Button, Card, Flex, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useLocalizedApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { money } from '../../shared/money';
import { useSession } from '../auth/useSession';
import { MonthPicker } from '../appraisal/MonthPicker';
import { monthParam } from '../appraisal/monthParam';
import { PayslipLines } from './PayslipLines';
import { usePayroll } from './usePay';
import './i18n';

/** PAY-5: the month's payslips from the frozen sheets, each line explained; finance downloads the Excel payroll. */
export function PayrollPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [params] = useSearchParams();
  const [month, setMonth] = useState(() => monthParam(params.get('month')) ?? dayjs().subtract(1, 'month').format('YYYY-MM'));
  const payroll = usePayroll(month);
  const localized = useLocalizedApiError();
  const error = payroll.error instanceof ApiError ? localized(payroll.error) : null;
  const yuan = (fen: number) => money(fen, i18n.language);
  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('pay.payroll')} />
      <Card size="small">
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('pay.payrollHint')}</Typography.Text>
          <Flex gap={8} wrap>
            <MonthPicker value={month} onChange={setMonth} />
            {can('pay.export') && payroll.data && (
              <Button type="primary" href={`/api/v1/pay/payroll/export?month=${month}`} data-testid="pay-export">
                {t('pay.download')}
              </Button>
            )}
          </Flex>
        </Flex>
      </Card>
      {error && <Alert type="warning" showIcon message={error.message} data-testid="pay-refused" />}
      {payroll.data && (
        <Table<TPayslipOut>
          size="small"
          rowKey="userId"
          loading={payroll.isFetching}
          dataSource={payroll.data.items}
          pagination={false}
          scroll={{ x: 720 }}
          expandable={{ expandedRowRender: (slip) => <PayslipLines slip={slip} /> }}
          columns={[
            { title: t('pay.name'), dataIndex: 'userName' },
            { title: t('pay.grade'), dataIndex: 'grade', render: (g: string | null) => g ?? '—' },
            { title: t('pay.wage'), dataIndex: 'wageFen', align: 'right', render: yuan },
            { title: t('pay.travel'), dataIndex: 'travelFen', align: 'right', render: yuan },
            { title: t('pay.kind_overtime'), dataIndex: 'overtimeFen', align: 'right', render: yuan },
            { title: t('pay.topUp'), dataIndex: 'topUpFen', align: 'right', render: yuan },
            { title: t('pay.total'), dataIndex: 'totalFen', align: 'right', render: (fen: number) => <strong>{yuan(fen)}</strong> },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={8} align="right">
                <strong data-testid="pay-total">{yuan(payroll.data.totalFen)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
    </Flex>
  );
}
