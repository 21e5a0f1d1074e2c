import { defineReasons } from './catalogue';

/** AP-6 best employee, AP-16 KPIs. */
export const KPI_REASONS = defineReasons({
  'awards.selfVote': { 'zh-CN': '不能投票给自己', en: 'You cannot vote for yourself' },
  'awards.alreadyVoted': { 'zh-CN': '您已为 {month} 投过票，每人每月一票', en: 'You have already voted for {month}: one vote a month' },
  'awards.notNominee': {
    'zh-CN': '被提名人不在本月可评选的员工之中',
    en: 'The nominee is not among the staff who can be nominated this month',
  },
  'awards.votingClosed': { 'zh-CN': '{month} 的投票已结束', en: 'Voting for {month} is closed' },
  'awards.votingNotOpen': {
    'zh-CN': '只能为本月或上月投票（{month} 不在其中）',
    en: 'Votes are for this month or last month ({month} is neither)',
  },
  'awards.noVotes': { 'zh-CN': '{month} 尚无投票', en: 'Nobody has voted for {month} yet' },
  'awards.notInReview': { 'zh-CN': '该候选人不在审核中', en: 'The candidate is not under review' },
  'awards.outOfOrder': {
    'zh-CN': '审核须按顺序进行：下一步是{step}',
    en: 'The review goes in order: the next step is {step}',
  },
  'awards.ownCandidacy': { 'zh-CN': '不能审核自己的评选', en: 'You cannot review your own candidacy' },
  'awards.noGroundFact': {
    'zh-CN': '被提名人当月没有{ground}记录，不能以此否决',
    en: 'The nominee has no {ground} that month to veto on',
  },
  'kpi.periodNotEnded': { 'zh-CN': '{period} 尚未结束，不能考评', en: '{period} has not ended; it cannot be reviewed yet' },
  'kpi.ownReview': { 'zh-CN': '不能以上级身份评估自己', en: 'You cannot score yourself as the superior' },
  'kpi.notInScope': { 'zh-CN': '此人不在您的考评范围内', en: 'This person is not in your scope' },
  'kpi.consolidated': {
    'zh-CN': '{period} 的绩效指标已由人事汇总，不再修改',
    en: 'The KPIs of {period} are consolidated by HR and no longer change',
  },
  'kpi.nothingToConsolidate': {
    'zh-CN': '尚无自评或上级评估，不能汇总',
    en: 'There is no self-appraisal or superior score to consolidate yet',
  },
});
