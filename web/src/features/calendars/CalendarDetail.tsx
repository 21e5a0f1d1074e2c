import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { type TCalendar, ZCalendarDefinition } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Flex, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { CalendarFormModal } from './CalendarFormModal';
import type { TDefinitionDraft } from './calendarTypes';
import { type TDefinitionErrors, countUnder, definitionErrors, describePath } from './definitionErrors';
import { DuePreview } from './DuePreview';
import { HolidaysEditor } from './HolidaysEditor';
import { MonthView } from './MonthView';
import { useCalendar } from './useCalendar';
import { isStaleVersion } from '../../api/isStaleVersion';
import { WorkingHoursEditor } from './WorkingHoursEditor';

export const CALENDAR_TABS = ['month', 'preview', 'hours', 'holidays'] as const;
export type TCalendarTab = (typeof CALENDAR_TABS)[number];

type Props = { id: number; tab: TCalendarTab; onTab: (tab: TCalendarTab) => void; onBack: () => void };

/** One calendar: month view, due-time preview, and (with calendars.manage) its editable definition. */
export function CalendarDetail({ id, tab, onTab, onBack }: Props) {
  const { t } = useTranslation();
  const calendar = useCalendar(id);
  if (calendar.isLoading) return <Spin />;
  if (!calendar.data) {
    return (
      <Flex vertical gap={12} align="flex-start">
        <Alert type="error" showIcon title={t('calendars.notFound')} />
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('calendars.back')}
        </Button>
      </Flex>
    );
  }
  return <CalendarEditor key={id} calendar={calendar.data} tab={tab} onTab={onTab} onBack={onBack} />;
}

const NO_ERRORS: TDefinitionErrors = new Map();
const HOURS_PATHS = ['timeZone', 'mode', 'weeklyHours', 'makeupHours'];
const HOLIDAY_PATHS = ['holidays', 'makeupWorkdays'];

