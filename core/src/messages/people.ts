import { defineMessages, framed, phrase, verbatim } from './catalogue';

/** AT-4/RS-4/RS-4b: leave requests; `{note}` is a decision's comment (common.note) or empty. */
export const LEAVE_MESSAGES = framed(
  { title: { 'zh-CN': '请假申请 #{id}：{news}', en: 'Leave request #{id}: {news}' }, body: verbatim('{news}') },
  {
    'leave.extended': {
      'zh-CN': '{name} 续假 {type} {start}～{end}（{days} {dayWord}）（无需审批）',
      en: '{name} extends the leave: {type} {start}–{end} ({days} {dayWord}) (no approval needed)',
    },
    'leave.asked': {
      'zh-CN': '{name} 申请请假 {type} {start}～{end}（{days} {dayWord}）{late}',
      en: '{name} asks for {type} {start}–{end} ({days} {dayWord}){late}',
    },
    'leave.askedExtension': {
      'zh-CN': '{name} 申请续假 {type} {start}～{end}（{days} {dayWord}）{late}',
      en: '{name} asks for an extension: {type} {start}–{end} ({days} {dayWord}){late}',
    },
    'leave.companyApproved': {
      'zh-CN': '公司已批准，待甲方审批（RS-4b）{note}',
      en: 'approved by the company, waiting for the client (RS-4b){note}',
    },
    'leave.approved': { 'zh-CN': '已批准{note}', en: 'approved{note}' },
    'leave.rejected': { 'zh-CN': '已驳回{note}', en: 'rejected{note}' },
    'leave.standIn': {
      'zh-CN': '{start}～{end} 由你代为处理 {name} 的工作（RS-4）',
      en: 'you stand in for {name} {start}–{end} (RS-4)',
    },
    'leave.clientApproved': { 'zh-CN': '甲方已批准{note}', en: 'approved by the client{note}' },
    'leave.clientRejected': {
      'zh-CN': '甲方未批准，超假按旷工处理（RS-4b）{note}',
      en: 'rejected by the client; overstaying counts as absence (RS-4b){note}',
    },
    'leave.withdrawn': { 'zh-CN': '{name} 撤回了已批准的请假', en: '{name} withdrew an approved leave' },
  },
);

export const LEAVE_PHRASES = defineMessages({
  'leave.late': phrase({ 'zh-CN': '，逾期申请（AT-4）', en: ', filed late (AT-4)' }),
  'leave.emergency': phrase({ 'zh-CN': '，紧急事后补办（RS-4）', en: ', emergency filed afterwards (RS-4)' }),
  'leave.day': phrase({ 'zh-CN': '天', en: 'day' }),
  'leave.days': phrase({ 'zh-CN': '天', en: 'days' }),
});

/** AT-2/AT-3: punch corrections and overtime. `{decision}` is a decision phrase (attendance.approved …). */
export const ATTENDANCE_MESSAGES = defineMessages({
  'attendance.correctionAsked': {
    title: { 'zh-CN': '补卡申请：{name} {date} {time}', en: 'Punch correction: {name} {date} {time}' },
    body: verbatim('{reason}'),
  },
  'attendance.correctionDecided': {
    title: { 'zh-CN': '补卡申请 {date} {time}：{decision}', en: 'Punch correction {date} {time}: {decision}' },
    body: verbatim('{comment}'),
  },
  'attendance.overtimeAsked': {
    title: { 'zh-CN': '加班申请：{name} {when}', en: 'Overtime: {name} {when}' },
    body: verbatim('{reason}'),
  },
  'attendance.overtimeOrdered': { title: { 'zh-CN': '安排加班：{when}', en: 'Overtime ordered: {when}' }, body: verbatim('{reason}') },
  'attendance.overtimeDecided': {
    title: { 'zh-CN': '加班 {when}：{decision}{late}', en: 'Overtime {when}: {decision}{late}' },
    body: verbatim('{comment}'),
  },
  'attendance.overtimeLate': phrase({ 'zh-CN': '（{month} 已结账，记入 {booked}）', en: ' ({month} closed: paid in {booked})' }),
  'attendance.approved': phrase({ 'zh-CN': '已批准', en: 'approved' }),
  'attendance.rejected': phrase({ 'zh-CN': '未批准', en: 'rejected' }),
  'attendance.clientApproved': phrase({ 'zh-CN': '甲方已批准', en: 'approved by the client' }),
  'attendance.clientRejected': phrase({ 'zh-CN': '甲方未批准', en: 'rejected by the client' }),
  'attendance.leadApproved': phrase({ 'zh-CN': '组长已批准，待甲方审批', en: 'approved by the lead, waiting for the client' }),
});

