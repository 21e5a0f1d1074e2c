import { type TPersonnelChange, REPLACEMENT_REASONS } from '@techserve/core';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, List, Select, Spin, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { personnelKeys, useChanges, usePersonnelWrite } from './usePersonnel';
import './i18n';

type NoticeForm = { outgoingUserId: number; changeDate: Dayjs; reason: string };
type ReplacementForm = { outgoingUserId: number; reasonKind: string; reason: string };

/** RS-6/RS-7: the changes of residents in my scope; a manager announces one, the client IT office asks for a replacement. */
export function ChangesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const list = useChanges();
  const announce = usePersonnelWrite<{ outgoingUserId: number; changeDate: string; reason: string }>(() => '/personnel-changes');
  const replace = usePersonnelWrite<ReplacementForm>(() => '/personnel-replacements');
  const onError = useApiError({ reload: [personnelKeys.list()] });
  const [noticeForm] = Form.useForm<NoticeForm>();
  const [replacementForm] = Form.useForm<ReplacementForm>();
  const opened = (c: TPersonnelChange) => {
    void message.success(t('personnel.created'));
    void navigate(`/personnel/changes/${c.id}`);
  };
  return (
    <Flex vertical gap={12} style={{ maxWidth: 860 }}>
      <PageHeader title={t('personnel.changesTitle')} />
      {can('personnel.manage') && (
        <Card size="small" title={t('personnel.announce')}>
          <Typography.Paragraph type="secondary">{t('personnel.announceHint')}</Typography.Paragraph>
          <Form
            form={noticeForm}
            layout="vertical"
            onFinish={(v) =>
              announce.mutate(
                { outgoingUserId: v.outgoingUserId, changeDate: v.changeDate.format('YYYY-MM-DD'), reason: v.reason },
                { onSuccess: opened, onError: (e) => onError(e, noticeForm) },
              )
            }
          >
            <Form.Item name="outgoingUserId" label={t('personnel.outgoingUserId')} rules={[{ required: true }]}>
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="changeDate" label={t('personnel.changeDate')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="reason" label={t('personnel.reason')} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={announce.isPending}>
              {t('personnel.submit')}
            </Button>
          </Form>
        </Card>
      )}
      {can('personnel.client') && (
        <Card size="small" title={t('personnel.requestReplacement')}>
          <Form
            form={replacementForm}
            layout="vertical"
            onFinish={(v) => replace.mutate(v, { onSuccess: opened, onError: (e) => onError(e, replacementForm) })}
          >
            <Form.Item name="outgoingUserId" label={t('personnel.outgoingUserId')} rules={[{ required: true }]}>
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="reasonKind" label={t('personnel.reasonKind')} rules={[{ required: true }]}>
              <Select options={REPLACEMENT_REASONS.map((r) => ({ value: r, label: t(`personnel.reason_${r}`) }))} />
            </Form.Item>
            <Form.Item name="reason" label={t('personnel.reason')} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={replace.isPending}>
              {t('personnel.submit')}
            </Button>
          </Form>
        </Card>
      )}
      {list.isLoading ? (
        <Spin />
      ) : (
        <Card size="small">
          <List
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('personnel.changesEmpty') }}
            renderItem={(c) => (
              <List.Item
                data-testid={`change-${c.id}`}
                actions={[
                  <Link key="open" to={`/personnel/changes/${c.id}`}>
                    {t('personnel.open')}
                  </Link>,
                ]}
              >
                <Flex vertical gap={2}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong>
                      {c.outgoingName}
                      {c.incomingName ? ` → ${c.incomingName}` : ''}
                    </Typography.Text>
                    <Tag>{t(`personnel.kind_${c.kind}`)}</Tag>
                    <Tag color="blue">{t(`personnel.status_${c.status}`)}</Tag>
                    {c.overdue && <Tag color="red">{t('personnel.overdue')}</Tag>}
                  </Flex>
                  <Typography.Text type="secondary">
                    {c.siteName} · {t('personnel.changeDate')} {c.changeDate ?? '—'}
                    {c.dueDate ? ` · ${t('personnel.dueDate')} ${c.dueDate}` : ''}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}
