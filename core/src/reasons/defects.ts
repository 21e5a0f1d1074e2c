import { defineReasons } from './catalogue';

/** SR-15 defect reports to R&D or production. */
export const DEFECTS_REASONS = defineReasons({
  'defects.ownerCannotAnswer': {
    'zh-CN': '所选负责人无权答复缺陷报告，请选择研发、生产或产品专家',
    en: 'The chosen owner cannot answer defect reports; choose someone from R&D, production or a product expert',
  },
  'defects.targetDatePast': {
    'zh-CN': '目标日期不能早于今天（{today}）',
    en: 'The target date cannot be before today ({today})',
  },
  'defects.alreadyAnswered': {
    'zh-CN': '该缺陷报告已答复',
    en: 'This defect report is already answered',
  },
});
