import { ZGrade, type TFollowUp, type TGrade } from '@techserve/core';
import { App, Button, Flex, Form, Input, Modal, Radio, Segmented, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable } from '../../layout/ListTable';
import { PageHeader } from '../../layout/PageHeader';
import { useCompleteFollowUp } from './useCompleteFollowUp';
import { useFollowUps } from './useFollowUps';
import { useTicketError } from './useTicketError';
import './i18n';

const GRADE_COLOURS: Record<TGrade, string> = { excellent: 'green', good: 'blue', fair: 'orange', poor: 'red' };

/** SR-11: follow-up calls (回访) after closure — the open ones due, soonest first; record satisfaction and a note. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<'open' | 'done'>('open');
  const followUps = useFollowUps(state);
  const rows = useMemo(() => followUps.data?.pages.flatMap((page) => page.items) ?? [], [followUps.data]);
  const complete = useCompleteFollowUp();
  const showError = useTicketError();
  const [calling, setCalling] = useState<TFollowUp | null>(null);
  const [form] = Form.useForm<{ satisfaction: TGrade; note?: string }>();
  const today = dayjs().format('YYYY-MM-DD');

  const columns: ColumnsType<TFollowUp> = [
    {
      title: t('tickets.dueOn'),
      key: 'dueOn',
      render: (_, f) => (
        <Flex gap={6} align="center">
          <span style={{ whiteSpace: 'nowrap' }}>{f.dueOn}</span>
          {f.state === 'open' && f.dueOn < today && <Tag color="red">{t('tickets.overdueFollowUp')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('tickets.ticket'),
      key: 'ticket',
      render: (_, f) => (
        <>
          <Link to={`/tickets/${f.ticketId}`} style={{ fontFamily: 'monospace' }}>
            {f.ticketNumber}
          </Link>{' '}
          <Typography.Text>{f.ticketTitle}</Typography.Text>
        </>
      ),
    },
    { title: t('tickets.customer'), dataIndex: 'customerName', key: 'customer' },
    ...(state === 'open'
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, f: TFollowUp) => (
              <Button
                type="primary"
                onClick={() => {
                  form.resetFields();
                  setCalling(f);
                }}
                data-testid={`followup-complete-${f.id}`}
              >
                {t('tickets.completeFollowUp')}
              </Button>
            ),
          },
        ]
      : [
          {
            title: t('tickets.satisfaction'),
            key: 'satisfaction',
            render: (_: unknown, f: TFollowUp) =>
              f.satisfaction && <Tag color={GRADE_COLOURS[f.satisfaction]}>{t(`tickets.grade_${f.satisfaction}`)}</Tag>,
          },
          { title: t('tickets.note'), dataIndex: 'note', key: 'note' },
          { title: t('tickets.doneBy'), dataIndex: 'doneByName', key: 'doneBy' },
          {
            title: t('tickets.doneAt'),
            key: 'doneAt',
            render: (_: unknown, f: TFollowUp) => (f.doneAt ? dayjs(f.doneAt).format('YYYY-MM-DD HH:mm') : ''),
          },
        ]),
  ];

  return (
    <>
      <PageHeader
        title={t('tickets.followUpsTitle')}
        extra={
          <Segmented
            value={state}
            onChange={(value) => setState(value as 'open' | 'done')}
            options={[
              { value: 'open', label: t('tickets.followUpsOpen') },
              { value: 'done', label: t('tickets.followUpsDone') },
            ]}
            data-testid="followups-state"
          />
        }
      />
      <ListTable<TFollowUp> columns={columns} dataSource={rows} loading={followUps.isLoading} data-testid="followups-table" />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {followUps.hasNextPage && (
          <Button loading={followUps.isFetchingNextPage} onClick={() => void followUps.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
      <Modal
        open={calling !== null}
        title={calling && `${t('tickets.completeFollowUp')} · ${calling.ticketNumber} · ${calling.customerName}`}
        confirmLoading={complete.isPending}
        onCancel={() => setCalling(null)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'followup-ok' }}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            calling &&
            complete.mutate(
              {
                id: calling.id,
                version: calling.version,
                satisfaction: values.satisfaction,
                ...(values.note?.trim() ? { note: values.note.trim() } : {}),
              },
              {
                onSuccess: () => {
                  void message.success(t('tickets.followUpDone'));
                  setCalling(null);
                },
                onError: (error) => {
                  if (showError(error, form) === 409) setCalling(null);
                },
              },
            )
          }
        >
          <Form.Item name="satisfaction" label={t('tickets.satisfaction')} rules={[{ required: true, message: t('tickets.required') }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              size="large"
              options={ZGrade.options.map((grade) => ({ value: grade, label: t(`tickets.grade_${grade}`) }))}
              data-testid="followup-satisfaction"
            />
          </Form.Item>
          <Form.Item name="note" label={t('tickets.note')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
