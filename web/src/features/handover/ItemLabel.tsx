import type { THandoverItem } from '@techserve/core';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

/** One item of the checklist: its kind, label and (for a region) how many customers go with it. */
export function ItemLabel({ item }: { item: THandoverItem }) {
  const { t } = useTranslation();
  const customers = item.kind === 'region' && item.detail?.startsWith('customers:') ? Number(item.detail.slice(10)) : null;
  return (
    <Flex gap={6} wrap align="center">
      <Tag>{t(`handover.itemKind_${item.kind}`)}</Tag>
      <Typography.Text>{item.label}</Typography.Text>
      {customers !== null && <Typography.Text type="secondary">{t('handover.customersInRegion', { count: customers })}</Typography.Text>}
    </Flex>
  );
}
