import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/initI18n';
import { useLanguage } from '../i18n/useLanguage';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <Select
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      value={language}
      onChange={setLanguage}
      variant="borderless"
      suffixIcon={<GlobalOutlined />}
      popupMatchSelectWidth={false}
      options={LANGUAGES.map((value) => ({ value, label: value === 'en' ? t('lang.en') : t('lang.zhCN') }))}
    />
  );
}
