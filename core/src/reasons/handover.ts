import { defineReasons } from './catalogue';

/** HO-1 handover on leaving or transfer; SEC-3 the confidentiality agreement. */
export const HANDOVER_REASONS = defineReasons({
  'handover.openItems': {
    'zh-CN': '{name} 名下尚有 {open} 项未移交（{counts}），须先完成交接，或由总经理批准后停用',
    en: '{name} still holds {open} items ({counts}); complete a handover first, or have the general manager allow disabling',
  },
  'handover.alreadyOpen': {
    'zh-CN': '{name} 已有一份进行中的交接（#{handoverId}）',
    en: '{name} already has a handover in progress (#{handoverId})',
  },
  'handover.notOpen': { 'zh-CN': '交接已{status}，不能再更改', en: 'The handover is {status} and can no longer change' },
  'handover.notParticipant': {
    'zh-CN': '只有交接人、接收人、监交人或交接管理人员可以查看此交接',
    en: 'Only the leaver, the successor, the manager or a handover manager sees this handover',
  },
  'handover.notYourRole': { 'zh-CN': '您不是本次交接的{role}', en: 'You are not the {role} of this handover' },
  'handover.alreadySigned': { 'zh-CN': '{role}已于 {signedAt} 签字', en: 'The {role} signed at {signedAt}' },
  'handover.itemsOpen': {
    'zh-CN': '尚有 {open} 项未移交，全部移交后才能签字',
    en: '{open} items are still open; sign once everything is handed over',
  },
  'handover.notHeld': { 'zh-CN': '该事项（{kind} #{refId}）不在交接人名下', en: 'The item ({kind} #{refId}) is not held by the leaver' },
  'handover.sameUser': { 'zh-CN': '接收人不能是交接人本人', en: 'The successor cannot be the leaver' },
  'handover.noSuchStaff': { 'zh-CN': '没有在职员工 #{userId}', en: 'No active member of staff #{userId}' },
  'handover.returnOnlyProperty': {
    'zh-CN': '只有公司财物、借款和应收款单据可以归还公司',
    en: 'Only company property, loans and receivables documents are returned to the company',
  },
  'handover.propertyReturned': { 'zh-CN': '该项已于 {returnedOn} 归还', en: 'This was returned on {returnedOn}' },
  'handover.overrideNothingHeld': {
    'zh-CN': '{name} 名下没有未移交事项，无需总经理批准',
    en: '{name} holds nothing open; no override is needed',
  },
});
