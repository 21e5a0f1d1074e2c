import { defineReasons } from './catalogue';

/** FS-12/FS-12b installation projects. */
export const PROJECT_REASONS = defineReasons({
  'projects.technicalHandoverIncomplete': {
    'zh-CN': '项目开工前须完成技术交底：工程经理、销售人员和各分项负责人在现场签字（还缺：{missing}）',
    en: 'A project starts only after the technical handover signed on site by the engineering manager, the salesperson and each item lead (missing: {missing})',
  },
  'projects.handoverRecordMissing': {
    'zh-CN': '请上传{document}',
    en: 'Upload the {document}',
  },
  'projects.managerMissing': { 'zh-CN': '请指定工程经理（项目负责人）', en: 'Name the engineering manager (the project manager)' },
  'projects.salesMissing': { 'zh-CN': '请指定销售人员', en: 'Name the salesperson' },
  'projects.signatureMissing': { 'zh-CN': '{name}尚未在技术交底上签字', en: '{name} has not signed the technical handover' },
  'projects.notSignatory': {
    'zh-CN': '只有工程经理、销售人员和各分项负责人在技术交底上签字',
    en: 'Only the engineering manager, the salesperson and the item leads sign the technical handover',
  },
  'projects.alreadySigned': { 'zh-CN': '您已于 {signedAt} 在技术交底上签字', en: 'You signed the technical handover at {signedAt}' },
  'projects.handoverAfterStart': {
    'zh-CN': '技术交底在开工前签字，项目已开工',
    en: 'The technical handover is signed before the start; the project has started',
  },
});
