import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TMaterial, TProject } from '@techserve/core';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toDate } from './toDate';
import { useProjectCall } from './useProjectCall';
import './i18n';

/** FS-12 material purchase list with expected arrival dates; late arrivals flagged; members record the arrival. */
export function MaterialsTab({ project }: { project: TProject }) {
  const { t } = useTranslation();
  const { run, pending } = useProjectCall(project.id);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const add = async (v: Record<string, never>) => {
    const body = {
      name: v.name,
      spec: v.spec || null,
      quantity: v.quantity,
      unit: v.unit || null,
      supplier: v.supplier || null,
      expectedArrival: toDate(v.expectedArrival),
    };
    if (await run({ path: `/projects/${project.id}/materials`, body }, form)) setAdding(false);
  };
  return (
    <div>
      {project.canWork && (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 8 }} data-testid="material-add">
          {t('projects.materials.add')}
        </Button>
      )}
      <Table<TMaterial>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={project.materials}
        columns={[
          { key: 'name', title: t('projects.materials.name'), render: (_, m) => [m.name, m.spec].filter(Boolean).join(' · ') },
          { key: 'qty', title: t('projects.materials.quantity'), render: (_, m) => `${m.quantity}${m.unit ?? ''}` },
          { key: 'supplier', title: t('projects.materials.supplier'), dataIndex: 'supplier', responsive: ['md'] },
          { key: 'expected', title: t('projects.materials.expected'), dataIndex: 'expectedArrival' },
          {
            key: 'arrived',
            title: t('projects.materials.arrived'),
            render: (_, m) => (
              <Flex gap={4} align="center" wrap>
                {m.arrivedOn ??
                  (project.canWork ? (
                    <Button
                      size="small"
                      onClick={() =>
                        void run({
                          path: `/project-materials/${m.id}`,
                          method: 'PATCH',
                          body: { version: m.version, arrivedOn: dayjs().format('YYYY-MM-DD') },
                        })
                      }
                    >
                      {t('projects.materials.markArrived')}
                    </Button>
                  ) : (
                    '—'
                  ))}
                {m.late && <Tag color="gold">{t('projects.materials.late')}</Tag>}
              </Flex>
            ),
          },
          ...(project.canWork
            ? [
                {
                  key: 'x',
                  width: 48,
                  render: (_: unknown, m: TMaterial) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => void run({ path: `/project-materials/${m.id}`, method: 'DELETE' })}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={adding}
        title={t('projects.materials.add')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: pending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void add(v)}>
          <Form.Item name="name" label={t('projects.materials.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="spec" label={t('projects.materials.spec')}>
            <Input maxLength={200} />
          </Form.Item>
          <Flex gap={8}>
            <Form.Item name="quantity" label={t('projects.materials.quantity')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="unit" label={t('projects.materials.unit')} style={{ flex: 1 }}>
              <Input maxLength={20} />
            </Form.Item>
          </Flex>
          <Form.Item name="supplier" label={t('projects.materials.supplier')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="expectedArrival" label={t('projects.materials.expected')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
