import { defineMessages, framed, phrase, verbatim } from './catalogue';

/** TR-1..TR-4, FS-3: travel requests, advances and claims. Amounts come as `{amount}`/`{rate}` in both languages. */
export const TRAVEL_REQUEST_MESSAGES = framed(
  { title: { 'zh-CN': '出差申请 #{id}：{news}', en: 'Travel request #{id}: {news}' }, body: verbatim('{news}') },
  {
    'travel.asked': { 'zh-CN': '{name} 申请出差 {start}～{end}', en: '{name} asks to travel {start}–{end}' },
    'travel.specialRateAsked': {
      'zh-CN': '{name} 申请特殊地区补助 {rate}/天（TR-4）',
      en: '{name} asks for a special-region rate of {rate}/day (TR-4)',
    },
    'travel.approved': { 'zh-CN': '已批准', en: 'approved' },
    'travel.rejected': { 'zh-CN': '已驳回{note}', en: 'rejected{note}' },
    'travel.specialRateApproved': { 'zh-CN': '特殊地区补助已批准', en: 'special-region rate approved' },
    'travel.specialRateRejected': { 'zh-CN': '特殊地区补助未批准', en: 'special-region rate rejected' },
    'travel.extraDaysReported': {
      'zh-CN': '{name} 报告行程外天数 {start}～{end}',
      en: '{name} reports days beyond the itinerary {start}–{end}',
    },
    'travel.extensionApproved': { 'zh-CN': '行程延长已批准', en: 'extension approved' },
    'travel.extensionRejected': { 'zh-CN': '行程延长未批准', en: 'extension rejected' },
    'travel.advanceAsked': { 'zh-CN': '{name} 申请预支出差款', en: '{name} asks for a travel advance' },
    'travel.claimFiled': { 'zh-CN': '{name} 提交报销 {amount}', en: '{name} claims {amount}' },
  },
);

export const TRAVEL_ADVANCE_MESSAGES = framed(
  { title: { 'zh-CN': '预支出差款：{news}', en: 'Travel advance: {news}' }, body: verbatim('{news}') },
  {
    'travel.advanceApproved': { 'zh-CN': '已批准', en: 'approved' },
    'travel.advanceRejected': { 'zh-CN': '已驳回', en: 'rejected' },
    'travel.advancePaid': { 'zh-CN': '已付款', en: 'paid' },
  },
);

export const TRAVEL_CLAIM_MESSAGES = framed(
  { title: { 'zh-CN': '报销 #{id}：{news}', en: 'Claim #{id}: {news}' }, body: verbatim('{news}') },
  {
    'travel.claimApproved': { 'zh-CN': '已批准', en: 'approved' },
    'travel.claimRejected': { 'zh-CN': '已驳回', en: 'rejected' },
    'travel.claimPaid': { 'zh-CN': '已付款 {amount}', en: 'paid {amount}' },
    'travel.claimRepricedSpecialRate': {
      'zh-CN': '补助按总经理批准的特殊地区补助重新计算（{rule}，政策第 {policy} 版）：{before} → {after}',
      en: 'allowance recomputed for the GM’s special-region rate ({rule}, policy version {policy}): {before} → {after}',
    },
    'travel.claimRepricedExtraDays': {
      'zh-CN': '补助按行程外天数的审批重新计算（{rule}，政策第 {policy} 版）：{before} → {after}',
      en: 'allowance recomputed for the decision on days beyond the itinerary ({rule}, policy version {policy}): {before} → {after}',
    },
  },
);

export const TRAVEL_MESSAGES = defineMessages({
  'travel.logMissing': {
    title: { 'zh-CN': '出差日志缺失：{name} {date}', en: 'Travel log missing: {name} {date}' },
    body: verbatim('{explanation}'),
  },
});

/** Phrases shared by several domains. */
export const COMMON_MESSAGES = defineMessages({
  /** A person's comment after a decision, when there is one: `{note}` of a larger message. */
  'common.note': phrase({ 'zh-CN': '：{text}', en: ': {text}' }),
});

export type TTravelRequestNews = keyof typeof TRAVEL_REQUEST_MESSAGES;
