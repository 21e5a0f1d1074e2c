import { LETTER_STATUSES, type TLetterSummary } from '@techserve/core';
import { Card, Empty, Flex, Grid, Segmented, Select, Spin, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ListTable } from '../../layout/ListTable';
import { ExportButton } from '../../layout/ExportButton';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { LetterStatusTag } from './LetterStatusTag';
import { LoadMore } from '../../shared/LoadMore';
import { useFilledBox } from '../../shared/useFilledBox';
import { usePagedList } from '../../shared/usePagedList';
import './i18n';
import { formatList } from '../../shared/formatList';

const BOXES = ['mine', 'to_approve', 'all'] as const;

/** FS-2/FS-10: responsibility letters (项目责任书) — mine, waiting for approval or confirmation, all. */
export function LettersPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const isPhone = Grid.useBreakpoint().sm === false;
  const [params, setParams] = useSearchParams();
  const defaultBox = can('field.approve') ? 'to_approve' : can('field.work') ? 'mine' : 'all';
  const status = params.get('status') ?? '';
  // Issue 12 item 16: with no box chosen, the first of them that has letters.
  const { box, report } = useFilledBox(BOXES, defaultBox, BOXES.find((b) => b === params.get('box')) ?? (status ? defaultBox : undefined));
  const query = useMemo(() => ({ box, ...(status ? { status } : {}) }), [box, status]);
  const letters = usePagedList<TLetterSummary>('/field/letters', fieldKeys.letterList(query), query);
  const rows = useMemo(() => letters.data?.pages.flatMap((page) => page.items) ?? [], [letters.data]);
  const loaded = letters.isSuccess && !letters.isPlaceholderData;
  useEffect(() => report({ box, loaded, empty: rows.length === 0 }), [report, box, loaded, rows.length]);
  const setQuery = (next: Record<string, string>) =>
    setParams(Object.fromEntries(Object.entries({ ...query, ...next }).filter(([, v]) => v)), { replace: true });
  const engineers = (letter: TLetterSummary) =>
    formatList(
      letter.engineers.map((e) => e.name),
      i18n.language,
    ) || t('field.noEngineers');

  const columns: ColumnsType<TLetterSummary> = [
    {
      title: t('field.number'),
      key: 'number',
      render: (_, l) => (
        <Link to={`/field/letters/${l.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
          {l.number}
        </Link>
      ),
    },
    {
      title: t('field.letterTitle'),
      key: 'title',
      render: (_, l) => (
        <>
          {l.title}
          {l.siteMismatch && (
            <Tag color="warning" style={{ marginLeft: 6 }}>
              {t('field.siteMismatch')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('field.customer'), dataIndex: 'customerName', key: 'customer' },
    { title: t('field.status'), key: 'status', render: (_, l) => <LetterStatusTag status={l.status} /> },
    { title: t('field.engineers'), key: 'engineers', render: (_, l) => engineers(l) },
    {
      title: t('field.appointment'),
      key: 'appointment',
      render: (_, l) => <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(l.appointmentAt)}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('field.lettersTitle')}
        extra={<ExportButton path="/exports/letters.xlsx" query={query} testId="letters-export" />}
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('field.box')}
          value={box}
          onChange={(value) => setQuery({ box: String(value) })}
          options={BOXES.map((b) => ({ value: b, label: t(`field.letterBox_${b}`) }))}
          data-testid="letter-box"
        />
        <Select
          allowClear
          placeholder={t('field.status')}
          value={status || undefined}
          onChange={(value) => setQuery({ status: value ?? '' })}
          options={LETTER_STATUSES.map((s) => ({ value: s, label: t(`field.letterStatus_${s}`) }))}
          style={{ minWidth: 140 }}
          data-testid="letter-status-filter"
        />
      </Flex>
      {isPhone ? (
        <Flex vertical gap={8} data-testid="letters-list">
          {letters.isLoading && <Spin />}
          {!letters.isLoading && rows.length === 0 && <Empty description={t('field.noLetters')} />}
          {rows.map((letter) => (
            <Card key={letter.id} size="small" hoverable onClick={() => navigate(`/field/letters/${letter.id}`)} data-testid="letter-card">
              <Flex justify="space-between" gap={8}>
                <Typography.Text style={{ fontFamily: 'monospace' }}>{letter.number}</Typography.Text>
                <LetterStatusTag status={letter.status} />
              </Flex>
              <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: '6px 0 2px' }}>
                {letter.title}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{`${letter.customerName} · ${formatInstant(letter.appointmentAt)} · ${engineers(letter)}`}</Typography.Text>
            </Card>
          ))}
        </Flex>
      ) : (
        <ListTable<TLetterSummary>
          columns={columns}
          dataSource={rows}
          loading={letters.isLoading}
          locale={{ emptyText: <Empty description={t('field.noLetters')} /> }}
          onRow={(letter) => ({ onDoubleClick: () => navigate(`/field/letters/${letter.id}`) })}
          data-testid="letters-table"
        />
      )}
      <LoadMore list={letters} count={rows.length} testId="letters-more" />
    </>
  );
}
