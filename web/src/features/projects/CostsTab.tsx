import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { COST_CATEGORIES, type TCost, type TProject } from '@techserve/core';
import { Button, Form, Input, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FenInput } from '../../shared/FenInput';
import { formatYuan } from '../../shared/money';
import { useProjectCall } from './useProjectCall';
import './i18n';

/** FS-12 cost breakdown with its total (amounts in fen, shown in yuan); kept by projects.manage. */
export function CostsTab({ project }: { project: TProject }) {
  const { t, i18n } = useTranslation();
  const { run, pending } = useProjectCall(project.id);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const add = async (v: Record<string, never>) => {
    if (
      await run(
        {
          path: `/projects/${project.id}/costs`,
          body: { category: v.category, description: v.description || null, amountFen: v.amountFen },
        },
        form,
      )
    )
      setAdding(false);
  };
  return (
    <div>
      {project.canManage && (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 8 }} data-testid="cost-add">
          {t('projects.costs.add')}
        </Button>
      )}
      <Table<TCost>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={project.costs}
        columns={[
          { key: 'category', title: t('projects.costs.category'), render: (_, c) => t(`projects.costs.categories.${c.category}`) },
          { key: 'description', title: t('projects.costs.description'), dataIndex: 'description', responsive: ['sm'] },
          { key: 'amount', title: t('projects.costs.amount'), align: 'right', render: (_, c) => formatYuan(c.amountFen, i18n.language) },
          ...(project.canManage
            ? [
                {
                  key: 'x',
                  width: 48,
                  render: (_: unknown, c: TCost) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => void run({ path: `/project-costs/${c.id}`, method: 'DELETE' })}
                    />
                  ),
                },
              ]
            : []),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>{t('projects.costs.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Typography.Text strong data-testid="cost-total">
                {formatYuan(project.costTotalFen, i18n.language)}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Modal
        open={adding}
        title={t('projects.costs.add')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: pending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void add(v)}>
          <Form.Item name="category" label={t('projects.costs.category')} rules={[{ required: true }]}>
            <Select options={COST_CATEGORIES.map((c) => ({ value: c, label: t(`projects.costs.categories.${c}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('projects.costs.description')}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="amountFen" label={t('projects.costs.amount')} rules={[{ required: true }]}>
            <FenInput />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
