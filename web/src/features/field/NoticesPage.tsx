import { PlusOutlined } from '@ant-design/icons';
import { NOTICE_STATUSES, type TServiceNotice } from '@techserve/core';
import { Button, Card, Empty, Flex, Grid, Segmented, Select, Spin, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ListTable } from '../../layout/ListTable';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { fieldKeys } from './fieldKeys';
import { LoadMore } from '../../shared/LoadMore';
import { NoticeStatusTag } from './NoticeStatusTag';
import { useFilledBox } from '../../shared/useFilledBox';
import { usePagedList } from '../../shared/usePagedList';
import './i18n';

const BOXES = ['mine', 'to_sign', 'all'] as const;

/** FS-1: service notices (服务通知单) — mine, waiting for my signature, all — with "new notice". */
export function NoticesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const isPhone = Grid.useBreakpoint().sm === false;
  const [params, setParams] = useSearchParams();
  const defaultBox = can('field.sign') ? 'to_sign' : can('field.notice') ? 'mine' : 'all';
  const status = params.get('status') ?? '';
  // Issue 12 item 16: with no box chosen, the first of them that has notices.
  const { box, report } = useFilledBox(BOXES, defaultBox, BOXES.find((b) => b === params.get('box')) ?? (status ? defaultBox : undefined));
  const query = useMemo(() => ({ box, ...(status ? { status } : {}) }), [box, status]);
  const notices = usePagedList<TServiceNotice>('/field/notices', fieldKeys.noticeList(query), query);
  const rows = useMemo(() => notices.data?.pages.flatMap((page) => page.items) ?? [], [notices.data]);
  const loaded = notices.isSuccess && !notices.isPlaceholderData;
  useEffect(() => report({ box, loaded, empty: rows.length === 0 }), [report, box, loaded, rows.length]);
  const setQuery = (next: Record<string, string>) =>
    setParams(Object.fromEntries(Object.entries({ ...query, ...next }).filter(([, v]) => v)), { replace: true });
  const open = (notice: TServiceNotice) => navigate(`/field/notices/${notice.id}`);

  const columns: ColumnsType<TServiceNotice> = [
    {
      title: t('field.number'),
      key: 'number',
      render: (_, n) => (
        <Link to={`/field/notices/${n.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
          {n.number}
        </Link>
      ),
    },
    { title: t('field.noticeTitle'), dataIndex: 'title', key: 'title' },
    { title: t('field.customer'), dataIndex: 'customerName', key: 'customer' },
    { title: t('field.status'), key: 'status', render: (_, n) => <NoticeStatusTag status={n.status} /> },
    { title: t('field.raisedBy'), dataIndex: 'createdByName', key: 'createdBy' },
    {
      title: t('field.createdAt'),
      key: 'createdAt',
      render: (_, n) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('field.noticesTitle')}
        extra={
          can('field.notice') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/field/notices/new')} data-testid="notice-create">
              {t('field.newNotice')}
            </Button>
          )
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('field.box')}
          value={box}
          onChange={(value) => setQuery({ box: String(value) })}
          options={BOXES.map((b) => ({ value: b, label: t(`field.noticeBox_${b}`) }))}
          data-testid="notice-box"
        />
        <Select
          allowClear
          placeholder={t('field.status')}
          value={status || undefined}
          onChange={(value) => setQuery({ status: value ?? '' })}
          options={NOTICE_STATUSES.map((s) => ({ value: s, label: t(`field.noticeStatus_${s}`) }))}
          style={{ minWidth: 140 }}
          data-testid="notice-status-filter"
        />
      </Flex>
      {isPhone ? (
        <Flex vertical gap={8} data-testid="notices-list">
          {notices.isLoading && <Spin />}
          {!notices.isLoading && rows.length === 0 && <Empty description={t('field.noNotices')} />}
          {rows.map((notice) => (
            <Card key={notice.id} size="small" hoverable onClick={() => open(notice)} data-testid="notice-card">
              <Flex justify="space-between" gap={8}>
                <Typography.Text style={{ fontFamily: 'monospace' }}>{notice.number}</Typography.Text>
                <NoticeStatusTag status={notice.status} />
              </Flex>
              <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: '6px 0 2px' }}>
                {notice.title}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{`${notice.customerName} · ${notice.createdByName}`}</Typography.Text>
            </Card>
          ))}
        </Flex>
      ) : (
        <ListTable<TServiceNotice>
          columns={columns}
          dataSource={rows}
          loading={notices.isLoading}
          locale={{ emptyText: <Empty description={t('field.noNotices')} /> }}
          onRow={(notice) => ({ onDoubleClick: () => open(notice) })}
          data-testid="notices-table"
        />
      )}
      <LoadMore list={notices} count={rows.length} testId="notices-more" />
    </>
  );
}
