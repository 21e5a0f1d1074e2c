import type { TFieldServicePolicy, TKitItem, TLetterStatus } from '@techserve/core';
import { AppError, invalidValue } from '../../http/errors';

// FS-4: the kit a letter takes on the job — the standard items of the policy in force and what is packed.

/** FS-4: the standard kit of the policy in force, copied into the letter when it is created. */
export const standardKitItems = (policy: TFieldServicePolicy): TKitItem[] =>
  policy.standardKit.map((k) => ({
    key: k.id,
    category: 'standard',
    name: k.name['zh-CN'],
    nameEn: k.name.en,
    quantity: 1,
    packed: false,
  }));

/** FS-4: the standard items of the letter may be ticked but not removed; keys are unique. */
export function checkKit(current: TKitItem[], next: TKitItem[]) {
  const keys = new Set<string>();
  for (const [i, k] of next.entries()) {
    if (keys.has(k.key)) throw invalidValue(`body.kit.${i}.key`, `duplicate key ${k.key}`);
    keys.add(k.key);
  }
  const standard = current.filter((k) => k.category === 'standard');
  const missing = standard.filter((s) => !next.some((n) => n.key === s.key && n.category === 'standard'));
  if (missing.length) {
    throw new AppError('rule_violation', `The standard kit is taken on every job: ${missing.map((m) => m.name).join(', ')}`, {
      ruleId: 'FS-4',
      details: missing.map((m) => ({ path: 'body.kit', message: `standard item ${m.key} missing` })),
    });
  }
  const invented = next.filter((n) => n.category === 'standard' && !standard.some((s) => s.key === n.key));
  if (invented.length)
    throw invalidValue('body.kit', `not a standard item of this letter: ${invented.map((x) => x.key).join(', ')}`, 'FS-4');
  // Standard items keep their policy names.
  return next.map((n) => (n.category === 'standard' ? { ...(standard.find((s) => s.key === n.key) as TKitItem), packed: n.packed } : n));
}

/** FS-4: the letter's kit can be ticked as packed from the draft until the engineer is on site. */
export const PACKABLE: TLetterStatus[] = ['draft', 'submitted', 'approved', 'on_site'];
