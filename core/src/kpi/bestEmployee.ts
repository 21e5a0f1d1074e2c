import { type TExplanation, explain, formatMoneyFen } from '../explanation';

/*
 * AP-6 monthly best employee (优秀员工): the anonymous nomination's tallies rank the candidates; the policy's number
 * per month of them are under review at a time (manager → VP → GM); a veto (a complaint, a quality issue or
 * slackness that month, with a reason) passes the place to the next candidate by votes.
 */

export const AWARD_STEPS = ['manager', 'vp', 'gm'] as const;
export type TAwardStep = (typeof AWARD_STEPS)[number];
export const VETO_GROUNDS = ['complaint', 'quality', 'slackness'] as const;
export type TVetoGround = (typeof VETO_GROUNDS)[number];
export type TCandidateState = 'waiting' | 'in_review' | 'confirmed' | 'vetoed';

/** The candidates: everyone with at least one vote, most votes first; equal votes by id (the order is stated). */
export function rankCandidates(tallies: { nomineeId: number; votes: number }[]): { nomineeId: number; votes: number; rank: number }[] {
  return tallies
    .filter((t) => t.votes > 0)
    .sort((a, b) => b.votes - a.votes || a.nomineeId - b.nomineeId)
    .map((t, i) => ({ ...t, rank: i + 1 }));
}

/**
 * The waiting candidates that take a free place: the places are the policy's number per month, taken by the
 * candidates under review or confirmed; a vetoed one frees its place for the next by rank.
 */
export function candidatesToReview(candidates: { id: number; rank: number; state: TCandidateState }[], perMonth: number): number[] {
  const taken = candidates.filter((c) => c.state === 'in_review' || c.state === 'confirmed').length;
  return candidates
    .filter((c) => c.state === 'waiting')
    .sort((a, b) => a.rank - b.rank)
    .slice(0, Math.max(0, perMonth - taken))
    .map((c) => c.id);
}

/** The step after the ones done; null once the GM has confirmed. */
export function nextAwardStep(done: { manager: boolean; vp: boolean; gm: boolean }): TAwardStep | null {
  return AWARD_STEPS.find((s) => !done[s]) ?? null;
}

/** AP-6: the confirmed best employee's bonus, explained (a fact the appraisal and pay read). */
export function bestEmployeeBonus(month: string, votes: number, bonusFen: number, policyVersion: number | null): TExplanation {
  return explain({
    ruleId: 'AP-6',
    policyVersion,
    inputs: { month, votes, bonusFen },
    result: bonusFen,
    zh: `${month} 优秀员工（得票 ${votes}，经部门经理、副总审核，总经理确认）奖励 ${formatMoneyFen(bonusFen, 'zh-CN')}`,
    en: `${month} best employee (${votes} votes, reviewed by the manager and the VP, confirmed by the GM): bonus ${formatMoneyFen(bonusFen, 'en')}`,
  });
}
