import type { TExplanation } from '@techserve/core';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A server explanation in the UI language: its rule id as a tag, the sentence, and the policy version (when it has one). */
export function ExplanationLine({ explanation, testId = 'explanation' }: { explanation: TExplanation; testId?: string }) {
  const { t, i18n } = useTranslation();
  // The sentence starts with its rule id ('SLA-2：…'); the tag shows it already.
  const text = explanation.text[i18n.language === 'en' ? 'en' : 'zh-CN'].replace(new RegExp(`^${explanation.ruleId}[：:]\\s*`), '');
  return (
    <Flex gap={6} align="baseline" wrap style={{ maxWidth: 520 }} data-testid={testId}>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {explanation.ruleId}
      </Tag>
      <Typography.Text type="secondary" style={{ wordBreak: 'break-word', flex: 1, minWidth: 0 }}>
        {text}
        {explanation.policyVersion != null && <> · {t('common.policyVersionOf', { version: explanation.policyVersion })}</>}
      </Typography.Text>
    </Flex>
  );
}
