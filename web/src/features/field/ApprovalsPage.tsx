import type { TLetterSummary, TLetterStatus } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Card, Col, Empty, List, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { PageHeader } from '../../layout/PageHeader';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { usePagedList } from '../../shared/usePagedList';
import './i18n';
import { formatList } from '../../shared/formatList';

type TMissingReport = {
  letterId: number;
  letterNumber: string;
  customerName: string;
  dueOn: string;
  overdue: boolean;
  engineers: string[];
};

/** One inbox column: letters in `status` waiting for the supervisor, each linking to where the decision is taken. */
function Inbox({ status, title, linkTo }: { status: TLetterStatus; title: string; linkTo: (letter: TLetterSummary) => string }) {
  const { t, i18n } = useTranslation();
  // By status alone, in the supervisor's scope: the 'to_approve' box holds only submitted and returned letters, so
  // asking it for returns to approve found nothing (issue 12 item 2).
  const query = useMemo(() => ({ status }), [status]);
  const letters = usePagedList<TLetterSummary>('/field/letters', fieldKeys.letterList(query), query);
  const rows = letters.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card
      size="small"
      title={
        <Badge count={rows.length} offset={[12, 0]} showZero color={rows.length ? 'blue' : 'gray'}>
          {title}
        </Badge>
      }
      data-testid={`inbox-${status}`}
    >
      <List
        size="small"
        loading={letters.isLoading}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('field.inboxEmpty')} /> }}
        renderItem={(letter) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={linkTo(letter)}>{`${letter.number} · ${letter.customerName}`}</Link>}
              description={`${letter.title} · ${
                formatList(
                  letter.engineers.map((e) => e.name),
                  i18n.language,
                ) || t('field.noEngineers')
              } · ${formatInstant(letter.appointmentAt)}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * FS-9/FS-10 for the supervisor: letter plans to approve, returns waiting for approval, letters to confirm after the
 * trip — and (FS-6) same-day difficulty reports that are missing.
 */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const missing = useQuery({
    queryKey: [...fieldKeys.all, 'missing-reports'],
    queryFn: ({ signal }) => api<{ items: TMissingReport[] }>('/field/difficulty-reports/missing', { signal }),
  });
  return (
    <>
      <PageHeader title={t('field.approvalsTitle')} />
      {(missing.data?.items.length ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('field.missingReports')}
          data-testid="missing-reports"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {missing.data!.items.map((r) => (
                <li key={r.letterId}>
                  <Link to={`/field/jobs/${r.letterId}`}>{r.letterNumber}</Link>
                  {` · ${r.customerName} · ${formatList(r.engineers, i18n.language)} · ${t('field.dueOn', { date: r.dueOn })}`}
                  {r.overdue && <Typography.Text type="danger">{` · ${t('field.overdue')}`}</Typography.Text>}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={8}>
          <Inbox status="submitted" title={t('field.inboxToApprove')} linkTo={(l) => `/field/letters/${l.id}`} />
        </Col>
        <Col xs={24} lg={8}>
          <Inbox status="return_requested" title={t('field.inboxReturns')} linkTo={(l) => `/field/jobs/${l.id}`} />
        </Col>
        <Col xs={24} lg={8}>
          <Inbox status="returned" title={t('field.inboxToConfirm')} linkTo={(l) => `/field/letters/${l.id}`} />
        </Col>
      </Row>
    </>
  );
}
