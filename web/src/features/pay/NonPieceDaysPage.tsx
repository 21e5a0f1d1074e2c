import type { TPayMonthInputRow } from '@techserve/core';
import { App, Button, Card, Flex, InputNumber, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { PageHeader } from '../../layout/PageHeader';
import { money } from '../../shared/money';
import { usePolicyInForce } from '../../shared/usePolicyInForce';
import { useSession } from '../auth/useSession';
import { MonthPicker } from '../appraisal/MonthPicker';
import { monthParam } from '../appraisal/monthParam';
import { payKeys, usePayError, usePayWrite } from './usePay';
import './i18n';

/**
 * PAY-3 (issue 16 item 11): the days of a month's work that cannot be counted by the metre, per person in scope, paid
 * per day at the policy's rate. Saved with the row's version (a stale one is refused and the list reloaded); a closed
 * month is refused by the server (months.closed).
 */
export function NonPieceDaysPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [params] = useSearchParams();
  const [month, setMonth] = useState(() => monthParam(params.get('month')) ?? dayjs().format('YYYY-MM'));
  const list = useQuery({
    queryKey: [...payKeys.all, 'month-inputs', month],
    queryFn: ({ signal }) => api<{ items: TPayMonthInputRow[] }>(`/pay/month-inputs?month=${month}`, { signal }),
  });
  const policy = usePolicyInForce();
  const dailyFen = policy.data?.document.pay.commission.nonPieceWorkDailyFen;
  const [edits, setEdits] = useState<Record<number, number | null>>({});
  const write = usePayWrite<TPayMonthInputRow>();
  const onError = usePayError();
  const editable = can('pay.manage');
  const save = (row: TPayMonthInputRow) => {
    const days = edits[row.userId];
    if (days === undefined || days === null) return;
    write.mutate(
      {
        path: '/pay/month-inputs',
        method: 'PUT',
        body: { userId: row.userId, month, nonPieceDays: days, ...(row.version > 0 ? { version: row.version } : {}) },
      },
      {
        onSuccess: () => {
          setEdits(({ [row.userId]: _, ...rest }) => rest);
          void message.success(t('pay.saved'));
        },
        onError: (e) => {
          onError(e);
          setEdits(({ [row.userId]: _, ...rest }) => rest);
        },
      },
    );
  };
  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('pay.nonPieceDays')} />
      <Card size="small">
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">
            {t('pay.nonPieceHint', { rate: dailyFen === undefined ? '—' : money(dailyFen, i18n.language) })}
          </Typography.Text>
          <MonthPicker
            value={month}
            onChange={(m) => {
              setEdits({});
              setMonth(m);
            }}
          />
        </Flex>
      </Card>
      <Table<TPayMonthInputRow>
        size="small"
        rowKey="userId"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 360 }}
        columns={[
          { title: t('pay.name'), dataIndex: 'userName' },
          {
            title: t('pay.days'),
            dataIndex: 'nonPieceDays',
            render: (days: number, row) =>
              editable ? (
                <Flex gap={8} wrap>
                  <InputNumber
                    min={0}
                    max={31}
                    precision={0}
                    style={{ width: 80 }}
                    value={edits[row.userId] !== undefined ? edits[row.userId] : days}
                    onChange={(v) => setEdits((e) => ({ ...e, [row.userId]: v }))}
                    aria-label={t('pay.daysOf', { name: row.userName })}
                    data-testid={`pay-days-${row.userId}`}
                  />
                  <Button
                    size="small"
                    type="primary"
                    disabled={edits[row.userId] === undefined || edits[row.userId] === null}
                    onClick={() => save(row)}
                    data-testid={`pay-days-save-${row.userId}`}
                  >
                    {t('pay.save')}
                  </Button>
                </Flex>
              ) : (
                days
              ),
          },
          {
            title: t('pay.amount'),
            key: 'amount',
            align: 'right',
            render: (_: unknown, row) => (dailyFen === undefined ? '—' : money(row.nonPieceDays * dailyFen, i18n.language)),
          },
        ]}
      />
    </Flex>
  );
}
