import type { TInstalledProduct } from '@techserve/core';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { WarrantyTag } from './WarrantyTag';
import './i18n';

/** CU-2: the warranty state, its end date and the server's explanation of how it was reached. */
export function WarrantySummary({ warranty }: { warranty: TInstalledProduct['warranty'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Flex vertical gap={2} data-testid="warranty-summary">
      <Flex gap={4} align="center" wrap>
        <WarrantyTag warranty={warranty} />
        {warranty.endDate && <Typography.Text>{t('customers.warrantyUntil', { date: warranty.endDate })}</Typography.Text>}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-word' }}>
        {warranty.explanation.text[i18n.language === 'en' ? 'en' : 'zh-CN']}
      </Typography.Text>
    </Flex>
  );
}
