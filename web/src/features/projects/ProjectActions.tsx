import type { TProject, TProjectAction } from '@techserve/core';
import type { ButtonProps } from 'antd';
import { Button, DatePicker, Flex, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RuleErrorAlert } from './RuleErrorAlert';
import { toDate } from './toDate';
import { useProjectCall } from './useProjectCall';
import './i18n';

const NEXT: Record<TProject['status'], TProjectAction | null> = {
  planning: 'start',
  in_progress: 'commission',
  commissioned: 'accept',
  accepted: 'close',
  closed: null,
};

/**
 * FS-12 status actions. Start and close are one click; commissioning asks for the finish date, acceptance for the
 * customer's representative and date. A refusal (422: what is missing before the start — FS-12's plan, materials
 * and costs, FS-12b's technical handover) is shown right here with its rule id.
 */
export function ProjectActions({ project }: { project: TProject }) {
  const { t } = useTranslation();
  const { run, pending, error, reset } = useProjectCall(project.id);
  const [asking, setAsking] = useState<TProjectAction | null>(null);
  const [form] = Form.useForm();
  const action = NEXT[project.status];
  const allowed = action === 'commission' ? project.canWork : project.canManage;
  if (!action || !allowed) return <RuleErrorAlert error={error} />;

  const send = async (extra: Record<string, unknown> = {}) => {
    reset();
    const done = await run(
      { path: `/projects/${project.id}/transitions`, body: { action, version: project.version, ...extra } },
      form,
      true,
    );
    if (done) setAsking(null);
  };
  const needsForm = action === 'commission' || action === 'accept';
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap>
        <Button
          type="primary"
          size="large"
          loading={pending && !asking}
          data-testid={`action-${action}`}
          onClick={() => (needsForm ? setAsking(action) : void send())}
        >
          {t(`projects.action.${action}`)}
        </Button>
      </Flex>
      {!asking && <RuleErrorAlert error={error} />}
      <Modal
        open={asking !== null}
        title={asking ? t(`projects.action.${asking}`) : ''}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: pending, 'data-testid': 'action-confirm' } as ButtonProps}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: Record<string, never>) =>
            void send(
              asking === 'accept'
                ? { acceptedBy: v.acceptedBy, acceptedOn: toDate(v.acceptedOn) }
                : { commissionedOn: toDate(v.commissionedOn) },
            )
          }
        >
          {asking === 'commission' && (
            <Form.Item name="commissionedOn" label={t('projects.commissionedOn')} extra={t('projects.commissionedHint')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          )}
          {asking === 'accept' && (
            <>
              <Form.Item
                name="acceptedBy"
                label={t('projects.acceptedBy')}
                rules={[{ required: true, whitespace: true, message: t('projects.acceptedByRequired') }]}
              >
                <Input maxLength={100} data-testid="accepted-by" />
              </Form.Item>
              <Form.Item name="acceptedOn" label={t('projects.acceptedOn')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          )}
        </Form>
        {asking && <RuleErrorAlert error={error} />}
      </Modal>
    </Flex>
  );
}
