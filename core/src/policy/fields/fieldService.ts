import { type PolicyFieldMeta, f } from '../fieldHelpers';

/** Field service. */
export const fieldServiceFields: PolicyFieldMeta[] = [
  f(
    'fieldService.serviceNoticeSigners.gm',
    'FS-1',
    'flag',
    ['总经理可签发', 'GM may sign'],
    ['服务通知单经总经理签字有效', 'Valid only when signed by the GM'],
  ),
  f(
    'fieldService.serviceNoticeSigners.departmentHeadWhenGmAbsent',
    'FS-1',
    'flag',
    ['总经理不在时部门主管可签发', 'Department head signs when GM absent'],
    ['总经理不在时由服务部主管签字', 'Or, GM absent, the service department head'],
  ),
  f(
    'fieldService.serviceNoticeSigners.departmentHeadDirectly',
    'FS-1',
    'flag',
    ['部门主管可直接签发', 'Department head signs directly'],
    ['或由服务部主管直接签字', 'Or directly the service department head'],
  ),
  f(
    'fieldService.advanceRequiresApprovedLetter',
    'FS-3',
    'flag',
    ['责任书批准后方可预支', 'Advance only after approved letter'],
    ['项目责任书完成并批准后方可预支出差款', 'Travel advance only after the letter is complete and approved'],
  ),
  f(
    'fieldService.sameDayReportWhenUnsolved',
    'FS-6',
    'flag',
    ['未解决问题当天书面报告', 'Same-day report when unsolved'],
    ['电话无法解决的难题当天发书面报告', 'Hard problems: the same day, send a written report'],
  ),
  f(
    'fieldService.extraTaskNeedsCustomerSignature',
    'FS-7',
    'flag',
    ['额外任务需客户签字', 'Extra task needs customer signature'],
    ['现场增加任务由客户完成时签字', 'Extra tasks: the customer signs on completion'],
  ),
  f(
    'fieldService.returnNeedsApproval',
    'FS-9',
    'flag',
    ['返程需批准', 'Return needs approval'],
    ['确认返程计划，同意后方可返回', 'Return only when approved'],
  ),
  f(
    'fieldService.acceptanceHandoverDays',
    'FS-12',
    'days',
    ['验收移交天数', 'Acceptance and hand-over days'],
    ['安装调试完成后 5 天内验收并移交全部设备', 'Acceptance and hand-over within 5 days of installation and commissioning'],
  ),
  f(
    'fieldService.handoverRecordRequired',
    'FS-12b',
    'flag',
    ['无技术交底不开工', 'Technical handover before the start'],
    [
      '工程经理、销售人员和各分项负责人现场签署技术交底书后方可开工',
      'A project starts only after the engineering manager, the salesperson and each item lead have signed the technical handover on site',
    ],
  ),
];
