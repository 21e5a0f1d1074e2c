import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LANG_STORAGE_KEY, type TLanguage } from './initI18n';

export function dayjsLocale(language: TLanguage): string {
  return language === 'en' ? 'en' : 'zh-cn';
}

/** The current UI language and a setter that also remembers it and moves dayjs along. */
export function useLanguage(): [TLanguage, (next: TLanguage) => void] {
  const { i18n } = useTranslation();
  const language: TLanguage = i18n.language === 'en' ? 'en' : 'zh-CN';
  const setLanguage = useCallback(
    (next: TLanguage) => {
      try {
        window.localStorage.setItem(LANG_STORAGE_KEY, next);
      } catch {
        // private mode: the choice lasts for this page only
      }
      dayjs.locale(dayjsLocale(next));
      document.documentElement.lang = next;
      void i18n.changeLanguage(next);
    },
    [i18n],
  );
  return [language, setLanguage];
}
