import { Alert, App, Card, Empty, Flex, Spin } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { monthParam } from './monthParam';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { TextPromptDialog } from '../../shared/TextPromptDialog';
import { MonthPicker } from './MonthPicker';
import { ScoreForm } from './ScoreForm';
import { SheetLines } from './SheetLines';
import { SheetSummary } from './SheetSummary';
import { useAppraisalError, useAppraisalScheme, useAppraisalSheets, useAppraisalWrite } from './useAppraisal';
import './i18n';

/** AP-1/AP-2b/AP-15: my month — the self-appraisal before the due day, then my sheet with each line explained. */
export function MyAppraisalPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [month, setMonth] = useState(() => monthParam(params.get('month')) ?? dayjs().format('YYYY-MM'));
  const scheme = useAppraisalScheme(month);
  const list = useAppraisalSheets(month, 'mine');
  const write = useAppraisalWrite();
  const showError = useAppraisalError();
  const [disputing, setDisputing] = useState<string | null>(null);
  const sheet = list.data?.items[0];
  const dueDate = scheme.data?.selfDueDate;
  const closed = !dueDate || dayjs().format('YYYY-MM-DD') >= dueDate || (sheet != null && sheet.state !== 'draft');
  return (
    <Flex vertical gap={12} style={{ maxWidth: 900 }}>
      <PageHeader title={t('appraisal.mine')} />
      <MonthPicker value={month} onChange={setMonth} />
      <Card size="small" title={t('appraisal.selfAppraisal')}>
        {scheme.isLoading || !scheme.data ? (
          <Spin />
        ) : (
          <Flex vertical gap={8}>
            <Alert
              type={closed ? 'info' : 'warning'}
              showIcon
              title={t(closed ? 'appraisal.selfClosed' : 'appraisal.selfDue', { date: dueDate })}
            />
            <ScoreForm
              scheme={scheme.data}
              initial={sheet?.scores.self}
              disabled={closed}
              loading={write.isPending}
              submitLabel={t('appraisal.submitSelf')}
              testId="self-form"
              onSubmit={(scores) =>
                write.mutate(
                  { path: '/appraisal-sheets/self', method: 'PUT', body: { month, scores } },
                  { onSuccess: () => void message.success(t('appraisal.saved')), onError: (e) => showError(e) },
                )
              }
            />
          </Flex>
        )}
      </Card>
      <Card size="small" title={t('appraisal.sheet')}>
        {list.isLoading ? (
          <Spin />
        ) : !sheet ? (
          <Empty description={t('appraisal.noSheet')} />
        ) : (
          <Flex vertical gap={8}>
            <SheetSummary sheet={sheet} />
            <SheetLines sheet={sheet} onDispute={sheet.state === 'final' ? undefined : setDisputing} />
          </Flex>
        )}
      </Card>
      <TextPromptDialog
        open={disputing !== null}
        title={t('appraisal.dispute')}
        label={t('appraisal.disputeReason')}
        loading={write.isPending}
        testId="dispute"
        onClose={() => setDisputing(null)}
        onSubmit={(reason) =>
          sheet &&
          write.mutate(
            { path: `/appraisal-sheets/${sheet.id}/disputes`, body: { lineKey: disputing, reason } },
            {
              onSuccess: () => {
                setDisputing(null);
                void message.success(t('appraisal.saved'));
              },
              onError: (e) => showError(e),
            },
          )
        }
      />
    </Flex>
  );
}
