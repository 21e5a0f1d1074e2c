import type { TDefectReport } from '@techserve/core';
import { Button, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiError } from '../../api/useApiError';
import { ListTable } from '../../layout/ListTable';
import { useSession } from '../auth/useSession';
import { DefectDiscussionDrawer } from './DefectDiscussionDrawer';
import { useDefects } from './useDefects';
import './i18n';

/**
 * SR-15: defect reports with their owner, target date and answer; an answerer answers the open ones; everyone who sees
 * a report opens its team discussion (`discussion`: the report whose discussion shows, e.g. from a notification link).
 */
export function DefectsTable({
  items,
  loading,
  answer,
  discussion = null,
  onDiscussion,
}: Pick<ReturnType<typeof useDefects>, 'items' | 'loading' | 'answer'> & {
  discussion?: number | null;
  onDiscussion?: (defectId: number | null) => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const showError = useApiError({ reload: [['defects']] });
  const [answering, setAnswering] = useState<TDefectReport | null>(null);
  const [ownDiscussion, setOwnDiscussion] = useState<number | null>(null);
  const discussed = onDiscussion ? discussion : ownDiscussion;
  const showDiscussion = onDiscussion ?? setOwnDiscussion;
  const [form] = Form.useForm<{ answer: string }>();
  const save = async () => {
    const values = await form.validateFields();
    if (!answering) return;
    try {
      await answer.mutateAsync({ id: answering.id, version: answering.version, answer: values.answer });
      setAnswering(null);
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <ListTable<TDefectReport>
        loading={loading}
        dataSource={items}
        locale={{ emptyText: t('defects.none') }}
        columns={[
          { title: t('defects.ticket'), key: 'ticket', render: (_, d) => <Link to={`/tickets/${d.ticketId}`}>{d.ticketNumber}</Link> },
          { title: t('defects.target'), key: 'target', render: (_, d) => t(`defects.target_${d.target}`) },
          { title: t('defects.description'), dataIndex: 'description' },
          { title: t('defects.owner'), dataIndex: 'ownerName' },
          { title: t('defects.targetDate'), dataIndex: 'targetDate' },
          {
            title: t('defects.status'),
            key: 'status',
            render: (_, d) => <Tag color={d.status === 'open' ? 'orange' : 'green'}>{t(`defects.status_${d.status}`)}</Tag>,
          },
          { title: t('defects.answer'), key: 'answer', render: (_, d) => d.answer ?? '' },
          {
            key: 'actions',
            render: (_, d) => (
              <Space size="small" wrap>
                <Button size="small" data-testid={`defect-discussion-${d.id}`} onClick={() => showDiscussion(d.id)}>
                  {t('defects.discussion')}
                </Button>
                {d.status === 'open' && can('defects.answer') ? (
                  <Button
                    size="small"
                    data-testid={`defect-answer-${d.id}`}
                    onClick={() => {
                      form.setFieldsValue({ answer: '' });
                      setAnswering(d);
                    }}
                  >
                    {t('defects.answerAction')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <DefectDiscussionDrawer defect={items.find((d) => d.id === discussed) ?? null} onClose={() => showDiscussion(null)} />
      <Modal
        open={answering != null}
        title={t('defects.answerTitle')}
        onOk={save}
        onCancel={() => setAnswering(null)}
        confirmLoading={answer.isPending}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="answer" label={t('defects.answer')} rules={[{ required: true, whitespace: true, max: 5000 }]}>
            <Input.TextArea rows={4} data-testid="defect-answer-text" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
