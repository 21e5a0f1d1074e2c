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
];
