import { type TPersonnelChange, CHANGE_SIGNER_ROLES } from '@techserve/core';
import { App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Radio, Spin, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { SignaturePad } from '../../shared/SignaturePad';
import { useSession } from '../auth/useSession';
import { CancelCard } from './CancelCard';
import { personnelKeys, useChange, useClientDecision, usePersonnelWrite, useUploadCv } from './usePersonnel';
import './i18n';

type Versioned = { id: number; version: number };

/** RS-6/RS-7: one change with its timeline, checklist and the step due next; the confirmation form is signed on a phone. */
export function ChangeDetailPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const change = useChange(id);
  if (change.isLoading || !change.data) return <Spin />;
  const c = change.data;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Flex vertical gap={12} style={{ maxWidth: 860 }}>
      <PageHeader title={`${t('personnel.changesTitle')} #${c.id}`} />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <Tag>{t(`personnel.kind_${c.kind}`)}</Tag>
          <Tag color="blue">{t(`personnel.status_${c.status}`)}</Tag>
          {c.overdue && <Tag color="red">{t('personnel.overdue')}</Tag>}
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('personnel.site')}>{c.siteName}</Descriptions.Item>
          <Descriptions.Item label={t('personnel.outgoing')}>{c.outgoingName}</Descriptions.Item>
          <Descriptions.Item label={t('personnel.incoming')}>{c.incomingName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('personnel.changeDate')}>{c.changeDate ?? '—'}</Descriptions.Item>
          {c.requestDeadline && <Descriptions.Item label={t('personnel.requestDeadline')}>{c.requestDeadline}</Descriptions.Item>}
          {c.dueDate && <Descriptions.Item label={t('personnel.dueDate')}>{c.dueDate}</Descriptions.Item>}
          <Descriptions.Item label={t('personnel.reason')}>
            {c.reasonKind ? `${t(`personnel.reason_${c.reasonKind}`)}：` : ''}
            {c.reason}
          </Descriptions.Item>
          {c.qualifications && <Descriptions.Item label={t('personnel.qualifications')}>{c.qualifications}</Descriptions.Item>}
          {c.cv && (
            <Descriptions.Item label={t('personnel.cv')}>
              <a href={`/api/v1/personnel-changes/${c.id}/cv`}>{c.cv.fileName}</a>
            </Descriptions.Item>
          )}
          {c.handoverStart && (
            <Descriptions.Item label={t('personnel.handover')}>
              {c.handoverStart} – {c.handoverEnd}
            </Descriptions.Item>
          )}
        </Descriptions>
        {c.explanations.length > 0 && (
          <Flex vertical gap={2} style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('personnel.explanations')}</Typography.Text>
            {c.explanations.map((e, i) => (
              <Typography.Text key={i} type="secondary" style={{ fontSize: 12 }}>
                {e.text[lang]}
              </Typography.Text>
            ))}
          </Flex>
        )}
      </Card>
      <NextStep change={c} />
      <CancelCard change={c} />
      {(c.status === 'handover' || c.status === 'completed') && <ChecklistCard change={c} />}
      <Card size="small" title={t('personnel.timeline')}>
        <Timeline
          items={c.timeline.map((e) => ({
            children: (
              <span>
                {eventLabel(t, e.event)} · {e.at.slice(0, 16).replace('T', ' ')}
                {e.byName ? ` · ${e.byName}` : ''}
              </span>
            ),
          }))}
        />
      </Card>
    </Flex>
  );
}

function eventLabel(t: (k: string) => string, event: string) {
  const [head, tail] = event.split('.');
  if (head === 'checklist') return `${t('personnel.checklist')}：${t(`personnel.item_${tail}`)}`;
  if (head === 'signed') return `${t('personnel.signed')}：${t(`personnel.role_${tail}`)}`;
  return t(`personnel.event_${head}`);
}

/** The step due next, shown to whoever may take it. */
function NextStep({ change: c }: { change: TPersonnelChange }) {
  const { t } = useTranslation();
  const { can } = useSession();
  if ((c.status === 'notice' || c.status === 'client_requested') && can('personnel.manage')) return <RequestCard change={c} />;
  if (c.status === 'requested' && can('personnel.approve')) return <DecisionCard change={c} path={`/personnel-changes/${c.id}/decision`} />;
  if (c.status === 'company_approved' && can('personnel.client')) return <DecisionCard change={c} client />;
  if (c.status === 'approved' && can('personnel.manage')) return <HandoverCard change={c} />;
  if (c.status === 'handover') return <SignCard change={c} />;
  if (c.status === 'completed' && c.hasPdf)
    return (
      <Card size="small">
        <a href={`/api/v1/personnel-changes/${c.id}/form.pdf`}>{t('personnel.downloadPdf')}</a>
      </Card>
    );
  return null;
}

