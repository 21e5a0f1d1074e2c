import { type TPayBonus, type TPayPolicy, type TRankingBonusPage, addMonths } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { recordAudit } from '../audit/audit.service';
import { bestEmployeeBonuses } from '../kpi/awards.service';
import { rankingBonusOf } from '../kpi/ranking-bonus.service';
import { insertRankingSnapshot, rankingSnapshot } from './pay.repository';

/**
 * PAY-2: the half-year's ranking page the payroll pays. Once the period's last month has been exported, the page stored
 * then (pay_ranking_snapshots); before, the page computed now from the consolidated KPIs. `fixWith` (the export) stores
 * the page on the first export, audited: the ranking reads facts that may still change after the month's sheets are
 * frozen (a late KPI consolidation, a region's engineers, a request's assignee), and a frozen month handed to finance
 * must always give the same figures.
 */
async function rankingPageOf(db: Db, from: string, fixWith: Ctx | undefined): Promise<TRankingBonusPage> {
  const stored = await rankingSnapshot(db, from);
  if (stored) return JSON.parse(stored.page) as TRankingBonusPage;
  const page = await rankingBonusOf(db, from);
  if (!fixWith) return page;
  const at = nowIso(fixWith.clock);
  await fixWith.db.transaction().execute(async (tx) => {
    await insertRankingSnapshot(tx, { periodFrom: page.from, periodTo: page.to, page: JSON.stringify(page), by: fixWith.actor.id, at });
    await recordAudit(tx, fixWith, {
      action: 'pay.ranking.fix',
      entity: 'pay_ranking_snapshot',
      entityId: page.from,
      after: { period: `${page.from}..${page.to}`, policyVersion: page.policyVersion, people: page.people.length },
    });
  });
  // A concurrent first export may have stored its page first: that one is paid.
  return JSON.parse((await rankingSnapshot(db, from))?.page ?? JSON.stringify(page)) as TRankingBonusPage;
}

/**
 * The month's bonuses decided outside the appraisal sheet, per person, set-based, each already explained:
 * - AP-6: the best employees the GM confirmed for the month (confirmation needs the month open, so a closed month's
 *   list no longer changes);
 * - PAY-2/ORG-4: the half-year ranking bonus, paid with the payroll of the period's last month. Periods run from
 *   January in the policy's period length (6: January–June paid in June, July–December in December); a month that
 *   ends no period pays none. Fixed at the month's first export (rankingPageOf).
 */
export async function bonusesOfMonth(
  db: Db,
  pay: TPayPolicy,
  month: string,
  userIds: number[],
  fixWith?: Ctx,
): Promise<Map<number, TPayBonus[]>> {
  const byUser = new Map<number, TPayBonus[]>(userIds.map((id) => [id, []]));
  for (const b of await bestEmployeeBonuses(db, month, userIds))
    byUser.get(b.userId)?.push({ key: `AP-6:${month}`, ruleId: 'AP-6', amountFen: b.bonusFen, explanation: b.explanation });
  const period = pay.rankingBonus.periodMonths;
  if (Number(month.slice(5, 7)) % period === 0) {
    const page = await rankingPageOf(db, addMonths(month, 1 - period), fixWith);
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
