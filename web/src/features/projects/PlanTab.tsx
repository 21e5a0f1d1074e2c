import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TPlanItem, TProject } from '@techserve/core';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Progress, Spin, Table, Tag } from 'antd';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toDate } from './toDate';
import { useProjectCall } from './useProjectCall';
import './i18n';

// ECharts is loaded only when the chart is asked for (like the ticket dashboard).
const PlanGantt = lazy(() => import('./PlanGantt').then((m) => ({ default: m.PlanGantt })));

/** FS-12 progress plan: items with planned dates and done %, a Gantt-like chart on demand; members update progress. */
export function PlanTab({ project }: { project: TProject }) {
  const { t } = useTranslation();
  const { run, pending } = useProjectCall(project.id);
  const [adding, setAdding] = useState(false);
  const [chart, setChart] = useState(false);
  const [form] = Form.useForm();
  const add = async (v: Record<string, never>) => {
    const ok = await run(
      {
        path: `/projects/${project.id}/plan-items`,
        body: { name: v.name, plannedStart: toDate(v.plannedStart), plannedEnd: toDate(v.plannedEnd), donePercent: v.donePercent ?? 0 },
      },
      form,
    );
    if (ok) setAdding(false);
  };
  return (
    <div>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        {project.canWork && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="plan-add">
            {t('projects.plan.add')}
          </Button>
        )}
        {project.planItems.length > 0 && (
          <Button onClick={() => setChart((c) => !c)}>{t(chart ? 'projects.plan.hideChart' : 'projects.plan.showChart')}</Button>
        )}
      </Flex>
      {chart && (
        <Suspense fallback={<Spin />}>
          <PlanGantt items={project.planItems} contractEndsOn={project.contractEndsOn} />
        </Suspense>
      )}
      <Table<TPlanItem>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={project.planItems}
        columns={[
          {
            key: 'name',
            title: t('projects.plan.name'),
            render: (_, r) => (
              <span>
                {r.name} {r.pastContract && <Tag color="orange">{t('projects.warning.planPastContract')}</Tag>}
              </span>
            ),
          },
          { key: 'dates', title: t('projects.plan.dates'), render: (_, r) => `${r.plannedStart} ~ ${r.plannedEnd}` },
          {
            key: 'done',
            title: t('projects.plan.done'),
            width: 200,
            render: (_, r) =>
              project.canWork ? (
                <Flex align="center" gap={8}>
                  <Progress percent={r.donePercent} size="small" style={{ minWidth: 80, margin: 0 }} />
                  <InputNumber<number>
                    size="small"
                    min={0}
                    max={100}
                    defaultValue={r.donePercent}
                    aria-label={t('projects.plan.done')}
                    onBlur={(e) => {
                      const next = Number(e.target.value);
                      if (Number.isInteger(next) && next !== r.donePercent)
                        void run({ path: `/project-plan-items/${r.id}`, method: 'PATCH', body: { version: r.version, donePercent: next } });
                    }}
                  />
                </Flex>
              ) : (
                <Progress percent={r.donePercent} size="small" />
              ),
          },
          ...(project.canWork
            ? [
                {
                  key: 'x',
                  width: 48,
                  render: (_: unknown, r: TPlanItem) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => void run({ path: `/project-plan-items/${r.id}`, method: 'DELETE' })}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={adding}
        title={t('projects.plan.add')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: pending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void add(v)}>
          <Form.Item name="name" label={t('projects.plan.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Flex gap={8}>
            <Form.Item name="plannedStart" label={t('projects.plan.start')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="plannedEnd" label={t('projects.plan.end')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Form.Item name="donePercent" label={t('projects.plan.done')}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
