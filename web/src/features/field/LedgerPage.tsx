import type { TLedgerQuery } from '@techserve/core';
import { DatePicker, Empty, Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { ZLedgerEntry } from '@techserve/core';
import { ListTable } from '../../layout/ListTable';
import { PageHeader } from '../../layout/PageHeader';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { LoadMore } from '../../shared/LoadMore';
import { usePagedList } from '../../shared/usePagedList';
import '../tickets/i18n';
import './i18n';
import { formatList } from '../../shared/formatList';

type TLedgerEntry = z.infer<typeof ZLedgerEntry>;

/** FS-10: the service ledger (服务台账) sales admin keeps — booked letters with the customer's evaluation, by month. */
export function LedgerPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? dayjs().format('YYYY-MM');
  const query = useMemo<Record<string, string>>(() => ({ month }) satisfies Pick<TLedgerQuery, 'month'>, [month]);
  const ledger = usePagedList<TLedgerEntry>('/field/ledger', fieldKeys.ledger(query), query);
  const rows = useMemo(() => ledger.data?.pages.flatMap((page) => page.items) ?? [], [ledger.data]);
  const grade = (g: string) => t(`tickets.grade_${g}`);

  const columns: ColumnsType<TLedgerEntry> = [
    {
      title: t('field.number'),
      key: 'number',
      render: (_, e) => (
        <Link to={`/field/letters/${e.letterId}`} style={{ fontFamily: 'monospace' }}>
          {e.number}
        </Link>
      ),
    },
    { title: t('field.customer'), dataIndex: 'customerName', key: 'customer' },
    { title: t('field.letterTitle'), dataIndex: 'title', key: 'title' },
    { title: t('field.engineers'), key: 'engineers', render: (_, e) => formatList(e.engineers, i18n.language) },
    { title: t('field.appointment'), key: 'appointment', render: (_, e) => formatInstant(e.appointmentAt) },
    { title: t('field.confirmedAtLabel'), key: 'confirmed', render: (_, e) => formatInstant(e.confirmedAt) },
    {
      title: t('field.evaluation'),
      key: 'evaluation',
      render: (_, e) =>
        e.evaluation ? (
          `${grade(e.evaluation.attitude)} / ${grade(e.evaluation.skill)} / ${grade(e.evaluation.result)}`
        ) : (
          <Typography.Text type="warning">{t('field.unsigned')}</Typography.Text>
        ),
    },
    { title: t('field.bookedAt'), key: 'booked', render: (_, e) => `${formatInstant(e.bookedAt)} · ${e.bookedByName}` },
    { title: t('field.ledgerNote'), key: 'note', render: (_, e) => e.note ?? '—' },
  ];

  return (
    <>
      <PageHeader title={t('field.ledgerTitle')} />
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          value={dayjs(`${month}-01`)}
          allowClear={false}
          onChange={(d) => d && setParams({ month: d.format('YYYY-MM') }, { replace: true })}
          inputReadOnly
          data-testid="ledger-month"
        />
      </Flex>
      <ListTable<TLedgerEntry>
        rowKey="letterId"
        columns={columns}
        dataSource={rows}
        loading={ledger.isLoading}
        locale={{ emptyText: <Empty description={t('field.ledgerEmpty')} /> }}
        data-testid="ledger-table"
      />
      <LoadMore list={ledger} count={rows.length} testId="ledger-more" />
    </>
  );
}
