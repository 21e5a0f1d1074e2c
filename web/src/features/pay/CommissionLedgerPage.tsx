import type { TCommissionEntry } from '@techserve/core';
import { App, Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { money } from '../../shared/money';
import { useSession } from '../auth/useSession';
import { MonthPicker } from '../appraisal/MonthPicker';
import { useCommissionEntries, usePayError, usePayWrite } from './usePay';
import './i18n';

const STATES = ['pending', 'scheduled', 'released'] as const;
const STATE_COLOR = { pending: 'default', scheduled: 'blue', released: 'green' } as const;

/** PAY-3: the settlement and held-back shares of booked months, their release dates; book a closed month, release what is due. */
export function CommissionLedgerPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [state, setState] = useState<string | undefined>(undefined);
  const [month, setMonth] = useState(() => dayjs().subtract(1, 'month').format('YYYY-MM'));
  const entries = useCommissionEntries(state);
  const write = usePayWrite<{ month: string; scheduled?: number; items: TCommissionEntry[] }>();
  const onError = usePayError();
  const book = () =>
    write.mutate(
      { path: '/pay/commission/book', body: { month } },
      { onSuccess: (r) => void message.success(t('pay.booked', { count: r.items.length })), onError: (e) => onError(e) },
    );
  const release = () =>
    write.mutate(
      { path: '/pay/commission/release', body: {} },
      {
        onSuccess: (r) => void message.success(t('pay.released', { count: r.items.length, month: r.month, scheduled: r.scheduled ?? 0 })),
        onError: (e) => onError(e),
      },
    );
  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('pay.commission')} />
      <Card size="small">
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('pay.commissionHint')}</Typography.Text>
          <Flex gap={8} wrap>
            <Select
              allowClear
              style={{ minWidth: 160 }}
              placeholder={t('pay.allStates')}
              value={state}
              onChange={setState}
              options={STATES.map((s) => ({ value: s, label: t(`pay.state_${s}`) }))}
              data-testid="pay-state"
            />
            {can('pay.export') && (
              <>
                <MonthPicker value={month} onChange={setMonth} />
                <Button onClick={book} loading={write.isPending} data-testid="pay-book">
                  {t('pay.book')}
                </Button>
                <Button type="primary" onClick={release} loading={write.isPending} data-testid="pay-release">
                  {t('pay.release')}
                </Button>
              </>
            )}
          </Flex>
        </Flex>
      </Card>
      <Table<TCommissionEntry>
        size="small"
        rowKey="id"
        loading={entries.isFetching}
        dataSource={entries.data?.items ?? []}
        scroll={{ x: 720 }}
        columns={[
          { title: t('pay.name'), dataIndex: 'userName' },
          { title: t('pay.project'), dataIndex: 'projectName' },
          { title: t('pay.earnedMonth'), dataIndex: 'earnedMonth' },
          { title: t('pay.entryKind'), dataIndex: 'kind', render: (k: TCommissionEntry['kind']) => t(`pay.entry_${k}`) },
          { title: t('pay.amount'), dataIndex: 'amountFen', align: 'right', render: (fen: number) => money(fen, i18n.language) },
          {
            title: t('pay.state'),
            dataIndex: 'state',
            render: (s: TCommissionEntry['state']) => <Tag color={STATE_COLOR[s]}>{t(`pay.state_${s}`)}</Tag>,
          },
          { title: t('pay.releaseOn'), dataIndex: 'releaseOn', render: (d: string | null) => d ?? '—' },
          { title: t('pay.releasedMonth'), dataIndex: 'releasedMonth', render: (m: string | null) => m ?? '—' },
        ]}
      />
    </Flex>
  );
}
