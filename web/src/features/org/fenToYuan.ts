/** Money is stored as integer fen; the UI shows and edits yuan. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function formatYuan(fen: number, locale: string): string {
  return `¥${fenToYuan(fen).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
