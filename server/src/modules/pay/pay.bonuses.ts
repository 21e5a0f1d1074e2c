import { type TPayBonus, type TPayPolicy, addMonths } from '@techserve/core';
import type { Db } from '../../http/context';
import { bestEmployeeBonuses } from '../kpi/awards.service';
import { rankingBonusOf } from '../kpi/ranking-bonus.service';

/**
 * The month's bonuses decided outside the appraisal sheet, per person, set-based, each already explained:
 * - AP-6: the best employees the GM confirmed for the month (confirmation needs the month open, so a closed month's
 *   list no longer changes);
 * - PAY-2/ORG-4: the half-year ranking bonus, paid with the payroll of the period's last month. Periods run from
 *   January in the policy's period length (6: January–June paid in June, July–December in December); a month that
 *   ends no period pays none.
 */
export async function bonusesOfMonth(db: Db, pay: TPayPolicy, month: string, userIds: number[]): Promise<Map<number, TPayBonus[]>> {
  const byUser = new Map<number, TPayBonus[]>(userIds.map((id) => [id, []]));
  for (const b of await bestEmployeeBonuses(db, month, userIds))
    byUser.get(b.userId)?.push({ key: `AP-6:${month}`, ruleId: 'AP-6', amountFen: b.bonusFen, explanation: b.explanation });
  const period = pay.rankingBonus.periodMonths;
  if (Number(month.slice(5, 7)) % period === 0) {
    const page = await rankingBonusOf(db, addMonths(month, 1 - period));
    if (page.to === month)
      for (const person of page.people)
        for (const l of person.lines)
          byUser.get(person.userId)?.push({
            key: `PAY-2:${page.from}:${l.regionId}`,
            ruleId: l.explanation.ruleId,
            amountFen: l.amountFen,
            explanation: l.explanation,
          });
  }
  return byUser;
}
