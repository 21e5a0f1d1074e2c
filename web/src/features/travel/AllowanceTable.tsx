import type { TAllowanceLineOut } from '@techserve/core';
import { Card, Flex, Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { money } from '../../shared/money';
import './i18n';

const lineKey = (l: TAllowanceLineOut) => `${l.kind}-${l.rateFen}-${l.explanation.text.en}`;

/**
 * TR-1/TR-3/TR-4: allowance lines with their rule, policy version and explanation; the total below. A table on wider
 * screens; on a phone each line is a card (kind and amount, days × rate, the explanation) so nothing scrolls sideways.
 */
export function AllowanceTable({ lines, totalFen, note }: { lines: TAllowanceLineOut[]; totalFen: number; note?: string }) {
  const { t, i18n } = useTranslation();
  const isPhone = Grid.useBreakpoint().sm === false;
  const total = (
    <Typography.Text strong data-testid="allowance-total">
      {t('travel.total')}: {money(totalFen, i18n.language)}
      {note && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontWeight: 'normal' }}>
          {note}
        </Typography.Text>
      )}
    </Typography.Text>
  );
  if (isPhone) {
    return (
      <Flex vertical gap={8} data-testid="allowance-list">
        {lines.map((l) => (
          <Card key={lineKey(l)} size="small" styles={{ body: { padding: 10 } }} data-testid="allowance-line">
            <Flex justify="space-between" align="baseline" gap={8}>
              <Typography.Text strong>{t(`travel.kind_${l.kind}`)}</Typography.Text>
              <Typography.Text strong data-testid="allowance-amount" style={{ whiteSpace: 'nowrap' }}>
                {money(l.amountFen, i18n.language)}
              </Typography.Text>
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block', margin: '2px 0 6px' }} data-testid="allowance-days-rate">
              {t('travel.days')} {l.days} · {t('travel.rate')} {money(l.rateFen, i18n.language)}
            </Typography.Text>
            <ExplanationLine explanation={l.explanation} />
          </Card>
        ))}
        <div style={{ padding: '0 2px' }}>{total}</div>
      </Flex>
    );
  }
  const columns: ColumnsType<TAllowanceLineOut> = [
    { title: t('travel.allowanceKind'), key: 'kind', render: (_, l) => t(`travel.kind_${l.kind}`) },
    { title: t('travel.days'), dataIndex: 'days', key: 'days', align: 'right' },
    { title: t('travel.rate'), key: 'rate', align: 'right', render: (_, l) => money(l.rateFen, i18n.language) },
    {
      title: t('travel.amount'),
      key: 'amount',
      align: 'right',
      render: (_, l) => <span data-testid="allowance-amount">{money(l.amountFen, i18n.language)}</span>,
    },
    { title: t('travel.explanation'), key: 'explanation', render: (_, l) => <ExplanationLine explanation={l.explanation} /> },
  ];
  return (
    <Table<TAllowanceLineOut>
      rowKey={lineKey}
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={lines}
      data-testid="allowance-table"
      footer={() => total}
    />
  );
}
