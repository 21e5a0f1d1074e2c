import type { TExplanation } from '@techserve/core';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A server explanation in the UI language, with its rule id as a tag. */
export function ExplanationText({ explanation }: { explanation: TExplanation }) {
  const { i18n } = useTranslation();
  // The sentence starts with its rule id ('SLA-3：…'); the tag shows it already.
  const text = explanation.text[i18n.language === 'en' ? 'en' : 'zh-CN'].replace(new RegExp(`^${explanation.ruleId}[：:]\\s*`), '');
  return (
    <Flex gap={8} align="baseline" data-testid="calendar-explanation">
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {explanation.ruleId}
      </Tag>
      <Typography.Text type="secondary" style={{ wordBreak: 'break-word' }}>
        {text}
      </Typography.Text>
    </Flex>
  );
}
