import type { TMeetingAction } from '@techserve/core';
import { App, Button, Flex, Input, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/useSession';
import { useMeetingError, useMeetingWrite } from './useMeetings';
import './i18n';

const STATE_COLOR = { open: 'blue', overdue: 'red', done: 'green', doneLate: 'orange', cancelled: 'default' } as const;

export function ActionStateTag({ action }: { action: TMeetingAction }) {
  const { t, i18n } = useTranslation();
  return (
    <Tooltip title={action.explanation.text[i18n.language === 'en' ? 'en' : 'zh-CN']}>
      <Tag color={STATE_COLOR[action.state]} data-testid="action-state" data-state={action.state}>
        {t(`meetings.state_${action.state}`)}
      </Tag>
    </Tooltip>
  );
}

/** MTG-1: one action item followed up — its owner (or a meeting manager) notes progress and marks it done or cancelled. */
export function ActionItemRow({ action, showMeeting = false }: { action: TMeetingAction; showMeeting?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session, can } = useSession();
  const write = useMeetingWrite();
  const showError = useMeetingError();
  const [note, setNote] = useState(action.note ?? '');
  const mayUpdate = action.ownerId === session?.user.id || can('meetings.manage');
  const patch = (body: object) =>
    write.mutate(
      { path: `/meeting-actions/${action.id}`, method: 'PATCH', body: { version: action.version, ...body } },
      { onSuccess: () => void message.success(t('meetings.saved')), onError: (e) => showError(e) },
    );
  return (
    <Flex vertical gap={4} style={{ width: '100%' }} data-testid="action-item">
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text strong>{action.title}</Typography.Text>
        <ActionStateTag action={action} />
      </Flex>
      <Typography.Text type="secondary">
        {action.ownerName} · {t('meetings.dueOn')}：{action.dueOn ?? t('meetings.none')}
        {showMeeting && (
          <>
            {' · '}
            <Link to={`/meetings/${action.meetingId}`}>{action.meetingTitle}</Link>
          </>
        )}
      </Typography.Text>
      {mayUpdate && action.status === 'open' ? (
        <Flex gap={8} wrap>
          <Input
            size="small"
            style={{ flex: '1 1 200px' }}
            maxLength={2000}
            value={note}
            placeholder={t('meetings.note')}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button size="small" onClick={() => patch({ note: note.trim() || null })}>
            {t('meetings.saveNote')}
          </Button>
          <Button
            size="small"
            type="primary"
            loading={write.isPending}
            onClick={() => patch({ status: 'done', note: note.trim() || null })}
            data-testid="action-done"
          >
            {t('meetings.markDone')}
          </Button>
          {can('meetings.manage') && (
            <Button size="small" danger onClick={() => patch({ status: 'cancelled' })}>
              {t('meetings.cancelAction')}
            </Button>
          )}
        </Flex>
      ) : (
        action.note && <Typography.Text>{action.note}</Typography.Text>
      )}
    </Flex>
  );
}
