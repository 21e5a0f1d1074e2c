import { z } from 'zod';
import { zInt } from './schemas/common';

/**
 * The explanation every computed result carries (design principle 2): which rule produced it, under which
 * policy version, from which facts, and a sentence in both UI languages.
 */
export const ZExplanation = z.strictObject({
  ruleId: z.string().regex(/^[A-Z]+-\d+[a-z]?$/, 'a rule id such as AP-8 or SR-11b'),
  policyVersion: zInt().positive().nullable(),
  inputs: z.record(z.string(), z.unknown()),
  result: z.unknown(),
  text: z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
});
export type TExplanation = z.infer<typeof ZExplanation>;

export type TMoneyLocale = 'zh-CN' | 'en';

export interface ExplainOptions {
  ruleId: string;
  policyVersion: number | null;
  inputs: Record<string, unknown>;
  result: unknown;
  /** The sentence in Chinese; the rule id is prefixed unless the sentence already starts with it. */
  zh: string;
  /** The sentence in English; the rule id is prefixed unless the sentence already starts with it. */
  en: string;
}

const withRuleId = (ruleId: string, sentence: string, separator: string): string =>
  sentence.startsWith(ruleId) ? sentence : `${ruleId}${separator}${sentence}`;

/**
 * Builds an explanation: `explain({ ruleId: 'AP-8', ..., en: '差 on attitude in service SR-2026-0012 → fine 50' })`
 * gives the text "AP-8: 差 on attitude in service SR-2026-0012 → fine 50".
 */
export function explain(options: ExplainOptions): TExplanation {
  return {
    ruleId: options.ruleId,
    policyVersion: options.policyVersion,
    inputs: options.inputs,
    result: options.result,
    text: {
      'zh-CN': withRuleId(options.ruleId, options.zh, '：'),
      en: withRuleId(options.ruleId, options.en, ': '),
    },
  };
}

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Formats integer fen (分) as yuan: whole amounts without decimals, others with two.
 * zh-CN: "1,200 元", "50.50 元"; en: "¥1,200", "¥50.50".
 */
export function formatMoneyFen(fen: number, locale: TMoneyLocale): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`money must be integer fen, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = groupThousands(String(Math.floor(abs / 100)));
  const cents = abs % 100;
  const amount = cents === 0 ? yuan : `${yuan}.${String(cents).padStart(2, '0')}`;
  return locale === 'zh-CN' ? `${sign}${amount} 元` : `${sign}¥${amount}`;
}

/** A rule id as the regulations number them (SR-9, SLA-2, AP-8, SR-11b): one to five capitals, a dash, 1-3 digits. */
const RULE = String.raw`[A-Z]{1,5}-\d{1,3}[a-z]?(?![\w-])`;
const CUSTOMER_STRIPS: Array<[RegExp, string]> = [
  // "（规则 FS-3）", "(SLA-3)", "（合同约定，CU-4）" → "", "", "（合同约定）"
  [new RegExp(String.raw`\s?[（(]\s*(?:规则|rule)?\s*${RULE}\s*[）)]`, 'gi'), ''],
  [new RegExp(String.raw`[，,]\s*${RULE}(?=\s*[）)])`, 'g'), ''],
  // "SLA-2：…", "SLA-4: …" at a sentence start
  [new RegExp(String.raw`(^|[。；;.]\s*)${RULE}\s*[：:]\s*`, 'g'), '$1'],
  // "政策第 3 版" / "制度第 3 版" / "policy version 3" / "policy v3", with the bracket or separator around it
  [/\s?[（(·]?\s*(?:政策|制度)第\s*\d+\s*版\s*[）)]?/g, ''],
  [/\s?[(·]?\s*policy (?:version |v)\d+\s*\)?/gi, ''],
];

/**
 * What a customer reads of an explanation (issue 12 item 7): the same sentence without the internal words — rule ids
 * and policy version numbers. Staff keep the full text with its rule id. Request numbers such as SR-20260301-0001
 * and contract numbers stay (they are longer than a rule number).
 */
export function customerFacingText(text: string): string {
  return CUSTOMER_STRIPS.reduce((s, [pattern, by]) => s.replace(pattern, by), text).trim();
}