function RequestCard({ change: c }: { change: TPersonnelChange }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadCv(c.id);
  const submit = usePersonnelWrite<Versioned & Record<string, unknown>>((b) => `/personnel-changes/${b.id}/request`);
  const onError = useApiError({ reload: [personnelKeys.one(c.id)] });
  const [form] = Form.useForm<{ incomingUserId?: number; incomingName: string; qualifications: string; changeDate?: Dayjs }>();
  return (
    <Card size="small" title={t('personnel.request')}>
      <Flex vertical gap={8}>
        <label>
          {t('personnel.uploadCv')}{' '}
          <input
            type="file"
            accept=".pdf,.docx,image/*"
            data-testid="cv-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file)
                upload.mutate(file, { onSuccess: () => void message.success(t('personnel.cvUploaded')), onError: (err) => onError(err) });
            }}
          />
        </label>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            submit.mutate(
              {
                id: c.id,
                version: c.version,
                incomingUserId: v.incomingUserId,
                incomingName: v.incomingName,
                qualifications: v.qualifications,
                changeDate: v.changeDate?.format('YYYY-MM-DD'),
              },
              { onSuccess: () => void message.success(t('personnel.saved')), onError: (e) => onError(e, form) },
            )
          }
        >
          <Form.Item name="incomingUserId" label={t('personnel.incomingUserId')}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="incomingName" label={t('personnel.incomingName')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="qualifications" label={t('personnel.qualifications')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          {c.kind === 'replacement' && (
            <Form.Item name="changeDate" label={t('personnel.changeDate')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={submit.isPending}>
            {t('personnel.submit')}
          </Button>
        </Form>
      </Flex>
    </Card>
  );
}

function DecisionCard({ change: c, path, client }: { change: TPersonnelChange; path?: string; client?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const company = usePersonnelWrite<Versioned & { approve: boolean }>(() => path ?? '');
  const clientDecision = useClientDecision();
  const onError = useApiError({ reload: [personnelKeys.one(c.id)] });
  const decide = (approve: boolean) => {
    const done = {
      onSuccess: () => void message.success(t(approve ? 'personnel.approved' : 'personnel.rejected')),
      onError: (e: unknown) => onError(e),
    };
    if (client) clientDecision.mutate({ kind: 'personnel_change', id: c.id, version: c.version, approve }, done);
    else company.mutate({ id: c.id, version: c.version, approve }, done);
  };
  return (
    <Card size="small" title={t(client ? 'personnel.clientDecision' : 'personnel.companyDecision')}>
      <Flex gap={8}>
        <Button type="primary" onClick={() => decide(true)} loading={company.isPending || clientDecision.isPending}>
          {t('personnel.approve')}
        </Button>
        <Button danger onClick={() => decide(false)} loading={company.isPending || clientDecision.isPending}>
          {t('personnel.reject')}
        </Button>
      </Flex>
    </Card>
  );
}

function HandoverCard({ change: c }: { change: TPersonnelChange }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const start = usePersonnelWrite<Versioned & { start: string; end: string }>((b) => `/personnel-changes/${b.id}/handover`);
  const onError = useApiError({ reload: [personnelKeys.one(c.id)] });
  const [form] = Form.useForm<{ start: Dayjs; end: Dayjs }>();
  return (
    <Card size="small" title={t('personnel.handover')}>
      <Typography.Paragraph type="secondary">{t('personnel.handoverHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          start.mutate(
            { id: c.id, version: c.version, start: v.start.format('YYYY-MM-DD'), end: v.end.format('YYYY-MM-DD') },
            { onSuccess: () => void message.success(t('personnel.saved')), onError: (e) => onError(e, form) },
          )
        }
      >
        <Form.Item name="start" label={t('personnel.handoverStart')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="end" label={t('personnel.handoverEnd')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={start.isPending}>
          {t('personnel.startHandover')}
        </Button>
      </Form>
    </Card>
  );
}

function ChecklistCard({ change: c }: { change: TPersonnelChange }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const tick = usePersonnelWrite<Versioned & { item: string }>((b) => `/personnel-changes/${b.id}/checklist`);
  const test = usePersonnelWrite<Versioned & { passed: boolean; note: string }>((b) => `/personnel-changes/${b.id}/test`);
  const onError = useApiError({ reload: [personnelKeys.one(c.id)] });
  const [testForm] = Form.useForm<{ passed: boolean; note: string }>();
  return (
    <Card size="small" title={t('personnel.checklist')}>
      <Flex vertical gap={6}>
        {c.checklist.map((i) => (
          <Flex key={i.item} gap={8} align="center" wrap>
            <Typography.Text>{t(`personnel.item_${i.item}`)}</Typography.Text>
            {i.done ? (
              <Tag color="green">
                {t('personnel.done')} {i.byName}
              </Tag>
            ) : (
              can('personnel.manage') &&
              c.status === 'handover' && (
                <Button
                  size="small"
                  loading={tick.isPending}
                  onClick={() => tick.mutate({ id: c.id, version: c.version, item: i.item }, { onError: (e) => onError(e) })}
                >
                  {t('personnel.markDone')}
                </Button>
              )
            )}
          </Flex>
        ))}
        <Typography.Text strong style={{ marginTop: 8 }}>
          {t('personnel.test')}
        </Typography.Text>
        {c.test ? (
          <Typography.Text>
            {t(c.test.passed ? 'personnel.testPassed' : 'personnel.testFailed')}：{c.test.note}（{c.test.byName}）
          </Typography.Text>
        ) : (
          can('personnel.client') &&
          c.status === 'handover' && (
            <Form
              form={testForm}
              layout="vertical"
              onFinish={(v) => test.mutate({ id: c.id, version: c.version, ...v }, { onError: (e) => onError(e, testForm) })}
            >
              <Form.Item name="passed" rules={[{ required: true }]}>
                <Radio.Group>
                  <Radio value>{t('personnel.testPassed')}</Radio>
                  <Radio value={false}>{t('personnel.testFailed')}</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="note" label={t('personnel.testNote')} rules={[{ required: true, min: 2 }]}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Button htmlType="submit" loading={test.isPending}>
                {t('personnel.recordTest')}
              </Button>
            </Form>
          )
        )}
      </Flex>
    </Card>
  );
}

/** The confirmation form (工作交接确认表) signed on the phone: pick the role, draw or approve in the app. */
function SignCard({ change: c }: { change: TPersonnelChange }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sign = usePersonnelWrite<Versioned & { role: string; signature?: string }>((b) => `/personnel-changes/${b.id}/signatures`);
  const onError = useApiError({ reload: [personnelKeys.one(c.id)] });
  const open = CHANGE_SIGNER_ROLES.filter((r) => !c.signatures.some((s) => s.role === r));
  const [role, setRole] = useState<string>(open[0] ?? 'outgoing');
  const [signature, setSignature] = useState<string | null>(null);
  return (
    <Card size="small" title={t('personnel.form')} data-testid="sign-card">
      <Flex vertical gap={8}>
        {c.signatures.map((s) => (
          <Typography.Text key={s.role}>
            {t(`personnel.role_${s.role}`)}：{s.byName} · {t(`personnel.method_${s.method}`)}
          </Typography.Text>
        ))}
        {open.length > 0 && (
          <>
            <Typography.Text>{t('personnel.signAs')}</Typography.Text>
            <Radio.Group value={role} onChange={(e) => setRole(e.target.value as string)}>
              {open.map((r) => (
                <Radio.Button key={r} value={r}>
                  {t(`personnel.role_${r}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
            <Typography.Text type="secondary">{t('personnel.signHint')}</Typography.Text>
            <SignaturePad onChange={setSignature} />
            <Button
              type="primary"
              block
              loading={sign.isPending}
              data-testid="sign-form"
              onClick={() =>
                sign.mutate(
                  { id: c.id, version: c.version, role, ...(signature ? { signature } : {}) },
                  { onSuccess: () => void message.success(t('personnel.signed')), onError: (e) => onError(e) },
                )
              }
            >
              {t('personnel.sign')}
            </Button>
          </>
        )}
      </Flex>
    </Card>
  );
}
