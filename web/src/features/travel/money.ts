import { formatMoneyFen } from '@techserve/core';

/** Fen in the UI language. */
export const money = (fen: number, language: string) => formatMoneyFen(fen, language === 'en' ? 'en' : 'zh-CN');

/** Yuan typed in a form → integer fen (NaN for anything that is not a number). */
export const yuanToFen = (yuan: unknown) => (yuan === '' || yuan == null ? Number.NaN : Math.round(Number(yuan) * 100));
