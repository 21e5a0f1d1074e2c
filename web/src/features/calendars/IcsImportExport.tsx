import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { TCalendar } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Radio, Tooltip } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { describePath, definitionErrors } from './definitionErrors';

type Props = { calendar: TCalendar; editable: boolean; dirty: boolean };

/** Holidays and make-up days in and out as iCalendar (.ics) files. */
export function IcsImportExport({ calendar, editable, dirty }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [replace, setReplace] = useState(false);
  const [problems, setProblems] = useState<{ key: string; message: string }[] | null>(null);

  const importIcs = useMutation({
    mutationFn: (ics: string) => api<TCalendar>(`/calendars/${calendar.id}/holidays/import`, { method: 'POST', body: { ics, replace } }),
    onSuccess: (updated) => {
      setProblems(null);
      queryClient.setQueryData(['calendars', calendar.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['calendars'] });
      message.success(
        t('calendars.importDone', { holidays: updated.definition.holidays.length, makeup: updated.definition.makeupWorkdays.length }),
      );
    },
    onError: (error) => {
      const details = error instanceof ApiError && error.details.length ? error.details : [{ path: '', message: (error as Error).message }];
      setProblems([...definitionErrors(details)].flatMap(([key, messages]) => messages.map((m) => ({ key, message: m }))));
    },
  });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    importIcs.mutate(await file.text());
    if (input.current) input.current.value = '';
  };

  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8} align="center">
        {editable && (
          <>
            <Radio.Group
              optionType="button"
              size="small"
              value={replace}
              onChange={(e) => setReplace(e.target.value)}
              aria-label={t('calendars.importMode')}
              options={[
                { value: false, label: t('calendars.importMerge') },
                { value: true, label: t('calendars.importReplace') },
              ]}
            />
            <Tooltip title={dirty ? t('calendars.importDirty') : undefined}>
              <Button
                icon={<UploadOutlined />}
                loading={importIcs.isPending}
                disabled={dirty}
                onClick={() => input.current?.click()}
                data-testid="ics-import"
              >
                {t('calendars.importIcs')}
              </Button>
            </Tooltip>
            <input
              ref={input}
              type="file"
              accept=".ics,text/calendar"
              style={{ display: 'none' }}
              onChange={(e) => void onFile(e.target.files?.[0])}
              data-testid="ics-file"
            />
          </>
        )}
        <Button icon={<DownloadOutlined />} href={`/api/v1/calendars/${calendar.id}/holidays.ics`} download data-testid="ics-export">
          {t('calendars.exportIcs')}
        </Button>
      </Flex>
      {problems && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setProblems(null) }}
          title={t('calendars.importFailed')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((p, i) => (
                <li key={i}>
                  <strong>{describePath(p.key, t)}</strong>: {p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Flex>
  );
}
