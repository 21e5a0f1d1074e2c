import { defineReasons } from './catalogue';

/** RS-8, RS-9, RS-11: residents at a client site — operations records, conduct points, contract and register. */
export const RESIDENTS_REASONS = defineReasons({
  'residents.noSuchSite': { 'zh-CN': '现场不存在', en: 'No such site' },
  'residents.unsigned': {
    'zh-CN': '运维记录须由甲方项目负责人签字：请在设备上签名，或指定一位甲方人员在系统中确认',
    en: "The operations record needs the client's project lead's signature: sign on the device or name a client user to approve it in the app",
  },
  'residents.bothSignatures': {
    'zh-CN': '请只选择一种签字方式：现场手写签名或甲方在系统中确认',
    en: 'Choose one way of signing: a signature drawn on the device or approval in the app',
  },
  'residents.notClientSigner': {
    'zh-CN': '#{userId} 不是本现场可签字的甲方人员',
    en: '#{userId} is not a client user who may sign for this site',
  },
  'residents.notApprover': { 'zh-CN': '该记录应由指定的甲方人员确认', en: 'This record is for the named client user to approve' },
  'residents.alreadySigned': { 'zh-CN': '该记录已签字', en: 'This record is already signed' },
  'residents.unknownConductItem': {
    'zh-CN': '扣分事项「{itemId}」不在制度（或现场规定）的清单中',
    en: 'The offence "{itemId}" is not on the policy’s (or the site’s) list',
  },
  'residents.evaluatedConductItem': {
    'zh-CN': '迟到早退的扣分由考勤自动计算，不能手工记录',
    en: 'Late and seriously late points come from attendance and are never recorded by hand',
  },
  'residents.notResident': { 'zh-CN': '#{userId} 不是您范围内的驻场人员', en: '#{userId} is not a resident within your scope' },
  'residents.futureDate': { 'zh-CN': '日期 {date} 在将来', en: 'The date {date} is in the future' },
  'residents.alreadyWithdrawn': { 'zh-CN': '该扣分已撤销', en: 'These points were already withdrawn' },
});