/** IN-1..IN-3, SR-14: incidents and complaints. `{class}` is the incident class's name in both languages. */
export const INCIDENT_MESSAGES = {
  ...framed(
    { title: { 'zh-CN': '服务事故 #{id}：{news}', en: 'Incident #{id}: {news}' }, body: verbatim('{news}') },
    {
      'incident.mobilise': {
        'zh-CN': '{class}，请立即调动资源（含研发）全力解决：{title}（{engineer}）',
        en: '{class}: mobilise all resources, R&D included, at once — {title} ({engineer})',
      },
      'incident.recorded': { 'zh-CN': '{class}：{title}', en: '{class}: {title}' },
      'incident.reflectionDue': {
        'zh-CN': '已解决，请按时提交事故反思（IN-1）',
        en: 'resolved: please file your reflection on time (IN-1)',
      },
      'incident.noticeDue': {
        'zh-CN': '已解决，请与当事人总结并发送事故通报（IN-3）',
        en: 'resolved: review it with the engineer and send the incident notice (IN-3)',
      },
      'incident.reflectionFiled': { 'zh-CN': '{name} 已提交事故反思', en: '{name} filed the reflection' },
      'incident.reviewFiled': { 'zh-CN': '事故总结已记录', en: 'the incident review was recorded' },
    },
  ),
  ...framed(
    { title: { 'zh-CN': '客户投诉 #{id}：{news}', en: 'Complaint #{id}: {news}' }, body: verbatim('{news}') },
    {
      'complaint.filed': {
        'zh-CN': '{customer} 投诉至{level}：{subject}{about}{class}',
        en: '{customer} complained to {level}: {subject}{about}{class}',
      },
    },
  ),
  ...defineMessages({
    'complaint.about': phrase({ 'zh-CN': '（被投诉人：{name}）', en: ' (about {name})' }),
    'complaint.classProposed': phrase({ 'zh-CN': '，按政策建议定为 {class} 类事故', en: '; the policy proposes a Class {class} incident' }),
    'incident.notice': { title: { 'zh-CN': '事故通报：{title}', en: 'Incident notice: {title}' }, body: verbatim('{notice}') },
  }),
};

/** RS-4b/RS-6/RS-7: what the client IT office is asked to approve (`client.*`) or told (`clientReport.*`). */
export const CLIENT_MESSAGES = {
  ...framed(
    { title: { 'zh-CN': '待甲方审批：{news}', en: "Waiting for the client's approval: {news}" }, body: verbatim('{news}') },
    {
      'client.correction': { 'zh-CN': '补卡 {name} {date} {time}', en: 'punch correction {name} {date} {time}' },
      'client.leaveExtension': { 'zh-CN': '续假 {name} {start}～{end}', en: 'leave extension {name} {start}–{end}' },
      'client.personnelChange': { 'zh-CN': '人员变更 {outgoing} → {incoming}', en: 'personnel change {outgoing} → {incoming}' },
    },
  ),
  ...defineMessages({
    'clientReport.emergencyLeave': {
      title: {
        'zh-CN': '驻场人员紧急请假报备（RS-4b）：{name} 紧急请假 {type} {start}～{end}（{days} {dayWord}）',
        en: 'Emergency leave of a resident reported (RS-4b): {name} emergency leave {type} {start}–{end} ({days} {dayWord})',
      },
      body: {
        'zh-CN': '{name} 紧急请假 {type} {start}～{end}（{days} {dayWord}）',
        en: '{name} emergency leave {type} {start}–{end} ({days} {dayWord})',
      },
    },
    'clientReport.personnelNotice': {
      title: { 'zh-CN': '人员变动通知（RS-6）：{name}（{date}）', en: 'Personnel change notice (RS-6): {name} on {date}' },
      body: { 'zh-CN': '{name}（{date}）', en: '{name} on {date}' },
    },
    'clientReport.changeCancelled': {
      title: { 'zh-CN': '已撤销：人员变更 #{id} 已撤销', en: 'Cancelled: personnel change #{id} cancelled' },
      body: { 'zh-CN': '人员变更 #{id} 已撤销', en: 'personnel change #{id} cancelled' },
    },
  }),
};

/** RS-6/RS-7: a personnel change of a resident. */
export const PERSONNEL_MESSAGES = framed(
  { title: { 'zh-CN': '人员变更 #{id}：{news}', en: 'Personnel change #{id}: {news}' }, body: verbatim('{news}') },
  {
    'personnel.replaceAsked': {
      'zh-CN': '甲方要求更换 {name}，须在 {due} 前完成（RS-7）',
      en: 'the client asks to replace {name} by {due} (RS-7)',
    },
    'personnel.toApprove': { 'zh-CN': '{outgoing} → {incoming}，待审批', en: '{outgoing} → {incoming}, to approve' },
    'personnel.companyRejected': { 'zh-CN': '公司未批准', en: 'rejected by the company' },
    'personnel.companyApproved': { 'zh-CN': '公司已批准', en: 'approved by the company' },
    'personnel.clientApproved': { 'zh-CN': '甲方已批准', en: 'approved by the client' },
    'personnel.clientRejected': { 'zh-CN': '甲方未批准', en: 'rejected by the client' },
    'personnel.handover': { 'zh-CN': '工作交接 {start}～{end}', en: 'handover {start}–{end}' },
    'personnel.testPassed': { 'zh-CN': '甲方测试新人员：通过', en: 'the client tested the newcomer: passed' },
    'personnel.testFailed': { 'zh-CN': '甲方测试新人员：未通过', en: 'the client tested the newcomer: failed' },
    'personnel.formArchived': { 'zh-CN': '工作交接确认表已签署归档', en: 'the handover confirmation form is signed and archived' },
    'personnel.cancelled': { 'zh-CN': '已撤销：{reason}', en: 'cancelled: {reason}' },
  },
);
export type TClientMessage = keyof typeof CLIENT_MESSAGES;
export type TPersonnelNews = keyof typeof PERSONNEL_MESSAGES;
