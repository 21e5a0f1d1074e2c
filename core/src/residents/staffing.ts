import { type TExplanation, explain } from '../explanation';

/** RS-11: the resident contract's head-count against the residents stationed at the site on a date. */
export type TStaffing = {
  date: string;
  contracted: number;
  active: number;
  inPeriod: boolean;
  underStaffed: boolean;
  shortBy: number;
  explanation: TExplanation;
};

/**
 * RS-11: a site is under-staffed on a date inside the contract's period when fewer residents are active there than
 * the contract's head-count (exactly met is staffed). Outside the period no head-count is owed.
 */
export function staffingOf(contract: { headcount: number; startDate: string; endDate: string }, active: number, date: string): TStaffing {
  const inPeriod = contract.startDate <= date && date <= contract.endDate;
  const shortBy = inPeriod ? Math.max(0, contract.headcount - active) : 0;
  const underStaffed = shortBy > 0;
  const period = `${contract.startDate}–${contract.endDate}`;
  return {
    date,
    contracted: contract.headcount,
    active,
    inPeriod,
    underStaffed,
    shortBy,
    explanation: explain({
      ruleId: 'RS-11',
      policyVersion: null,
      inputs: { date, headcount: contract.headcount, active, startDate: contract.startDate, endDate: contract.endDate },
      result: underStaffed ? 'underStaffed' : inPeriod ? 'staffed' : 'outsidePeriod',
      zh: !inPeriod
        ? `${date} 不在驻场合同期（${period}）内`
        : underStaffed
          ? `驻场合同约定 ${contract.headcount} 人（${period}），${date} 在岗 ${active} 人：缺 ${shortBy} 人`
          : `驻场合同约定 ${contract.headcount} 人（${period}），${date} 在岗 ${active} 人：满足`,
      en: !inPeriod
        ? `${date} is outside the resident contract's period (${period})`
        : underStaffed
          ? `The resident contract states ${contract.headcount} people (${period}); ${active} active on ${date}: ${shortBy} short`
          : `The resident contract states ${contract.headcount} people (${period}); ${active} active on ${date}: met`,
    }),
  };
}
