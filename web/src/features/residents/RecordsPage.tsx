import type { TOperationsRecord, TOperationsRecordCreate } from '@techserve/core';
import { App, Button, Card, Empty, Flex, Form, Input, List, Radio, Select, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { SignatureField } from '../field/SignatureField';
import { SitePicker } from './SitePicker';
import { useRecords, useResidentSite, useResidentSites, useResidentsWrite } from './useResidents';
import './i18n';

type FormValues = Omit<TOperationsRecordCreate, 'signature' | 'approverId'> & {
  how: 'drawn' | 'app';
  signerName?: string;
  dataUrl?: string | null;
  approverId?: number;
};

/** RS-8: one record as a card (phone first): times, place, people, content, result and who signed. */
function RecordCard({ record, onApprove }: { record: TOperationsRecord; onApprove?: () => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={`record-${record.id}`} style={{ width: '100%' }}>
      <Flex vertical gap={4}>
        <Flex justify="space-between" wrap gap={4}>
          <Typography.Text strong>
            {record.date} {record.startTime}–{record.endTime} · {record.place}
          </Typography.Text>
          <Tag color={record.status === 'signed' ? 'green' : 'orange'}>{t(`residents.status_${record.status}`)}</Tag>
        </Flex>
        <Typography.Text>{record.content}</Typography.Text>
        <Typography.Text type="secondary">
          {t('residents.resultText')}：{record.result}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('residents.headcountOf', { count: record.headcount })}：
          {record.people.map((p) => `${p.name} ${p.inTime}–${p.outTime}`).join('，')}
        </Typography.Text>
        <Flex gap={8} align="center" wrap>
          {record.status === 'signed' ? (
            <Typography.Text>{t('residents.signedBy', { name: record.signerName ?? '' })}</Typography.Text>
          ) : (
            <Typography.Text type="warning">{t('residents.awaitingApprover', { name: record.approver?.name ?? '' })}</Typography.Text>
          )}
          {record.signatureUrl && (
            <Typography.Link href={record.signatureUrl} target="_blank">
              {t('residents.viewSignature')}
            </Typography.Link>
          )}
          {onApprove && (
            <Button type="primary" size="small" onClick={onApprove} data-testid="approve">
              {t('residents.approve')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}

/**
 * RS-8 (item 9): a site's operations records of a month, and on a phone the new record signed right there by the
 * client's project lead (SignaturePad) or named for approval in the app; the named client user approves here.
 */
export function RecordsPage() {
  const { t } = useTranslation();
  const { can, session } = useSession();
  const { message } = App.useApp();
  const onError = useApiError();
  const sites = useResidentSites();
  const [chosen, setChosen] = useState<number>();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [open, setOpen] = useState(false);
  const siteId = chosen ?? sites.data?.items[0]?.id;
  const site = useResidentSite(siteId);
  const records = useRecords(siteId, month);
  const create = useResidentsWrite<TOperationsRecordCreate, TOperationsRecord>();
  const approve = useResidentsWrite<{ version: number }, TOperationsRecord>();
  const [form] = Form.useForm<FormValues>();
  const how = Form.useWatch('how', form) ?? 'drawn';
  if (sites.isLoading) return <Spin />;
  if (siteId === undefined) return <Empty description={t('residents.noSites')} />;

  const submit = (v: FormValues) => {
    const { how: signHow, signerName, dataUrl, approverId, ...rest } = v;
    const body: TOperationsRecordCreate =
      signHow === 'drawn' ? { ...rest, signature: { signerName: signerName ?? '', dataUrl: dataUrl ?? '' } } : { ...rest, approverId };
    create.mutate(
      { path: `/residents/sites/${siteId}/records`, body },
      {
        onSuccess: () => {
          void message.success(t('residents.recordSaved'));
          form.resetFields();
          setOpen(false);
        },
        onError: (e) => onError(e),
      },
    );
  };
  const required = [{ required: true }];
  return (
    <Flex vertical gap={12} style={{ maxWidth: 560 }}>
      <PageHeader
        title={t('residents.recordsTitle')}
        extra={
          <Flex gap={8} wrap>
            <SitePicker sites={sites.data?.items ?? []} value={siteId} onChange={setChosen} />
            <Input
              type="month"
              value={month}
              onChange={(e) => e.target.value && setMonth(e.target.value)}
              aria-label={t('residents.month')}
              style={{ width: 160 }}
            />
          </Flex>
        }
      />
      {can('residents.write') && (
        <Button type="primary" block onClick={() => setOpen((o) => !o)} data-testid="new-record">
          {t('residents.newRecord')}
        </Button>
      )}
      {open && (
        <Card size="small" title={t('residents.newRecord')}>
          <Form<FormValues>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ date: dayjs().format('YYYY-MM-DD'), how: 'drawn', people: [{ name: '', inTime: '', outTime: '' }] }}
          >
            <Form.Item name="date" label={t('residents.date')} rules={required}>
              <Input type="date" />
            </Form.Item>
            <Flex gap={8}>
              <Form.Item name="startTime" label={t('residents.startTime')} rules={required} style={{ flex: 1 }}>
                <Input type="time" />
              </Form.Item>
              <Form.Item name="endTime" label={t('residents.endTime')} rules={required} style={{ flex: 1 }}>
                <Input type="time" />
              </Form.Item>
            </Flex>
            <Form.Item name="place" label={t('residents.place')} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="content" label={t('residents.content')} rules={required}>
              <Input.TextArea maxLength={4000} autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item name="result" label={t('residents.resultText')} rules={required}>
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 1 }} />
            </Form.Item>
            <Typography.Text strong>{t('residents.people')}</Typography.Text>
            <Form.List name="people">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={4} align="start">
                      <Form.Item name={[f.name, 'name']} rules={required} style={{ flex: 2 }}>
                        <Input placeholder={t('residents.personName')} maxLength={100} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'inTime']} rules={required} style={{ flex: 1 }}>
                        <Input type="time" aria-label={t('residents.inTime')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'outTime']} rules={required} style={{ flex: 1 }}>
                        <Input type="time" aria-label={t('residents.outTime')} />
                      </Form.Item>
                      {fields.length > 1 && <Button onClick={() => remove(f.name)}>−</Button>}
                    </Flex>
                  ))}
                  <Button onClick={() => add({ name: '', inTime: '', outTime: '' })} style={{ marginBottom: 12 }}>
                    {t('residents.addPerson')}
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item name="how" label={t('residents.signHow')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'drawn', label: t('residents.signDrawn') },
                  { value: 'app', label: t('residents.signApp') },
                ]}
              />
            </Form.Item>
            {how === 'drawn' ? (
              <>
                <Form.Item name="signerName" label={t('residents.signerName')} rules={required}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name="dataUrl" rules={required}>
                  <SignatureField />
                </Form.Item>
              </>
            ) : (
              <Form.Item name="approverId" label={t('residents.approver')} rules={required}>
                <Select options={(site.data?.signers ?? []).map((s) => ({ value: s.id, label: s.name }))} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={create.isPending} data-testid="submit-record">
              {t('residents.submitRecord')}
            </Button>
          </Form>
        </Card>
      )}
      {records.isLoading ? (
        <Spin />
      ) : (
        <List
          dataSource={records.data?.items ?? []}
          locale={{ emptyText: t('residents.noRecords') }}
          renderItem={(r) => (
            <List.Item style={{ paddingInline: 0 }}>
              <RecordCard
                record={r}
                onApprove={
                  r.status === 'awaiting_approval' && r.approver?.id === session?.user.id && can('residents.sign')
                    ? () =>
                        approve.mutate(
                          { path: `/residents/records/${r.id}/approve`, body: { version: r.version } },
                          { onSuccess: () => void message.success(t('residents.approved')), onError: (e) => onError(e) },
                        )
                    : undefined
                }
              />
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
