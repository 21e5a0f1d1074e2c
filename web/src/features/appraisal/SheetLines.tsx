import type { TAppraisalSheet } from '@techserve/core';
import { Button, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { money } from '../../shared/money';
import './i18n';

const KIND_COLOR = {
  fine: 'red',
  bonus: 'green',
  score: 'blue',
  grade: 'purple',
  proposal: 'orange',
  info: 'default',
  adjustment: 'gold',
} as const;

/** AP-15: every line of a sheet with its explanation (rule, policy version, facts); the owner may dispute one. */
export function SheetLines({ sheet, onDispute }: { sheet: TAppraisalSheet; onDispute?: (lineKey: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <List
      size="small"
      dataSource={sheet.lines}
      renderItem={(line) => (
        <List.Item key={line.key} data-testid="appraisal-line" data-key={line.key}>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8} wrap>
              <Tag color={KIND_COLOR[line.kind]}>{t(`appraisal.kind_${line.kind}`)}</Tag>
              {line.amountFen !== 0 && (
                <Typography.Text strong type={line.amountFen < 0 ? 'danger' : 'success'}>
                  {money(line.amountFen, i18n.language)}
                </Typography.Text>
              )}
            </Flex>
            <ExplanationLine explanation={line.explanation} />
            {onDispute && line.kind !== 'info' && (
              <Button size="small" type="link" style={{ alignSelf: 'flex-start', padding: 0 }} onClick={() => onDispute(line.key)}>
                {t('appraisal.dispute')}
              </Button>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}
