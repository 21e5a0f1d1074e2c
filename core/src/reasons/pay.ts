import { defineReasons } from './catalogue';

/** PAY-1..5 pay, commission and the payroll. */
export const PAY_REASONS = defineReasons({
  'pay.sheetsNotFinal': {
    'zh-CN': '{month} 尚有 {count} 人的考核表未定稿（{names}），不能生成工资表',
    en: 'In {month}, {count} appraisal sheets are not final yet ({names}): no payroll',
  },
  'pay.monthOpen': {
    'zh-CN': '{month} 尚未结账，工程量可能仍会变动，不能计提提成',
    en: '{month} is not closed yet and its volume may still change: commission cannot be booked',
  },
  'pay.alreadyBooked': {
    'zh-CN': '{month} 的提成已计提',
    en: 'The commission of {month} is already booked',
  },
  'pay.unknownTier': {
    'zh-CN': '制度中没有工资等级“{tierId}”',
    en: 'The policy has no base tier "{tierId}"',
  },
  'pay.unknownGrade': {
    'zh-CN': '制度中没有 {grade} 级焊工',
    en: 'The policy has no welder grade {grade}',
  },
  'pay.contractDates': {
    'zh-CN': '承包合同的结束日期 {endOn} 早于开始日期 {startOn}',
    en: 'The contract ends ({endOn}) before it starts ({startOn})',
  },
  'pay.contractOverlap': {
    'zh-CN': '该员工在 {startOn} 起已有承包合同 #{contractId}，期间重叠',
    en: 'This employee already has contract #{contractId} from {startOn} over the same days',
  },
  'pay.assessmentBeforeDate': {
    'zh-CN': '转正日期 {effectiveOn} 早于考核日期 {assessedOn}',
    en: 'The conversion date {effectiveOn} is before the assessment ({assessedOn})',
  },
  'pay.assessmentTooEarly': {
    'zh-CN': '{hireDate} 入职，{effectiveOn} 转正不足最短试用期 {minMonths} 个月',
    en: 'Hired {hireDate}: conversion on {effectiveOn} is within the shortest probation of {minMonths} months',
  },
  'pay.notInProbation': {
    'zh-CN': '该员工不在试用期',
    en: 'This employee is not in probation',
  },
});
