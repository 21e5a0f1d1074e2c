import type { TAppraisalSheet } from '@techserve/core';
import { Descriptions, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { money } from '../../shared/money';
import './i18n';

const pointsText = (tenths: number) => (tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1));

/** AP-4/AP-15: a sheet's grade, total, amount, state and next step, and its disputes. */
export function SheetSummary({ sheet }: { sheet: TAppraisalSheet }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('appraisal.person')}>{sheet.userName}</Descriptions.Item>
        <Descriptions.Item label={t('appraisal.state')}>
          <Tag data-testid="sheet-state" data-state={sheet.state}>
            {t(`appraisal.state_${sheet.state}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('appraisal.grade')}>
          <span data-testid="sheet-grade">
            {sheet.grade ? `${sheet.grade}（${pointsText(sheet.totalTenths ?? 0)}）` : t('appraisal.notGraded')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('appraisal.total')}>
          <span data-testid="sheet-amount">{money(sheet.amountFen, i18n.language)}</span>
        </Descriptions.Item>
        {sheet.nextStep && <Descriptions.Item label={t('appraisal.nextStep')}>{t(`appraisal.step_${sheet.nextStep}`)}</Descriptions.Item>}
      </Descriptions>
      {sheet.disputes.length > 0 && (
        <List
          size="small"
          header={t('appraisal.disputes')}
          dataSource={sheet.disputes}
          renderItem={(d) => (
            <List.Item key={d.id} data-testid="appraisal-dispute">
              <Typography.Text>
                <Tag>{t(`appraisal.dispute_${d.state}`)}</Tag>
                {sheet.lines.find((l) => l.key === d.lineKey)?.explanation.text[i18n.language === 'en' ? 'en' : 'zh-CN'] ??
                  d.lineKey} · {d.reason}
                {d.decision && ` → ${d.decision}`}
                {d.amountFen != null && `（${money(d.amountFen, i18n.language)}）`}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
