import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** The site to show when the actor sees more than one (a client user sees only its own, so no picker). */
export function SitePicker({
  sites,
  value,
  onChange,
}: {
  sites: { id: number; name: string }[];
  value: number | undefined;
  onChange: (id: number) => void;
}) {
  const { t } = useTranslation();
  if (sites.length < 2) return null;
  return (
    <Select
      value={value}
      onChange={onChange}
      options={sites.map((s) => ({ value: s.id, label: s.name }))}
      aria-label={t('residents.site')}
      style={{ minWidth: 200 }}
    />
  );
}