function CalendarEditor({ calendar, tab, onTab, onBack }: Omit<Props, 'id'> & { calendar: TCalendar }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const editable = can('calendars.manage');
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [draft, setDraftState] = useState<TDefinitionDraft>(calendar.definition);
  const [syncedVersion, setSyncedVersion] = useState(calendar.version);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<TDefinitionErrors>(NO_ERRORS);
  const [renaming, setRenaming] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const errorsRef = useRef<HTMLDivElement>(null);

  // A new version from the server (saved, imported, reloaded after a conflict) replaces the draft.
  if (calendar.version !== syncedVersion) {
    setSyncedVersion(calendar.version);
    setDraftState(calendar.definition);
    setSubmitted(false);
    setServerErrors(NO_ERRORS);
  }

  const setDraft = (next: TDefinitionDraft) => {
    setDraftState(next);
    setServerErrors(NO_ERRORS);
  };
  const dirty = JSON.stringify(draft) !== JSON.stringify(calendar.definition);

  // The shared core schema checks the draft before it is sent; the server's 422 details use the same paths.
  const localErrors = useMemo(() => {
    if (!submitted) return NO_ERRORS;
    const parsed = ZCalendarDefinition.safeParse(draft);
    return parsed.success ? NO_ERRORS : definitionErrors(parsed.error.issues);
  }, [draft, submitted]);
  const errors = useMemo(() => {
    const merged: TDefinitionErrors = new Map(localErrors);
    for (const [key, messages] of serverErrors) merged.set(key, [...new Set([...(merged.get(key) ?? []), ...messages])]);
    return merged;
  }, [localErrors, serverErrors]);

  // After a refused save the list of problems may be far above the sticky save bar: bring it into view.
  const hasErrors = errors.size > 0;
  useEffect(() => {
    if (attempt > 0 && hasErrors) errorsRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [attempt, hasErrors]);

  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: ['calendars'] });
  };

  const save = useMutation({
    mutationFn: () =>
      api<TCalendar>(`/calendars/${calendar.id}`, { method: 'PATCH', body: { version: calendar.version, definition: draft } }),
    onSuccess: (saved) => {
      message.success(t('common.saved'));
      queryClient.setQueryData(['calendars', calendar.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['calendars'] });
    },
    onError: (error) => {
      if (isStaleVersion(error)) {
        modal.confirm({
          title: t('calendars.conflictTitle'),
          content: t('calendars.conflictText'),
          okText: t('calendars.reload'),
          cancelText: t('common.cancel'),
          onOk: reload,
        });
      } else if (error instanceof ApiError && error.status === 422 && error.details.length > 0) {
        setServerErrors(definitionErrors(error.details));
        setAttempt((n) => n + 1);
      } else {
        showError(error);
      }
    },
  });

  const onSave = () => {
    setSubmitted(true);
    setAttempt((n) => n + 1);
    if (ZCalendarDefinition.safeParse(draft).success) save.mutate();
  };
  const discard = () => {
    setDraftState(calendar.definition);
    setSubmitted(false);
    setServerErrors(NO_ERRORS);
  };

  const hoursErrors = countUnder(errors, HOURS_PATHS);
  const holidayErrors = countUnder(errors, HOLIDAY_PATHS);
  const tabLabel = (key: string, count: number) => (
    <Badge count={count} size="small" offset={[6, -2]}>
      {t(key)}
    </Badge>
  );

  return (
    <div data-testid="calendar-detail">
      <PageHeader
        title={
          <Space size={8} wrap>
            <span>{calendar.name}</span>
            {calendar.isDefault && <Tag color="blue">{t('calendars.defaultTag')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
              {t('calendars.back')}
            </Button>
            {editable && (
              <Button icon={<EditOutlined />} onClick={() => setRenaming(true)}>
                {t('calendars.rename')}
              </Button>
            )}
          </Space>
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {calendar.definition.timeZone} · {t(`calendars.mode_${calendar.definition.mode}`)} ·{' '}
        {t('calendars.version', { version: calendar.version })}
      </Typography.Paragraph>
      <div ref={errorsRef} style={{ scrollMarginTop: 72 }} />
      {errors.size > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="calendar-errors"
          title={t('calendars.errorsTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {[...errors].flatMap(([key, messages]) =>
                messages.map((m) => (
                  <li key={`${key}:${m}`}>
                    <strong>{describePath(key, t)}</strong>
                    <Typography.Text type="secondary" code style={{ marginInline: 4, fontSize: 12 }}>
                      {key}
                    </Typography.Text>
                    {m}
                  </li>
                )),
              )}
            </ul>
          }
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => onTab(key as TCalendarTab)}
        items={[
          { key: 'month', label: t('calendars.tabMonth'), children: <MonthView calendar={calendar} /> },
          { key: 'preview', label: t('calendars.tabPreview'), children: <DuePreview calendar={calendar} /> },
          {
            key: 'hours',
            label: tabLabel('calendars.tabHours', hoursErrors),
            children: <WorkingHoursEditor draft={draft} onChange={setDraft} errors={errors} editable={editable} />,
          },
          {
            key: 'holidays',
            label: tabLabel('calendars.tabHolidays', holidayErrors),
            children: (
              <HolidaysEditor calendar={calendar} draft={draft} onChange={setDraft} errors={errors} editable={editable} dirty={dirty} />
            ),
          },
        ]}
      />
      {editable && dirty && (
        <div style={{ position: 'sticky', bottom: 0, zIndex: 10, paddingBlock: 8, background: 'inherit' }}>
          <Alert
            type="warning"
            showIcon
            data-testid="calendar-unsaved"
            title={t('calendars.unsaved')}
            action={
              <Flex gap={8} wrap justify="flex-end">
                <Button size="small" onClick={discard}>
                  {t('calendars.discard')}
                </Button>
                <Button size="small" type="primary" loading={save.isPending} onClick={onSave} data-testid="calendar-save">
                  {t('calendars.save')}
                </Button>
              </Flex>
            }
          />
        </div>
      )}
      <CalendarFormModal open={renaming} calendar={calendar} onClose={() => setRenaming(false)} />
    </div>
  );
}
