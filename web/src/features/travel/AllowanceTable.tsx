import type { TAllowanceLineOut } from '@techserve/core';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { ExplanationLine } from '../tickets/ExplanationLine';
import { money } from './money';
import './i18n';

/** TR-1/TR-3/TR-4: allowance lines with their rule, policy version and explanation; the total in the footer. */
export function AllowanceTable({ lines, totalFen, note }: { lines: TAllowanceLineOut[]; totalFen: number; note?: string }) {
  const { t, i18n } = useTranslation();
  const columns: ColumnsType<TAllowanceLineOut> = [
    { title: t('travel.allowanceKind'), key: 'kind', render: (_, l) => t(`travel.kind_${l.kind}`) },
    { title: t('travel.days'), dataIndex: 'days', key: 'days', align: 'right' },
    { title: t('travel.rate'), key: 'rate', align: 'right', render: (_, l) => money(l.rateFen, i18n.language) },
    { title: t('travel.amount'), key: 'amount', align: 'right', render: (_, l) => <span data-testid="allowance-amount">{money(l.amountFen, i18n.language)}</span> },
    { title: t('travel.explanation'), key: 'explanation', render: (_, l) => <ExplanationLine explanation={l.explanation} /> },
  ];
  return (
    <Table<TAllowanceLineOut>
      rowKey={(l) => `${l.kind}-${l.rateFen}-${l.explanation.text.en}`}
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={lines}
      data-testid="allowance-table"
      footer={() => (
        <Typography.Text strong data-testid="allowance-total">
          {t('travel.total')}: {money(totalFen, i18n.language)}
          {note && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontWeight: 'normal' }}>
              {note}
            </Typography.Text>
          )}
        </Typography.Text>
      )}
    />
  );
}
