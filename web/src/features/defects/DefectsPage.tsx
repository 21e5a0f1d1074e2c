import { Checkbox } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
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
  // SR-15: a notification links to /defects?discussion=<report id>; the drawer follows the address.
  const [params, setParams] = useSearchParams();
  const discussion = Number(params.get('discussion')) || null;
  const onDiscussion = (id: number | null) =>
    setParams((p) => {
      if (id == null) p.delete('discussion');
      else p.set('discussion', String(id));
      return p;
    });
  return (
    <div>
      <PageHeader title={t('defects.title')} />
      <Checkbox
        data-testid="defects-only-open"
        checked={onlyOpen}
        onChange={(e) => setOnlyOpen(e.target.checked)}
        style={{ marginBottom: 12 }}
      >
        {t('defects.onlyOpen')}
      </Checkbox>
      <DefectsTable
        items={defects.items}
        loading={defects.loading}
        answer={defects.answer}
        discussion={discussion}
        onDiscussion={onDiscussion}
      />
    </div>
  );
}
