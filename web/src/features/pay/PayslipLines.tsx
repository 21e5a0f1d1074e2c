import type { TPayslipOut } from '@techserve/core';
import { Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { money } from '../../shared/money';
import './i18n';

/** PAY-5: every line of a payslip with its explanation; a fact not recorded (overtime) reads so, never 0. */
export function PayslipLines({ slip }: { slip: TPayslipOut }) {
  const { t, i18n } = useTranslation();
  return (
    <List
      size="small"
      dataSource={slip.lines}
      renderItem={(line) => (
        <List.Item key={line.key} data-testid="pay-line" data-key={line.key}>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8} wrap>
              <Tag>{t(`pay.kind_${line.kind}`)}</Tag>
              {line.amountFen === null ? (
                <Typography.Text type="warning">{t('pay.notRecorded')}</Typography.Text>
              ) : (
                <Typography.Text strong type={line.amountFen < 0 ? 'danger' : undefined}>
                  {money(line.amountFen, i18n.language)}
                </Typography.Text>
              )}
            </Flex>
            <ExplanationLine explanation={line.explanation} />
          </Flex>
        </List.Item>
      )}
    />
  );
}
