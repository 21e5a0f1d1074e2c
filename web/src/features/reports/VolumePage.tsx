import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { JOB_TYPES, type TVolumeLineInput, type TVolumeReport } from '@techserve/core';
import { App, Button, Card, Flex, Form, Input, InputNumber, List, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { usePolicyInForce } from '../../shared/usePolicyInForce';
import { ObligationTag } from './ObligationTag';
import { lastMonth } from './reportDates';
import { useReportsAction, useVolumeProjects, useVolumeReports, useVolumeSummary } from './useReports';
import { useReportsError } from './useReportsError';
import './i18n';

type Values = { projectId?: number; lines: Partial<TVolumeLineInput>[]; note?: string };
const STATUS_COLOURS = { submitted: 'processing', verified: 'success', rejected: 'error' } as const;

/** One volume report: project, month, status, the lines (reported and verified metres); the verifier's buttons. */
function VolumeCard({ report, verify }: { report: TVolumeReport; verify?: (approve: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Card
      size="small"
      style={{ width: '100%' }}
      title={
        <Flex gap={8} wrap align="center">
          {report.projectName} · {report.month} · {report.userName}
          <Tag color={STATUS_COLOURS[report.status]}>{t(`reports.volume_${report.status}`)}</Tag>
          {report.obligation && <ObligationTag state={report.obligation.state} lateMinutes={report.obligation.lateMinutes} />}
        </Flex>
      }
      extra={
        verify &&
        report.status === 'submitted' && (
          <Space>
            <Button size="small" type="primary" onClick={() => verify(true)} data-testid="volume-verify">
              {t('reports.verify')}
            </Button>
            <Button size="small" danger onClick={() => verify(false)}>
              {t('reports.reject')}
            </Button>
          </Space>
        )
      }
    >
      {report.lines.map((l) => (
        <Typography.Paragraph key={l.id} style={{ marginBottom: 2 }}>
          {l.pipeTypeName[lang]} {l.bandName[lang]} · {t(`reports.job_${l.jobType}`)} · {t('reports.metresValue', { metres: l.metres })}
          {l.verifiedMetres != null && l.verifiedMetres !== l.metres && (
            <Typography.Text type="warning"> → {t('reports.metresValue', { metres: l.verifiedMetres })}</Typography.Text>
          )}
        </Typography.Paragraph>
      ))}
      <Typography.Text type="secondary">
        {t('reports.volumeTotal', { metres: report.totalMetres })}
        {report.verifiedMetres != null && ` · ${t('reports.volumeVerified', { metres: report.verifiedMetres })}`}
        {report.decisionComment && ` · ${report.decisionComment}`}
      </Typography.Text>
    </Card>
  );
}

/**
 * WR-7: last month's completed work volume by pipe type, diameter band and job type per project (by the 3rd), and the
 * project manager's verification — the input of piece-rate pay (PAY-3).
 */
export function VolumePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message } = App.useApp();
  const { can } = useSession();
  const [view, setView] = useState<'mine' | 'verify'>(can('reports.write') ? 'mine' : 'verify');
  const [month, setMonth] = useState(lastMonth());
  const projects = useVolumeProjects(can('reports.write'));
  const reports = useVolumeReports(view);
  const summary = useVolumeSummary(month);
  const pipeTypes = usePolicyInForce().data?.document.reports.workVolume.pipeTypes ?? [];
  const action = useReportsAction<TVolumeReport>();
  const showError = useReportsError();
  const [form] = Form.useForm<Values>();
  const lines = Form.useWatch('lines', form) ?? [];

  const submit = (values: Values) =>
    action.mutate(
      { path: '/volume-reports', body: { projectId: values.projectId, month, lines: values.lines, note: values.note ?? '' } },
      {
        onSuccess: () => {
          void message.success(t('reports.saved'));
          form.resetFields();
        },
        onError: (error) => showError(error, form),
      },
    );
  const verify = (report: TVolumeReport, approve: boolean) =>
    action.mutate(
      { path: `/volume-reports/${report.id}/decision`, body: { version: report.version, approve } },
      { onError: (error) => showError(error) },
    );

  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <PageHeader
        title={t('reports.volume')}
        extra={
          <Flex gap={8} wrap>
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'mine' | 'verify')}
              options={(['mine', 'verify'] as const).map((v) => ({ value: v, label: t(`reports.volumeView_${v}`) }))}
            />
            <Input
              type="month"
              value={month}
              onChange={(e) => setMonth(e.target.value)}
              style={{ width: 150 }}
              data-testid="volume-month"
            />
          </Flex>
        }
      />
      {view === 'mine' && can('reports.write') && (
        <Card size="small" title={t('reports.newVolume', { month })}>
          <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ lines: [{ jobType: 'weld' }] }}>
            <Form.Item name="projectId" label={t('reports.project')} rules={[{ required: true, message: t('reports.required') }]}>
              <Select
                options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
                loading={projects.isLoading}
                data-testid="volume-project"
              />
            </Form.Item>
            <Form.List name="lines">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => {
                    const pipe = pipeTypes.find((p) => p.id === lines[index]?.pipeType);
                    return (
                      <Flex key={field.key} gap={8} wrap align="start">
                        <Form.Item
                          name={[field.name, 'pipeType']}
                          rules={[{ required: true, message: t('reports.required') }]}
                          style={{ width: 170 }}
                        >
                          <Select
                            placeholder={t('reports.pipeType')}
                            options={pipeTypes.map((p) => ({ value: p.id, label: p.name[lang] }))}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'band']}
                          rules={[{ required: true, message: t('reports.required') }]}
                          style={{ width: 140 }}
                        >
                          <Select
                            placeholder={t('reports.band')}
                            options={(pipe?.bands ?? []).map((b) => ({ value: b.id, label: b.name[lang] }))}
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'jobType']} style={{ width: 120 }}>
                          <Select options={JOB_TYPES.map((j) => ({ value: j, label: t(`reports.job_${j}`) }))} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'metres']}
                          rules={[{ required: true, message: t('reports.required') }]}
                          style={{ width: 130 }}
                        >
                          <InputNumber
                            min={0.01}
                            max={1000000}
                            step={0.5}
                            precision={2}
                            placeholder={t('reports.metres')}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(field.name)} style={{ marginTop: 8 }} aria-label={t('reports.remove')} />
                      </Flex>
                    );
                  })}
                  <Button icon={<PlusOutlined />} onClick={() => add({ jobType: 'weld' })} block>
                    {t('reports.addLine')}
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item name="note" label={t('reports.note')} style={{ marginTop: 12 }}>
              <Input.TextArea autoSize maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={action.isPending} block data-testid="volume-submit">
              {t('reports.fileVolume')}
            </Button>
          </Form>
        </Card>
      )}
      <List
        loading={reports.isLoading}
        dataSource={reports.data?.items ?? []}
        locale={{ emptyText: t('reports.noReports') }}
        renderItem={(r) => (
          <List.Item style={{ padding: '6px 0' }}>
            <VolumeCard report={r} verify={view === 'verify' ? (approve) => verify(r, approve) : undefined} />
          </List.Item>
        )}
      />
      <Card size="small" title={t('reports.volumeSummary', { month })}>
        <Table
          rowKey={(r) => `${r.projectId}-${r.pipeType}-${r.band}-${r.jobType}`}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={summary.data?.rows ?? []}
          locale={{ emptyText: t('reports.none') }}
          columns={[
            { title: t('reports.project'), dataIndex: 'projectName', key: 'p' },
            { title: t('reports.pipeType'), key: 'pipe', render: (_, r) => r.pipeTypeName[lang] },
            { title: t('reports.band'), key: 'band', render: (_, r) => r.bandName[lang] },
            { title: t('reports.jobType'), key: 'job', render: (_, r) => t(`reports.job_${r.jobType}`) },
            { title: t('reports.metres'), dataIndex: 'metres', key: 'm' },
          ]}
        />
      </Card>
    </Flex>
  );
}
