/** A short list in the UI language: 甲、乙、丙 in Chinese, "A, B, C" in English (no Chinese comma in English screens). */
export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language === 'en' ? 'en' : 'zh-CN', { type: 'conjunction', style: 'narrow' }).format(items);
}
