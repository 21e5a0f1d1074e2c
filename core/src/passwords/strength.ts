import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import type { TAccountsPolicy } from '../policy/accountsPolicy';
import type { TReasonKey } from '../reasons';
import type { TReasonParams } from '../reasons/catalogue';
import { CHINESE_COMMON_PASSWORDS } from './chineseCommon';

/**
 * ACC-1 (issue 18 item 3): the one password rule of self-service change, admin-set and first-admin passwords, and of
 * the strength meter the web shows while typing. Imported by path (`@techserve/core/passwords/strength`), not
 * through the core index, so the web loads the dictionaries only on the pages that need them.
 */
let factory: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, chinese: [...CHINESE_COMMON_PASSWORDS] },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return factory;
}

export type TPasswordRefusal = { reason: TReasonKey; params: TReasonParams };
export type TPasswordCheck = { score: number; ok: boolean; refusals: TPasswordRefusal[] };

/** The parts of a name a password must not contain: the whole name and its words of 3 characters or more. */
function partsOf(name: string): string[] {
  const lower = name.trim().toLowerCase();
  const words = lower.split(/[\s\-_.@,，。·()（）]+/).filter((w) => [...w].length >= 3);
  return [...new Set([lower, ...words])].filter((w) => [...w].length >= 2);
}

/** Checks a password against the policy: length, strength score, and neither the user name nor the company name in it. */
export function checkPassword(
  password: string,
  policy: TAccountsPolicy,
  context: { username?: string; name?: string; companyName?: string },
): TPasswordCheck {
  const refusals: TPasswordRefusal[] = [];
  const lower = password.toLowerCase();
  const inputs = [context.username, context.name, context.companyName].filter((s): s is string => Boolean(s));
  const score = estimator().check(password.slice(0, 100), inputs).score;
  if ([...password].length < policy.passwordMinLength)
    refusals.push({ reason: 'password.tooShort', params: { min: policy.passwordMinLength } });
  if (context.username && partsOf(context.username).some((p) => lower.includes(p)))
    refusals.push({ reason: 'password.containsUsername', params: {} });
  if (context.companyName && partsOf(context.companyName).some((p) => lower.includes(p))) {
    refusals.push({ reason: 'password.containsCompanyName', params: {} });
  }
  if (score < policy.passwordMinScore) refusals.push({ reason: 'password.tooWeak', params: { score, min: policy.passwordMinScore } });
  return { score, ok: refusals.length === 0, refusals };
}
