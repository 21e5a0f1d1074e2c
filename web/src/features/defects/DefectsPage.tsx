import { Checkbox } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { DefectsTable } from './DefectsTable';
import { useDefects } from './useDefects';
import './i18n';

/** SR-15: the defect reports to R&D or production — an answerer's queue, or a reporter's own. */
export function DefectsPage() {
  const { t } = useTranslation();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const defects = useDefects(undefined, onlyOpen);
  return (
    <div>
      <PageHeader title={t('defects.title')} />
      <Checkbox checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} style={{ marginBottom: 12 }}>
        {t('defects.onlyOpen')}
      </Checkbox>
      <DefectsTable items={defects.items} loading={defects.loading} answer={defects.answer} />
    </div>
  );
}
