import type { TDefectReport } from '@techserve/core';
import { Alert, Button, Descriptions, Drawer, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { useDebounced } from '../../shared/useDebounced';
import { useUserOptions } from '../../shared/useUserOptions';
import { useSession } from '../auth/useSession';
import { useDefectDiscussion } from './useDefectDiscussion';
import './i18n';

/**
 * SR-15 「复杂故障由团队讨论后确定解决方案」: the team discussion of the fault behind a defect report — raise it with its
 * participants, comment, record the conclusion (fed back to the request; the report is answered after it).
 */
export function DefectDiscussionDrawer({ defect, onClose }: { defect: TDefectReport | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const me = session?.user.id;
  const talk = useDefectDiscussion(defect?.id ?? null);
  const showError = useApiError({ reload: [['defects']] });
  const [search, setSearch] = useState('');
  const users = useUserOptions(useDebounced(search));
  const [raiseForm] = Form.useForm<{ topic: string; participantIds: number[] }>();
  const [commentForm] = Form.useForm<{ body: string }>();
  const [concludeForm] = Form.useForm<{ conclusion: string }>();
  const d = talk.discussion;
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (e) {
      showError(e);
    }
  };
  const isParticipant = d?.participants.some((p) => p.id === me) ?? false;
  const mayConclude = d != null && (d.createdById === me || defect?.ownerId === me || can('defects.answer'));
  return (
    <Drawer
      open={defect != null}
      onClose={onClose}
      title={t('defects.discussion')}
      width={Math.min(560, window.innerWidth)}
      destroyOnHidden
      data-testid="defect-discussion"
    >
      {defect && (
        <Typography.Paragraph type="secondary">
          {defect.ticketNumber} · {defect.description}
        </Typography.Paragraph>
      )}
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('defects.discussionRule')} />
      {talk.loading ? null : d == null ? (
        defect?.status === 'open' ? (
          <Form
            form={raiseForm}
            layout="vertical"
            onFinish={(v) => run(() => talk.raise.mutateAsync(v))}
            data-testid="discussion-raise-form"
          >
            <Form.Item name="topic" label={t('defects.discussionTopic')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
              <Input.TextArea rows={3} data-testid="discussion-topic" />
            </Form.Item>
            <Form.Item name="participantIds" label={t('defects.participants')} rules={[{ required: true }]}>
              <Select<number[]>
                mode="multiple"
                showSearch={{ filterOption: false, onSearch: setSearch }}
                loading={users.isFetching}
                options={(users.data ?? []).filter((u) => u.id !== me).map((u) => ({ value: u.id, label: u.name }))}
                data-testid="discussion-participants"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={talk.raise.isPending} data-testid="discussion-raise">
              {t('defects.raiseDiscussion')}
            </Button>
          </Form>
        ) : (
          <Empty description={t('defects.noDiscussion')} />
        )
      ) : (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('defects.discussionTopic')}>{d.topic}</Descriptions.Item>
            <Descriptions.Item label={t('defects.status')}>
              <Tag color={d.status === 'open' ? 'orange' : 'green'} data-testid="discussion-status">
                {t(`defects.discussion_${d.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('defects.participants')}>
              <span data-testid="discussion-participant-names">{d.participants.map((p) => p.name).join('、')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('defects.raisedBy')}>{d.createdByName}</Descriptions.Item>
            {d.conclusion != null && (
              <Descriptions.Item label={t('defects.conclusion')}>
                <span data-testid="discussion-conclusion">{d.conclusion}</span>
                <Typography.Text type="secondary">
                  {' '}
                  （{d.concludedByName}，{d.concludedAt?.slice(0, 16).replace('T', ' ')}）
                </Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
          <List
            size="small"
            header={t('defects.comments')}
            locale={{ emptyText: t('defects.noComments') }}
            dataSource={d.comments}
            data-testid="discussion-comments"
            renderItem={(c) => (
              <List.Item>
                <List.Item.Meta title={c.authorName} description={c.createdAt.slice(0, 16).replace('T', ' ')} />
                <div style={{ whiteSpace: 'pre-wrap' }}>{c.body}</div>
              </List.Item>
            )}
          />
          {d.status === 'open' && isParticipant && (
            <Form
              form={commentForm}
              layout="vertical"
              style={{ marginTop: 16 }}
              onFinish={(v) => run(async () => (await talk.comment.mutateAsync(v), commentForm.resetFields()))}
            >
              <Form.Item name="body" label={t('defects.addComment')} rules={[{ required: true, whitespace: true, max: 5000 }]}>
                <Input.TextArea rows={2} data-testid="discussion-comment" />
              </Form.Item>
              <Button htmlType="submit" loading={talk.comment.isPending} data-testid="discussion-comment-send">
                {t('defects.send')}
              </Button>
            </Form>
          )}
          {d.status === 'open' && mayConclude && (
            <Form
              form={concludeForm}
              layout="vertical"
              style={{ marginTop: 16 }}
              onFinish={(v) => run(() => talk.conclude.mutateAsync({ version: d.version, conclusion: v.conclusion }))}
            >
              <Form.Item name="conclusion" label={t('defects.conclusion')} rules={[{ required: true, whitespace: true, max: 5000 }]}>
                <Input.TextArea rows={3} data-testid="discussion-conclusion-input" />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={talk.conclude.isPending} data-testid="discussion-conclude">
                  {t('defects.conclude')}
                </Button>
              </Space>
            </Form>
          )}
        </>
      )}
    </Drawer>
  );
}
