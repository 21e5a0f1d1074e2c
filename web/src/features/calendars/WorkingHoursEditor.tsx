import { WEEKDAY_KEYS } from '@techserve/core';
import { Alert, AutoComplete, Card, Divider, Flex, Form, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TDefinitionDraft } from './calendarTypes';
import { type TDefinitionErrors, errorAt } from './definitionErrors';
import { IntervalsEditor } from './IntervalsEditor';

const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Singapore', 'Europe/London', 'America/New_York', 'UTC'];

type Props = {
  draft: TDefinitionDraft;
  onChange: (draft: TDefinitionDraft) => void;
  errors: TDefinitionErrors;
  editable: boolean;
};

const dayMinutes = (intervals: { start: string; end: string }[]) =>
  intervals.reduce((sum, iv) => {
    const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
    return sum + Math.max(0, toMin(iv.end) - toMin(iv.start));
  }, 0);

/** SLA-3: the weekly working hours, time zone, mode and make-up-day hours of a calendar. */
export function WorkingHoursEditor({ draft, onChange, errors, editable }: Props) {
  const { t } = useTranslation();
  const zoneError = errorAt(errors, 'timeZone');
  const weekError = errorAt(errors, 'weeklyHours');
  const makeupError = errorAt(errors, 'makeupHours');
  return (
    <Form layout="vertical" component="div" disabled={!editable}>
      <Flex wrap gap={16}>
        <Form.Item
          label={t('calendars.timeZone')}
          validateStatus={zoneError ? 'error' : undefined}
          help={zoneError}
          style={{ minWidth: 220, flex: '1 1 220px', maxWidth: 360 }}
        >
          {editable ? (
            <AutoComplete
              value={draft.timeZone}
              onChange={(timeZone: string) => onChange({ ...draft, timeZone })}
              options={ZONES.map((value) => ({ value }))}
              placeholder={t('calendars.otherZone')}
              data-testid="calendar-timezone"
              showSearch={{ filterOption: false }}
            />
          ) : (
            <Typography.Text>{draft.timeZone}</Typography.Text>
          )}
        </Form.Item>
        <Form.Item label={t('calendars.mode')} style={{ flex: '1 1 220px' }}>
          {editable ? (
            <Radio.Group
              optionType="button"
              value={draft.mode}
              onChange={(e) => onChange({ ...draft, mode: e.target.value })}
              options={[
                { value: 'business', label: t('calendars.mode_business') },
                { value: '24x7', label: t('calendars.mode_24x7') },
              ]}
            />
          ) : (
            <Typography.Text>{t(`calendars.mode_${draft.mode}`)}</Typography.Text>
          )}
        </Form.Item>
      </Flex>
      {draft.mode === '24x7' && <Alert type="info" showIcon title={t('calendars.modeHint24x7')} style={{ marginBottom: 12 }} />}
      {weekError && <Alert type="error" showIcon title={weekError} style={{ marginBottom: 12 }} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        {WEEKDAY_KEYS.map((key, index) => {
          const intervals = draft.weeklyHours[key] ?? [];
          const minutes = dayMinutes(intervals);
          return (
            <Flex
              key={key}
              gap={12}
              align="flex-start"
              style={{ padding: '10px 12px', borderTop: index ? '1px solid #f0f0f0' : undefined }}
              data-testid={`hours-${key}`}
            >
              <Flex vertical style={{ width: 52, flex: 'none', paddingTop: editable ? 5 : 0 }}>
                <Typography.Text strong>{t(`calendars.weekday_${key}`)}</Typography.Text>
                {minutes > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('calendars.dayMinutes', { hours: Math.round((minutes / 60) * 100) / 100 })}
                  </Typography.Text>
                )}
              </Flex>
              <div style={{ flex: 1, minWidth: 0 }}>
                <IntervalsEditor
                  intervals={intervals}
                  onChange={(next) => onChange({ ...draft, weeklyHours: { ...draft.weeklyHours, [key]: next } })}
                  path={`weeklyHours.${key}`}
                  errors={errors}
                  editable={editable}
                  label={t(`calendars.weekday_${key}`)}
                />
              </div>
            </Flex>
          );
        })}
      </Card>
      <Divider titlePlacement="start" plain>
        {t('calendars.makeupHours')}
      </Divider>
      <Form.Item validateStatus={makeupError ? 'error' : undefined} help={makeupError}>
        <Flex vertical gap={8}>
          {!editable && !draft.makeupHours && <Typography.Text>{t('calendars.makeupHoursDefault')}</Typography.Text>}
          {editable && (
            <Radio.Group
              value={draft.makeupHours ? 'custom' : 'monday'}
              onChange={(e) =>
                onChange({
                  ...draft,
                  makeupHours: e.target.value === 'custom' ? [...(draft.weeklyHours.mon ?? [])] : undefined,
                })
              }
              options={[
                { value: 'monday', label: t('calendars.makeupHoursDefault') },
                { value: 'custom', label: t('calendars.makeupHoursCustom') },
              ]}
            />
          )}
          {draft.makeupHours && (
            <IntervalsEditor
              intervals={draft.makeupHours}
              onChange={(makeupHours) => onChange({ ...draft, makeupHours })}
              path="makeupHours"
              errors={errors}
              editable={editable}
              label={t('calendars.makeupHours')}
            />
          )}
        </Flex>
      </Form.Item>
    </Form>
  );
}
