import { type PolicyFieldMeta, f } from '../fieldHelpers';

/** Incidents. */
export const incidentsFields: PolicyFieldMeta[] = [
  f(
    'incidents.classes.*.reflectionRequired',
    'IN-1',
    'flag',
    ['需写事故反思', 'Reflection required'],
    ['服务人员应在事故解决后写出《事故反思》', 'The engineer writes a reflection after resolution'],
  ),
  f(
    'incidents.classes.*.mobiliseAllResources',
    'IN-1',
    'flag',
    ['调动全部资源', 'Mobilise all resources'],
    ['服务部主管应立即调整资源，包括研发力量，全力解决', 'The supervisor mobilises all resources (R&D included) at once'],
  ),
  f(
    'incidents.noticeRequired',
    'IN-3',
    'flag',
    ['需发事故通报', 'Incident notice required'],
    ['事故解决后主管与服务人员总结并发送《事故通报》', 'The supervisor reviews it with the engineer and sends an incident notice'],
  ),
  f(
    'incidents.complaintClass.vpOrAbove',
    'SR-14',
    'choice',
    ['投诉至副总以上：事故类别', 'Complaint to VP or above: incident class'],
    ['服务人员被投诉至公司副总以上级别领导处为 I 类事故', 'Complained about to VP level or above → Class I incident'],
  ),
  f(
    'incidents.complaintClass.salesManager',
    'SR-14',
    'choice',
    ['投诉至销售经理：事故类别', 'Complaint to a sales manager: incident class'],
    ['服务人员被投诉至销售经理、销售内勤处为 II 类事故', 'Complained about to a sales manager or sales admin → Class II incident'],
  ),
  f(
    'incidents.complaintClass.salesAdmin',
    'SR-14',
    'choice',
    ['投诉至销售内勤：事故类别', 'Complaint to sales admin: incident class'],
    ['服务人员被投诉至销售经理、销售内勤处为 II 类事故', 'Complained about to a sales manager or sales admin → Class II incident'],
  ),
  f(
    'incidents.complaintClass.service',
    'SR-14',
    'choice',
    ['投诉至服务部：事故类别', 'Complaint to the service department: incident class'],
    [
      '客户投诉应登记、受理、处理至客户满意并经客户确认后关闭',
      'Complaints are registered, handled to the satisfaction of the customer and closed with its confirmation',
    ],
  ),
  f(
    'incidents.reflectionDueWorkingDays',
    'IN-1',
    'workingDays',
    ['事故反思期限（工作日）', 'Reflection due within (working days)'],
    ['事故解决后写出《事故反思》（期限为公司设定）', 'The engineer writes a reflection after resolution (the company sets the time)'],
  ),
  f(
    'incidents.noticeDueWorkingDays',
    'IN-3',
    'workingDays',
    ['事故通报期限（工作日）', 'Incident notice due within (working days)'],
    [
      '主管与服务人员总结并发送《事故通报》（期限为公司设定）',
      'The supervisor reviews it and sends an incident notice (the company sets the time)',
    ],
  ),
  f(
    'incidents.surveys.intervalMonths',
    'SR-11b',
    'months',
    ['满意度调查周期（月）', 'Satisfaction survey every (months)'],
    ['定期对客户进行满意度调查（如每季度问卷）', 'Customers are surveyed periodically (e.g. quarterly questionnaire)'],
  ),
  f(
    'incidents.surveys.responseDays',
    'SR-11b',
    'days',
    ['问卷链接有效期（天）', 'Survey link valid for (days)'],
    ['定期对客户进行满意度调查（如每季度问卷）', 'Customers are surveyed periodically (e.g. quarterly questionnaire)'],
  ),
  f(
    'incidents.surveys.satisfiedFrom',
    'SR-11b',
    'choice',
    ['计为满意的最低评价', 'Counted as satisfied from'],
    ['调查结果计入满意度指标与月度报表', 'Results feed the satisfaction KPI and the monthly report'],
  ),
  f(
    'incidents.training.examPassPercent',
    'TRN-1',
    'percent',
    ['考试及格线（%）', 'Exam pass mark (%)'],
    ['内部培训当天考试，成绩计入考核', 'An exam on the day for internal training; results count in the appraisal'],
  ),
  f(
    'incidents.training.certificateReminderDays',
    'TRN-3',
    'days',
    ['证书到期提前提醒（天）', 'Certificate expiry reminder (days ahead)'],
    ['记录员工的专业证书', 'Professional certificates are recorded'],
  ),
];
