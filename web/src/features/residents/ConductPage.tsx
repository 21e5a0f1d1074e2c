import type { TConductPoint, TConductPointCreate, TConductWithdraw } from '@techserve/core';
import { App, Button, Card, Flex, Form, Input, List, Select, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { TextPromptDialog } from '../../shared/TextPromptDialog';
import { useSession } from '../auth/useSession';
import { SitePicker } from './SitePicker';
import { useConduct, useResidentSites, useResidentsWrite } from './useResidents';
import './i18n';

/** RS-9: record an offence with evidence (text and an optional photo or PDF sent after the point is saved). */
function RecordPointForm({
  people,
  items,
  onDone,
}: {
  people: { id: number; name: string }[];
  items: { id: string; name: { 'zh-CN': string; en: string }; points: number }[];
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const create = useResidentsWrite<TConductPointCreate, TConductPoint>();
  const attach = useResidentsWrite<FormData, TConductPoint>();
  const [file, setFile] = useState<File | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const required = [{ required: true }];
  return (
    <Form<TConductPointCreate>
      layout="vertical"
      initialValues={{ date: dayjs().format('YYYY-MM-DD') }}
      onFinish={(body) =>
        create.mutate(
          { path: '/residents/conduct-points', body },
          {
            onSuccess: (point) => {
              void message.success(t('residents.pointSaved'));
              if (file) {
                const form = new FormData();
                form.append('file', file);
                attach.mutate({ path: `/residents/conduct-points/${point.id}/attachment`, body: form }, { onError: (e) => onError(e) });
              }
              onDone();
            },
            onError: (e) => onError(e),
          },
        )
      }
    >
      <Form.Item name="userId" label={t('residents.person')} rules={required}>
        <Select options={people.map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
      <Form.Item name="date" label={t('residents.date')} rules={required}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="itemId" label={t('residents.item')} rules={required}>
        <Select options={items.map((i) => ({ value: i.id, label: `${i.name[lang]}（${i.points}）` }))} />
      </Form.Item>
      <Form.Item name="evidence" label={t('residents.evidence')} rules={required}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item label={t('residents.evidenceFile')}>
        <input
          type="file"
          accept="image/*,application/pdf"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="evidence-file"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={create.isPending} data-testid="record-point">
        {t('residents.recordPoint')}
      </Button>
    </Form>
  );
}

/**
 * RS-9 (item 10): the month's conduct points — totals per person combining the attendance evaluation's late points
 * with the recorded offences and corrections, each explained; the recorded points with their evidence; recording and
 * withdrawing (residents.conduct).
 */
export function ConductPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const onError = useApiError();
  const sites = useResidentSites();
  const [siteId, setSiteId] = useState<number>();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<TConductPoint | null>(null);
  const conduct = useConduct(month, siteId);
  const withdraw = useResidentsWrite<TConductWithdraw, TConductPoint>();
  const data = conduct.data;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <PageHeader
        title={t('residents.conductTitle')}
        extra={
          <Flex gap={8} wrap>
            <SitePicker sites={sites.data?.items ?? []} value={siteId} onChange={setSiteId} />
            <Input
              type="month"
              value={month}
              onChange={(e) => e.target.value && setMonth(e.target.value)}
              aria-label={t('residents.month')}
              style={{ width: 160 }}
            />
            {data?.closed && <Tag>{t('residents.closed')}</Tag>}
          </Flex>
        }
      />
      {can('residents.conduct') && data && !data.closed && (
        <Button type="primary" block onClick={() => setRecording((r) => !r)} data-testid="new-point">
          {t('residents.recordPoint')}
        </Button>
      )}
      {recording && data && (
        <Card size="small">
          <RecordPointForm
            people={data.totals.map((p) => ({ id: p.userId, name: p.userName }))}
            items={data.items}
            onDone={() => setRecording(false)}
          />
        </Card>
      )}
      {!data ? (
        <Spin />
      ) : (
        <>
          <Card size="small" title={t('residents.totals')} data-testid="conduct-totals">
            <List
              dataSource={data.totals}
              locale={{ emptyText: t('residents.empty') }}
              renderItem={(p) => (
                <List.Item>
                  <Flex vertical gap={4} style={{ width: '100%' }} data-testid={`total-${p.userId}`}>
                    <Flex justify="space-between" wrap gap={4}>
                      <Typography.Text strong>{p.userName}</Typography.Text>
                      <Typography.Text>
                        {t('residents.fromEvaluation')} {p.fromEvaluation} · {t('residents.recorded')} {p.recorded} ·{' '}
                        {t('residents.adjustments')} {p.adjustments} ·{' '}
                        <strong>
                          {t('residents.total')} {p.total}
                        </strong>
                      </Typography.Text>
                    </Flex>
                    {p.explanations.map((e, i) => (
                      <ExplanationLine key={i} explanation={e} testId="total-explanation" />
                    ))}
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('residents.points')}>
            <List
              dataSource={data.points}
              locale={{ emptyText: t('residents.noPoints') }}
              renderItem={(p) => (
                <List.Item
                  actions={
                    can('residents.conduct') && p.status === 'active' && p.adjustmentId === null
                      ? [
                          <Button key="w" size="small" danger onClick={() => setWithdrawing(p)} data-testid={`withdraw-${p.id}`}>
                            {t('residents.withdraw')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <Flex vertical gap={2} data-testid={`point-${p.id}`}>
                    <Typography.Text delete={p.status === 'withdrawn'}>
                      {p.userName} · {p.date} · <Tag>{t(`residents.source_${p.source}`)}</Tag>
                    </Typography.Text>
                    <ExplanationLine explanation={p.explanation} testId="point-explanation" />
                    <Typography.Text type="secondary">
                      {t('residents.evidence')}：{p.evidence}
                      {p.attachment && (
                        <>
                          {' · '}
                          <Typography.Link href={p.attachment.url} target="_blank">
                            {p.attachment.fileName}
                          </Typography.Link>
                        </>
                      )}
                    </Typography.Text>
                    {p.status === 'withdrawn' && <Tag>{t('residents.withdrawn')}</Tag>}
                    {p.adjustmentId !== null && <Tag color="purple">{t('residents.withdrawnByAdjustment')}</Tag>}
                    {p.withdrawReason && <Typography.Text type="secondary">{p.withdrawReason}</Typography.Text>}
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
      <TextPromptDialog
        open={withdrawing !== null}
        title={t('residents.withdraw')}
        label={t('residents.withdrawReason')}
        maxLength={500}
        danger
        loading={withdraw.isPending}
        onClose={() => setWithdrawing(null)}
        onSubmit={(reason) =>
          withdrawing &&
          withdraw.mutate(
            { path: `/residents/conduct-points/${withdrawing.id}/withdraw`, body: { version: withdrawing.version, reason } },
            {
              onSuccess: () => {
                void message.success(t('residents.saved'));
                setWithdrawing(null);
              },
              onError: (e) => onError(e),
            },
          )
        }
      />
    </Flex>
  );
}
