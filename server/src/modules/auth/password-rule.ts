import { type TAccountsPolicy, defaultPolicy } from '@techserve/core';
import { checkPassword } from '@techserve/core/passwords/strength';
import type { Db } from '../../http/context';
import { fieldDetail, refuse } from '../../http/errors';
import { policyAt } from '../policy/policy-in-force';

/** The ACC-1 settings in force now (the defaults before any version is published). */
export async function accountsPolicyNow(db: Db, now: Date): Promise<TAccountsPolicy> {
  return (await policyAt(db, now))?.document.accounts ?? defaultPolicy().accounts;
}

/**
 * ACC-1 (issue 18 item 3): refuses a password that is too short, too easy to guess, or contains the user name or
 * the company name — self-service change, admin-set and first-admin passwords alike. 422 by reason key, one detail
 * per reason at `path`.
 */
export function assertPasswordAllowed(
  password: string,
  policy: TAccountsPolicy,
  context: { username: string; name?: string; companyName: string },
  path: string,
) {
  const check = checkPassword(password, policy, context);
  if (check.ok) return;
  const [first] = check.refusals;
  throw refuse('invalid_value', first.reason, first.params, {
    ruleId: 'ACC-1',
    details: check.refusals.map((r) => fieldDetail(path, r.reason, r.params)),
  });
}
