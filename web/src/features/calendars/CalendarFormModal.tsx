import { CALENDAR_STARTS, type TCalendar, ZCalendarCreate, ZCalendarUpdate } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, Form, Input, Modal, Radio, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { zodFormErrors } from '../../api/zodFormErrors';
import { isStaleVersion } from '../../api/isStaleVersion';
import { useCalendars } from './useCalendars';

type Props = {
  open: boolean;
  /** Given: rename / make default; absent: create (the server fills in the head-office week and China's holidays). */
  calendar?: Pick<TCalendar, 'id' | 'name' | 'isDefault' | 'version'>;
  onClose: () => void;
  onCreated?: (calendar: TCalendar) => void;
};
type Values = { name: string; isDefault: boolean; startFrom: (typeof CALENDAR_STARTS)[number]; fromCalendarId?: number };

/** Creates a calendar, or changes an existing one's name and default flag. */
export function CalendarFormModal({ open, calendar, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message, notification } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const calendars = useCalendars();
  const startFrom = Form.useWatch('startFrom', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      calendar ? { name: calendar.name, isDefault: calendar.isDefault } : { name: '', isDefault: false, startFrom: 'builtin' },
    );
  }, [open, calendar, form]);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      calendar
        ? api<TCalendar>(`/calendars/${calendar.id}`, { method: 'PATCH', body })
        : api<TCalendar>('/calendars', { method: 'POST', body }),
    onSuccess: (saved) => {
      message.success(calendar ? t('common.saved') : t('common.created'));
      queryClient.setQueryData(['calendars', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['calendars'] });
      onClose();
      if (!calendar) onCreated?.(saved);
    },
    onError: (error) => {
      if (isStaleVersion(error)) {
        showError(error);
        void queryClient.invalidateQueries({ queryKey: ['calendars'] });
        onClose();
      } else if (error instanceof ApiError && error.status === 409) {
        // A taken name or the last default being unset: the server's words, on the field when it names one.
        form.setFields(error.details.map((d) => ({ name: d.path.replace(/^body\./, '') as keyof Values, errors: [error.message] })));
        notification.error({ title: t('common.errorTitle'), description: error.message });
      } else {
        showError(error, form);
      }
    },
  });

  const submit = (values: Values) => {
    const body = calendar
      ? { version: calendar.version, name: values.name, isDefault: values.isDefault }
      : {
          name: values.name,
          isDefault: values.isDefault,
          startFrom: values.startFrom,
          ...(values.startFrom === 'calendar' ? { fromCalendarId: values.fromCalendarId } : {}),
        };
    if (zodFormErrors(calendar ? ZCalendarUpdate : ZCalendarCreate, body, form)) save.mutate(body);
  };

  return (
    <Modal
      open={open}
      title={calendar ? t('calendars.rename') : t('calendars.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'calendar-submit' } as ButtonProps}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('calendars.name')} rules={[{ required: true }]}>
          <Input maxLength={100} autoComplete="off" data-testid="calendar-name" />
        </Form.Item>
        <Form.Item name="isDefault" label={t('calendars.isDefault')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {!calendar && (
          <>
            <Form.Item name="startFrom" label={t('calendars.startFrom')}>
              <Radio.Group data-testid="calendar-start-from">
                {CALENDAR_STARTS.map((start) => (
                  <Radio key={start} value={start} style={{ display: 'block', marginBottom: 4 }}>
                    {t(`calendars.startFrom_${start}`)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            {startFrom === 'calendar' && (
              <Form.Item name="fromCalendarId" label={t('calendars.fromCalendar')} rules={[{ required: true }]}>
                <Select
                  loading={calendars.isLoading}
                  options={(calendars.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                  data-testid="calendar-from"
                />
              </Form.Item>
            )}
            <Typography.Paragraph type="secondary">{t('calendars.createHint')}</Typography.Paragraph>
          </>
        )}
      </Form>
    </Modal>
  );
}
