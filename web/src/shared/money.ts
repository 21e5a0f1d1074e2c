import { formatMoneyFen } from '@techserve/core';

// Money is integer fen in the API; the UI shows and edits yuan.

export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Yuan typed in a form → integer fen (NaN for a blank or anything that is not a number). */
export function yuanToFen(yuan: unknown): number {
  return yuan === '' || yuan == null ? Number.NaN : Math.round(Number(yuan) * 100);
}

/** `¥1,234.50` with two decimals in the locale's digits grouping. */
export function formatYuan(fen: number, locale: string): string {
  return `¥${fenToYuan(fen).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Fen in the UI language (core's formatting: 元 in Chinese). */
export const money = (fen: number, language: string) => formatMoneyFen(fen, language === 'en' ? 'en' : 'zh-CN');
