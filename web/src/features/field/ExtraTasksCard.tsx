import type { TExtraTask, TVisit } from '@techserve/core';
import { Button, Card, Flex, Form, Input, InputNumber, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { SignatureField } from './SignatureField';
import { useFieldError } from './useFieldError';
import { useGeolocation } from './useGeolocation';
import { useVisitAction } from './useVisit';
import './i18n';

const STATUS_COLOR = { open: 'default', customer_signed: 'processing', countersigned: 'success' } as const;

/**
 * FS-7: extra tasks that come up on site — the engineer writes each one down, the customer signs it on the phone
 * when it is done, and the company countersigns after the return.
 */
export function ExtraTasksCard({ visit }: { visit: TVisit }) {
  const { t } = useTranslation();
  const [addForm] = Form.useForm();
  const [signForm] = Form.useForm();
  const [signing, setSigning] = useState<TExtraTask | null>(null);
  const geo = useGeolocation();
  const act = useVisitAction(visit.letterId);
  const showError = useFieldError(fieldKeys.visit(visit.letterId));
  const can = (action: TVisit['allowed'][number]) => visit.allowed.includes(action);

  const add = (values: { description: string; estimateMinutes: number }) =>
    act.mutate(
      { path: '/extra-tasks', body: values },
      { onSuccess: () => addForm.resetFields(), onError: (error) => showError(error, addForm) },
    );
  const sign = async (values: { signerName: string; signature: string }) => {
    if (!signing) return;
    const position = await geo.locate();
    act.mutate(
      { path: `/extra-tasks/${signing.id}/customer-sign`, body: { version: signing.version, ...values, ...(position ?? {}) } },
      { onSuccess: () => setSigning(null), onError: (error) => showError(error, signForm) },
    );
  };
  const countersign = (task: TExtraTask) =>
    act.mutate({ path: `/extra-tasks/${task.id}/countersign`, body: { version: task.version } }, { onError: (error) => showError(error) });

  return (
    <Card size="small" title={t('field.extraTasksTitle')} data-testid="extra-tasks-card">
      <List
        size="small"
        dataSource={visit.extraTasks}
        locale={{ emptyText: t('field.noExtraTasks') }}
        renderItem={(task) => (
          <List.Item data-testid="extra-task">
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text>{task.description}</Typography.Text>
                <Tag color={STATUS_COLOR[task.status]}>{t(`field.taskStatus_${task.status}`)}</Tag>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[
                  t('field.estimateMinutesShown', { n: task.estimateMinutes }),
                  task.customerSignerName
                    ? t('field.customerSignedBy', { name: task.customerSignerName, at: formatInstant(task.customerSignedAt) })
                    : null,
                  task.countersignedByName
                    ? t('field.countersignedBy', { name: task.countersignedByName, at: formatInstant(task.countersignedAt) })
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
              {task.status === 'open' && can('customer_sign_task') && (
                <Button onClick={() => setSigning(task)} data-testid="extra-task-sign">
                  {t('field.customerSignsTask')}
                </Button>
              )}
              {task.status === 'customer_signed' && can('countersign') && (
                <Button onClick={() => countersign(task)} loading={act.isPending} data-testid="extra-task-countersign">
                  {t('field.countersign')}
                </Button>
              )}
            </Flex>
          </List.Item>
        )}
      />
      {can('add_extra_task') && (
        <Form form={addForm} layout="vertical" onFinish={add} style={{ marginTop: 8 }}>
          <Form.Item
            name="description"
            label={t('field.extraTaskDescription')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} data-testid="extra-task-description" />
          </Form.Item>
          <Form.Item name="estimateMinutes" label={t('field.estimateMinutes')} rules={[{ required: true, message: t('field.required') }]}>
            <InputNumber min={1} max={60 * 24 * 30} precision={0} style={{ width: '100%' }} data-testid="extra-task-estimate" />
          </Form.Item>
          <Button htmlType="submit" block loading={act.isPending} data-testid="extra-task-add">
            {t('field.addExtraTask')}
          </Button>
        </Form>
      )}
      <Modal
        open={signing !== null}
        title={t('field.customerSignsTask')}
        onCancel={() => setSigning(null)}
        onOk={() => signForm.submit()}
        okText={t('field.confirmSignature')}
        okButtonProps={{ loading: act.isPending }}
        destroyOnHidden
      >
        <Typography.Paragraph>{signing?.description}</Typography.Paragraph>
        <Form form={signForm} layout="vertical" onFinish={(values) => void sign(values)} preserve={false}>
          <Form.Item
            name="signerName"
            label={t('field.signerName')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }]}
          >
            <Input maxLength={100} data-testid="extra-task-signer" />
          </Form.Item>
          <Form.Item name="signature" label={t('field.signature')} rules={[{ required: true, message: t('field.signatureRequired') }]}>
            <SignatureField />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
