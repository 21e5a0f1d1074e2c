import { type TExplanation, customerFacingText } from '@techserve/core';
import { Flex, Tag, Typography } from 'antd';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionContext } from '../features/auth/SessionContext';

/**
 * A server explanation in the UI language: its rule id as a tag, the sentence, and the policy version (when it has
 * one). A customer (portal: company or site scope) reads the sentence alone — no rule ids, no policy versions
 * (issue 12 item 7); staff keep all of it.
 */
export function ExplanationLine({ explanation, testId = 'explanation' }: { explanation: TExplanation; testId?: string }) {
  const { t, i18n } = useTranslation();
  const scope = useContext(SessionContext)?.session?.user.role.scope;
  const customer = scope === 'company' || scope === 'site';
  const sentence = explanation.text[i18n.language === 'en' ? 'en' : 'zh-CN'];
  if (customer)
    return (
      <Typography.Text type="secondary" style={{ wordBreak: 'break-word', maxWidth: 520 }} data-testid={testId}>
        {customerFacingText(sentence)}
      </Typography.Text>
    );
  // The sentence starts with its rule id ('SLA-2：…'); the tag shows it already.
  const text = sentence.replace(new RegExp(`^${explanation.ruleId}[：:]\\s*`), '');
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
