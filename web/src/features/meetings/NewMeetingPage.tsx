import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { MEETING_KINDS, type TMeeting } from '@techserve/core';
import { Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { DateInput } from '../../shared/DateInput';
import { InstantInput } from '../incidents/InstantInput';
import { StaffMultiSelect } from '../staff-training/StaffMultiSelect';
import { UserSelect } from '../tickets/UserSelect';
import { useMeetingError, useMeetingWrite } from './useMeetings';
import './i18n';

type Values = {
  kind: TMeeting['kind'];
  title?: string;
  heldAt?: string | null;
  location?: string;
  attendeeIds?: number[];
  minutes?: string;
  actions: { title?: string; ownerId?: number | null; dueOn?: string | null }[];
};

/** MTG-1: minutes a department meeting (or the FS-11 stand-up) with its attendees and action items. */
export function NewMeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const write = useMeetingWrite<TMeeting>();
  const showError = useMeetingError();
  const required = [{ required: true, whitespace: true, message: t('meetings.required') }];
  return (
    <Flex vertical style={{ maxWidth: 860 }}>
      <PageHeader title={t('meetings.newMeeting')} />
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'department', heldAt: dayjs().toISOString(), actions: [] }}
          onFinish={(v) =>
            write.mutate(
              {
                path: '/meetings',
                body: {
                  kind: v.kind,
                  title: v.title?.trim(),
                  heldAt: v.heldAt,
                  location: v.location?.trim() || null,
                  attendeeIds: v.attendeeIds ?? [],
                  minutes: v.minutes?.trim(),
                  actions: v.actions.map((a) => ({ title: a.title?.trim(), ownerId: a.ownerId, dueOn: a.dueOn ?? null })),
                },
              },
              { onSuccess: (m) => void navigate(`/meetings/${m.id}`), onError: (e) => showError(e, form) },
            )
          }
        >
          <Flex gap={12} wrap>
            <Form.Item name="kind" label={t('meetings.kind')} style={{ flex: '1 1 160px' }}>
              <Select options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kind_${k}`) }))} />
            </Form.Item>
            <Form.Item
              name="heldAt"
              label={t('meetings.heldAt')}
              rules={[{ required: true, message: t('meetings.required') }]}
              style={{ flex: '1 1 200px' }}
            >
              <InstantInput />
            </Form.Item>
          </Flex>
          <Form.Item name="title" label={t('meetings.title')} rules={required}>
            <Input maxLength={200} data-testid="meeting-title" />
          </Form.Item>
          <Form.Item name="location" label={t('meetings.location')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="attendeeIds" label={t('meetings.attendees')}>
            <StaffMultiSelect />
          </Form.Item>
          <Form.Item name="minutes" label={t('meetings.minutes')} rules={required}>
            <Input.TextArea rows={6} maxLength={50000} data-testid="meeting-minutes" />
          </Form.Item>
          <Typography.Title level={5}>{t('meetings.actions')}</Typography.Title>
          <Form.List name="actions">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} wrap align="start">
                    <Form.Item name={[field.name, 'title']} rules={required} style={{ flex: '2 1 220px', marginBottom: 8 }}>
                      <Input maxLength={500} placeholder={t('meetings.action')} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'ownerId']}
                      rules={[{ required: true, message: t('meetings.required') }]}
                      style={{ flex: '1 1 160px', marginBottom: 8 }}
                    >
                      <UserSelect placeholder={t('meetings.owner')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'dueOn']} style={{ flex: '1 1 140px', marginBottom: 8 }}>
                      <DateInput />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('meetings.remove')} onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }}>
                  {t('meetings.addAction')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={write.isPending} style={{ marginTop: 16 }} data-testid="meeting-submit">
            {t('meetings.save')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
