import type { TInstalledProduct } from '@techserve/core';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

const COLOURS = { in_warranty: 'green', expired: 'red', unknown: 'default' } as const;

/** CU-2: 在保 / 过保 / 未知 with the end date; the explanation (rule, policy version, facts) on hover. */
export function WarrantyStatusTag({ warranty }: { warranty: TInstalledProduct['warranty'] }) {
  const { t, i18n } = useTranslation();
  const text = warranty.explanation.text[i18n.language === 'en' ? 'en' : 'zh-CN'];
  return (
    <Tooltip title={text}>
      <Tag color={COLOURS[warranty.status]} data-testid="warranty-status">
        {t(`tickets.warranty_${warranty.status}`)}
        {warranty.endDate && ` · ${t('tickets.warrantyUntil', { date: warranty.endDate })}`}
      </Tag>
    </Tooltip>
  );
}
