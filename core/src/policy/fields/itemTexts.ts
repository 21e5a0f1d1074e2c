import { type PolicyFieldMeta, RS9, AP3A, text } from '../fieldHelpers';

/** Names and descriptions of list items. */
export const itemTextsFields: PolicyFieldMeta[] = [
  ...text(
    'sla.levels',
    'name',
    'SLA-1',
    ['服务级别名称', 'Service level name'],
    ['每个客户/合同有服务水平协议', 'Each customer/contract has an SLA'],
  ),
  ...text(
    'fieldService.standardKit',
    'name',
    'FS-4',
    ['标准工具', 'Standard kit item'],
    [
      '无论何种任务均携带 U 盘、螺丝刀、装有产品资料的笔记本电脑',
      'Standard kit regardless of job: USB drive, screwdriver, laptop with product documents',
    ],
  ),
  ...text(
    'fieldService.handoverDocuments',
    'name',
    'FS-12',
    ['交接文件', 'Handover document'],
    ['技术交底书、焊接记录、管道试压记录签字存档', 'Handover documents (技术交底书, 焊接记录, 管道试压记录) signed and archived'],
  ),
  ...text('attendance.conductPoints', 'name', 'RS-9', ['扣分事项', 'Offence'], RS9),
  ...text(
    'leave.types',
    'name',
    'AT-4',
    ['假别名称', 'Leave type name'],
    ['事假、病假、婚假、丧假、产假、哺乳假等', 'Personal, sick, marriage, bereavement, maternity, nursing leave'],
  ),
  ...text(
    'incidents.classes',
    'name',
    'IN-1',
    ['事故类别名称', 'Incident class name'],
    ['I 类事故、II 类事故', 'Class I and Class II incidents'],
  ),
  ...text(
    'incidents.classes',
    'definition',
    'IN-1',
    ['事故类别定义', 'Incident class definition'],
    [
      '被投诉至副总以上或造成客户工作中断为 I 类；投诉至销售经理或未及时反馈为 II 类',
      'Complaint to VP or above or interrupted work: Class I; to sales or not reported in time: Class II',
    ],
  ),
  ...text('appraisal.schemeA.items', 'name', 'AP-3', ['考核项目', 'Appraisal item'], AP3A),
  ...text('appraisal.schemeA.items', 'description', 'AP-3', ['权数计算方法', 'How it is scored'], AP3A),
  ...text('appraisal.schemeA.items.*.children', 'name', 'AP-3', ['考核子项目', 'Appraisal sub-item'], AP3A),
  ...text('appraisal.schemeA.items.*.children', 'description', 'AP-3', ['子项目说明', 'Sub-item description'], AP3A),
  ...text('pay.baseTiers', 'name', 'PAY-1', ['工资等级名称', 'Pay tier name'], ['基本工资分为三等', 'Base pay tiers']),
  ...text(
    'pay.baseTiers',
    'condition',
    'PAY-1',
    ['等级条件', 'Tier condition'],
    ['一等：连续一年无事故无罚款；二等：六个月；三等：入职起薪', 'Tier 1: a clean year; tier 2: six months; tier 3: starting pay'],
  ),
];
