import { CheckCircleTwoTone, UploadOutlined } from '@ant-design/icons';
import type { THandoverDocument, TProject } from '@techserve/core';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Form, Input, List, Modal, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { useProjectError } from './useProjectError';
import { projectKeys } from './projectKeys';
import { toDate } from './toDate';
import { TechnicalHandoverCard } from './TechnicalHandoverCard';
import { useProjectCall } from './useProjectCall';
import './i18n';

/**
 * FS-12b technical handover (who signs before the start), then the FS-12 handover documents as the policy lists them
 * (技术交底书 first — without it there is no start): upload a scan per document, then record the customer's signature.
 */
export function HandoverTab({ project }: { project: TProject }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { notification } = App.useApp();
  const showError = useProjectError();
  const queryClient = useQueryClient();
  const { run, pending } = useProjectCall(project.id);
  const [busy, setBusy] = useState<string | null>(null);
  const [signing, setSigning] = useState<THandoverDocument | null>(null);
  const [form] = Form.useForm();

  const upload = async (documentId: string, file: File) => {
    const body = new FormData();
    body.append('documentId', documentId);
    body.append('file', file, file.name);
    setBusy(documentId);
    try {
      queryClient.setQueryData(
        projectKeys.detail(project.id),
        await api<TProject>(`/projects/${project.id}/handover-documents`, { method: 'POST', body }),
      );
    } catch (error) {
      if (error instanceof ApiError && (error.status === 413 || error.status === 415)) {
        notification.error({
          title: t('common.errorTitle'),
          description: t(error.status === 413 ? 'projects.handover.tooLarge' : 'projects.handover.badType', { message: error.message }),
          duration: 8,
        });
      } else showError(error);
    } finally {
      setBusy(null);
    }
  };
  const sign = async (v: Record<string, never>) => {
    if (!signing) return;
    if (
      await run(
        {
          path: `/project-handover-documents/${signing.id}/sign`,
          body: { version: signing.version, signedBy: v.signedBy, signedOn: toDate(v.signedOn) },
        },
        form,
      )
    )
      setSigning(null);
  };

  return (
    <div>
      <TechnicalHandoverCard project={project} />
      <List
        dataSource={project.handoverChecklist}
        renderItem={(item) => {
          const docs = project.handoverDocuments.filter((d) => d.documentId === item.documentId);
          return (
            <List.Item data-testid={`handover-${item.documentId}`}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" align="center" wrap gap={8}>
                  <span>
                    {item.signed && <CheckCircleTwoTone twoToneColor="#52c41a" />} {item.name[lang]}{' '}
                    {item.isRecord && <Tag color="red">{t('projects.handover.required')}</Tag>}
                  </span>
                  {project.canWork && (
                    <Upload
                      showUploadList={false}
                      multiple={false}
                      accept=".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx"
                      customRequest={({ file, onSuccess }) => void upload(item.documentId, file as File).then(() => onSuccess?.(null))}
                    >
                      <Button icon={<UploadOutlined />} loading={busy === item.documentId}>
                        {t('projects.handover.upload')}
                      </Button>
                    </Upload>
                  )}
                </Flex>
                {docs.map((d) => (
                  <Flex key={d.id} justify="space-between" align="center" wrap gap={8} style={{ paddingInlineStart: 16 }}>
                    <Typography.Link href={d.url} target="_blank">
                      {d.fileName}
                    </Typography.Link>
                    {d.signedBy ? (
                      <Tag color="green">{t('projects.handover.signedBy', { name: d.signedBy, date: d.signedOn })}</Tag>
                    ) : project.canWork ? (
                      <Button size="small" onClick={() => setSigning(d)} data-testid={`sign-${d.id}`}>
                        {t('projects.handover.sign')}
                      </Button>
                    ) : (
                      <Tag>{t('projects.handover.unsigned')}</Tag>
                    )}
                  </Flex>
                ))}
              </Flex>
            </List.Item>
          );
        }}
      />
      <Modal
        open={signing !== null}
        title={t('projects.handover.sign')}
        onCancel={() => setSigning(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: pending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void sign(v)}>
          <Form.Item name="signedBy" label={t('projects.handover.signer')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="signedOn" label={t('projects.handover.signedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
