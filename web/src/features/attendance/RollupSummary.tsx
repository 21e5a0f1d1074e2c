import type { TAttendanceRollup } from '@techserve/core';
import { Alert, Card, Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExplanationLine } from '../../shared/ExplanationLine';
import './i18n';

/** RS-5/RS-9/AT-3: one person's month in figures, the explanation due and the resignation proposal, with explanations. */
export function RollupSummary({ rollup }: { rollup: TAttendanceRollup }) {
  const { t } = useTranslation();
  const fields = [
    'workingDays',
    'presentDays',
    'leaveDays',
    'tripDays',
    'absences',
    'lateCount',
    'lateMinutes',
    'earlyCount',
    'missingPunches',
    'conductPoints',
  ] as const;
  return (
    <Card size="small" title={t('attendance.summary')} data-testid="rollup-summary">
      <Flex vertical gap={8}>
        {rollup.explanationDue && <Alert type="warning" showIcon message={t('attendance.explanationDue')} data-testid="explanation-due" />}
        {rollup.resignationProposal && <Alert type="error" showIcon message={t('attendance.resignationProposal')} />}
        <Descriptions size="small" column={{ xs: 2, sm: 3, md: 5 }}>
          {fields.map((f) => (
            <Descriptions.Item key={f} label={t(`attendance.${f}`)}>
              {rollup[f]}
            </Descriptions.Item>
          ))}
        </Descriptions>
        {rollup.explanations.map((e, i) => (
          <ExplanationLine key={i} explanation={e} testId="rollup-explanation" />
        ))}
      </Flex>
    </Card>
  );
}
