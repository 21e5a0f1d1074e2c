import type { TInstalledProduct } from '@techserve/core';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

const COLOURS = { in_warranty: 'green', expired: 'red', unknown: 'default' } as const;

/** CU-2: the warranty state, with the explanation (rule, policy version, facts) on hover. */
export function WarrantyTag({ warranty }: { warranty: TInstalledProduct['warranty'] }) {
  const { t, i18n } = useTranslation();
  const text = i18n.language === 'en' ? warranty.explanation.text.en : warranty.explanation.text['zh-CN'];
  return (
    <Tooltip title={text}>
      <Tag color={COLOURS[warranty.status]} data-testid="warranty-tag">
        {t(`customers.warranty_${warranty.status}`)}
      </Tag>
    </Tooltip>
  );
}
