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
  'defects.participantCannotJoin': {
    'zh-CN': '所选参与人无权查看缺陷报告（需有登记产品缺陷的权限）',
    en: 'A chosen participant cannot take part: they may not reach defect reports',
  },
  'defects.discussionExists': {
    'zh-CN': '该缺陷报告已有团队讨论',
    en: 'This defect report already has a team discussion',
  },
  'defects.discussionConcluded': {
    'zh-CN': '团队讨论已得出结论，不能再修改',
    en: 'The team discussion is concluded and can no longer change',
  },
  'defects.discussionOpen': {
    'zh-CN': '团队讨论尚未得出结论，得出结论后才能答复缺陷报告',
    en: 'The team discussion has no conclusion yet; conclude it before answering the defect report',
  },
  'defects.noDiscussion': {
    'zh-CN': '该缺陷报告没有团队讨论',
    en: 'This defect report has no team discussion',
  },
  'defects.notParticipant': {
    'zh-CN': '只有讨论参与人可以发言',
    en: 'Only the discussion’s participants may comment',
  },
  'defects.cannotConclude': {
    'zh-CN': '只有发起人、缺陷负责人或有答复权限的人可以记录结论',
    en: 'Only whoever raised the discussion, the defect’s owner or someone who answers defect reports may record the conclusion',
  },
});
