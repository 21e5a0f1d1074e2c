import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';
import { applyZodLocale } from './zodLocale';

export const LANG_STORAGE_KEY = 'techserve.lang';
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type TLanguage = (typeof LANGUAGES)[number];

/** The remembered language, zh-CN when none (or an unknown one) is stored. */
export function storedLanguage(): TLanguage {
  try {
    const value = window.localStorage.getItem(LANG_STORAGE_KEY);
    return value === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

applyZodLocale(storedLanguage());
i18n.on('languageChanged', applyZodLocale);

export { i18n };
