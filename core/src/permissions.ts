/**
 * Permissions and default roles (ORG-2). Roles are editable permission sets stored in the database;
 * these are the defaults a fresh install starts from.
 */
export const PERMISSIONS = [
  'users.read',
  'users.manage',
  'roles.manage',
  'org.read',
  'org.manage',
  'audit.read',
  'tokens.manage',
  'policy.read',
  'policy.manage',
  'policy.approve',
  'calendars.read',
  'calendars.manage',
  'customers.read',
  'customers.manage',
  // CU-1/CU-2/CU-6: service (record inspections and visits done or missed, log devices and documents in and out);
  // fees (CU-3: the chargeable repairs' fees handed to finance, the month's list and export).
  'customers.service',
  'customers.fees',
  'tickets.read',
  'tickets.create',
  'tickets.work',
  'tickets.assign',
  'tickets.manage',
  'tickets.approve',
  'tickets.confirm',
  // SR-8: canned replies (issue 12 item 10). Reading them is tickets.work; manage: create, edit and delete a team's
  // templates (a team-scoped manager its own team's only): the team lead and the supervisor.
  'replies.manage',
  // SR-15: defect reports to R&D or production. report: record a product defect found while servicing a request (and
  // read the reports); answer: the R&D or production owner answers, and the answer is fed back to the request.
  'defects.report',
  'defects.answer',
  'field.read',
  'field.notice',
  'field.work',
  'field.dispatch',
  'field.approve',
  'field.sign',
  'field.ledger',
  'travel.request',
  'travel.approve',
  'travel.finance',
  'projects.read',
  'projects.manage',
  'leave.request',
  'leave.approve',
  // WR-1..8, RS-10: reports and what is due (issue 15). write: own daily logs, plans, weekly reports and volume;
  // review: the team's reports, plan approval (the lead), obligations in scope; supervise: the department's monthly
  // service report, the supervisor's weekly report, workload; obligations.excuse: excuse an obligation with a reason;
  // months.close: close a month and book corrections as adjustments (HR, the supervisor).
  'reports.write',
  'reports.review',
  'reports.supervise',
  'obligations.excuse',
  'months.close',
  // SR-14/IN-1..3: complaints and incidents. read (in the data scope; an engineer those about them); report (register a
  // complaint: whoever receives one); manage (classify, handle, review and send the incident notice: the supervisor).
  'incidents.read',
  'incidents.report',
  'incidents.manage',
  // SR-11b: satisfaction surveys. read (results); manage (send a round); answer (a customer contact in the portal).
  'surveys.read',
  'surveys.manage',
  'surveys.answer',
  // TRN-1..3: internal training (内部培训). attend (own sessions, exams, certificates, test tasks); manage (plan, bank, grade).
  'training.attend',
  'training.manage',
  // MTG-1: meetings. read (minutes, own action items); manage (record minutes and action items).
  'meetings.read',
  'meetings.manage',
  // RS-1..5, AT-1, AT-3: attendance. punch (own clock in/out, corrections, my month); approve (the lead: corrections,
  // reported absences); read (the month roll-up and people's days in the data scope; the client IT office its site);
  // manage (a site's geofence, office network and attendance override, POL-1).
  'attendance.punch',
  'attendance.approve',
  'attendance.read',
  'attendance.manage',
  // AP-1..AP-15: the monthly appraisal. self (own sheet, self-appraisal, disputes: every member of staff); review (draft
  // the sheets in scope, score along the chain, adjust with a reason, decide disputes: supervisor, VP, GM); approve
  // (the GM's final score and signature, freezing a closed month's sheets); export (the final sheets as Excel: finance).
  'appraisal.self',
  'appraisal.review',
  'appraisal.approve',
  'appraisal.export',
  // RS-1/RS-3: spot-check presence at a site (who was there at a time; a stand-in found counts as absence): the client
  // IT office and supervision unit, the resident lead's superiors.
  'attendance.spotcheck',
  // RS-8, RS-9, RS-11: residents at a client site (驻场). read (the site view, operations records and conduct points in
  // scope; the client IT office its site); write (the residents' operations records, equipment register, backups and
  // authorised configuration changes); manage (the resident contract: head-count and period); conduct (record and
  // withdraw conduct points: the resident lead, the client); sign (the client's project lead approves records in the app).
  'residents.read',
  'residents.write',
  'residents.manage',
  'residents.conduct',
  'residents.sign',
  // AP-6: the monthly best employee. vote (one anonymous vote a month: every member of staff); review (the manager's
  // and the VP's review, a veto with a reason); confirm (the GM confirms, or vetoes).
  'awards.vote',
  'awards.review',
  'awards.confirm',
  // AP-16/AP-16b: KPIs. self (own KPIs and self-appraisal: every member of staff); review (the superior's scores in the
  // data scope); consolidate (HR consolidates self + superior + customer).
  'kpi.self',
  'kpi.review',
  'kpi.consolidate',
  // HO-1/SEC-3: handover on leaving or transfer. manage (start a handover for someone within your authority, reassign
  // their items, keep the property and loans register: HR and the person's managers); override (disable an account
  // whose holder still holds open items, with a reason: the general manager).
  'handover.manage',
  'handover.override',
  // RS-6/RS-7/RS-4b: changes of resident personnel. read (changes in the data scope; the client IT office its site);
  // manage (announce a change, file the change request, run the handover: the lead, the supervisor, HR); approve (the
  // company's approval); client (the client IT office: asks for a replacement, gives the second approval of changes,
  // resident leave extensions and corrections, tests the newcomer); sign (the confirmation form: the residents, the client).
  'personnel.read',
  'personnel.manage',
  'personnel.approve',
  'personnel.client',
  'personnel.sign',
  // PAY-1..5: pay. read (payroll preview, the commission ledger, the dashboards); export (the month's payroll Excel,
  // booking a closed month's commission, releasing what is due); manage (pay profiles, non-piece days): finance, HR, GM.
  'pay.read',
  'pay.export',
  'pay.manage',
  // Issue 12 item 6: the executive dashboard (SLA compliance, volumes, resolution times, satisfaction per region and
  // team) in the data scope: the GM, the VP, the service supervisor.
  'dashboard.read',
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

/** Which rows a role sees: own / team / region / department / all; a customer contact its company; the client IT office its site. */
export const DATA_SCOPES = ['own', 'team', 'region', 'department', 'all', 'company', 'site'] as const;
export type TDataScope = (typeof DATA_SCOPES)[number];

export type TRoleDefault = {
  key: string;
  name: { 'zh-CN': string; en: string };
  scope: TDataScope;
  permissions: TPermission[];
};

const everything = [...PERMISSIONS];
const orgRead: TPermission[] = ['users.read', 'org.read', 'policy.read', 'calendars.read'];
// CU-1: the customer file. A customer contact gets no customers permission: its own company reaches it
// through the 'company' data scope (the customer portal).
const customersRead: TPermission[] = ['customers.read'];
const customersManage: TPermission[] = ['customers.read', 'customers.manage'];
// SR-1..13: read within the data scope; create (intake); work (accept, reply, resolve, escalate as the assignee);
// assign (dispatch, queues); manage (cancel, close, override, R&D escalation); approve (GM, SR-12);
// confirm (the customer's confirmation and rating, SR-9/FS-8 — also on the engineer's device).
const ticketsWork: TPermission[] = ['tickets.read', 'tickets.create', 'tickets.work', 'tickets.confirm', 'defects.report'];
const ticketsDispatch: TPermission[] = [...ticketsWork, 'tickets.assign', 'tickets.manage'];

// FS-1..14: field service. read (within the data scope); notice (raise a service notice, FS-1); work (the engineer's
// letters, visits, records, return); dispatch (assign engineers, dispatch board, stand-up); approve (the supervisor
// approves letters' travel plans, returns and confirms letters, FS-9/FS-10); sign (signs service notices: the GM, or the
// service department head as the policy allows, FS-1); ledger (sales admin books confirmed letters, FS-10).
// TR-1..4, AT-2/3: travel. request (own trips, logs, claims); approve (the manager); finance (advances, settlement, export).
// FS-12..14: projects, deliveries and customer training.
// RS-4/AT-4: leave. request (own leave, every member of staff); approve (the superior, level by level; HR keeps the record).
// RS-1: every member of staff clocks in and out (own punches, corrections, their month); AP-1: appraises themself.
// AP-6/AP-16: votes for the best employee and appraises their own KPIs.
const staff: TPermission[] = [
  ...orgRead,
  'leave.request',
  'meetings.read',
  'attendance.punch',
  'appraisal.self',
  'awards.vote',
  'kpi.self',
  'personnel.sign',
];
// WR-1..8: engineers write; leads review (approve plans); the supervisor supervises, excuses and closes months.
const reportsWrite: TPermission[] = ['reports.write'];
const reportsLead: TPermission[] = ['reports.write', 'reports.review'];
const reportsSupervise: TPermission[] = ['reports.review', 'reports.supervise', 'obligations.excuse', 'months.close'];
// SR-14: whoever a customer complains to registers it and follows it in their scope.
const complaintsTaken: TPermission[] = ['incidents.read', 'incidents.report'];
const incidentsManage: TPermission[] = [...complaintsTaken, 'incidents.manage'];
// TRN-1..3: engineers attend training, take exams, keep certificates and run product tests between trips.
const learner: TPermission[] = ['training.attend', 'incidents.read'];
const fieldWork: TPermission[] = ['field.read', 'field.work', 'travel.request', 'projects.read'];
const fieldSupervise: TPermission[] = [
  ...fieldWork,
  'field.notice',
  'field.dispatch',
  'field.approve',
  'field.sign',
  'travel.approve',
  'projects.manage',
  'leave.approve',
];

// RS-8/RS-11: a resident (an engineer stationed at a client site) keeps the site's records; the resident lead also
// records conduct points (RS-9).
const resident: TPermission[] = ['residents.read', 'residents.write'];
const residentsLead: TPermission[] = [...resident, 'residents.conduct'];

/** The customer portal (SR-1, SR-9): a customer contact submits, follows, confirms and rates its company's requests. */
export const PORTAL_PERMISSIONS: TPermission[] = ['tickets.read', 'tickets.create', 'tickets.confirm', 'surveys.answer'];

export const DEFAULT_ROLES: TRoleDefault[] = [
  { key: 'admin', name: { 'zh-CN': '系统管理员', en: 'Administrator' }, scope: 'all', permissions: everything },
  {
    key: 'gm',
    name: { 'zh-CN': '总经理', en: 'General manager' },
    scope: 'all',
    permissions: [
      ...staff,
      'leave.approve',
      'audit.read',
      'policy.manage',
      'policy.approve',
      ...customersRead,
      'customers.fees',
      'tickets.read',
      'tickets.approve',
      'field.read',
      'field.notice',
      'field.sign',
      'travel.approve',
      'projects.read',
      'reports.review',
      'reports.supervise',
      ...incidentsManage,
      'surveys.read',
      'attendance.read',
      'appraisal.review',
      'appraisal.approve',
      'appraisal.export',
      'residents.read',
      'awards.review',
      'awards.confirm',
      'kpi.review',
      'kpi.consolidate',
      'handover.override',
      'personnel.read',
      'personnel.approve',
      'pay.read',
      'pay.export',
      'dashboard.read',
    ],
  },
  {
    key: 'vp',
    name: { 'zh-CN': '副总经理', en: 'Vice president' },
    scope: 'all',
    permissions: [
      ...staff,
      'audit.read',
      ...customersRead,
      'tickets.read',
      'field.read',
      'projects.read',
      'reports.review',
      ...complaintsTaken,
      'surveys.read',
      'attendance.read',
      'appraisal.review',
      'residents.read',
      'awards.review',
      'kpi.review',
      'personnel.read',
      'dashboard.read',
    ],
  },
  {
    key: 'supervisor',
    name: { 'zh-CN': '技术服务部主管/部门经理', en: 'Service supervisor / department manager' },
    scope: 'department',
    permissions: [
      ...staff,
      'users.manage',
      'org.manage',
      'calendars.manage',
      ...customersManage,
      'customers.service',
      'customers.fees',
      ...ticketsDispatch,
      'replies.manage',
      'defects.answer',
      ...fieldSupervise,
      ...reportsSupervise,
      ...incidentsManage,
      'surveys.read',
      'surveys.manage',
      'training.attend',
      'training.manage',
      'meetings.manage',
      'attendance.approve',
      'attendance.read',
      'attendance.manage',
      'appraisal.review',
      'attendance.spotcheck',
      ...residentsLead,
      'residents.manage',
      'awards.review',
      'kpi.review',
      'handover.manage',
      'personnel.read',
      'personnel.manage',
      'personnel.approve',
      'dashboard.read',
    ],
  },
  {
    key: 'team_lead',
    name: { 'zh-CN': '组长', en: 'Team lead' },
    scope: 'team',
    permissions: [
      ...staff,
      ...customersRead,
      'customers.service',
      ...ticketsWork,
      'tickets.assign',
      'replies.manage',
      ...fieldWork,
      'field.dispatch',
      ...reportsLead,
      ...learner,
      'meetings.manage',
      'attendance.approve',
      'attendance.read',
      'attendance.spotcheck',
      ...residentsLead,
      'kpi.review',
      'handover.manage',
      'personnel.read',
      'personnel.manage',
    ],
  },
  {
    key: 'engineer',
    name: { 'zh-CN': '技术服务工程师', en: 'Service engineer' },
    scope: 'own',
    permissions: [...staff, ...customersRead, 'customers.service', ...ticketsWork, ...fieldWork, ...reportsWrite, ...learner, ...resident],
  },
  {
    key: 'product_expert',
    name: { 'zh-CN': '产品专家', en: 'Product expert' },
    scope: 'own',
    permissions: [
      ...staff,
      ...customersRead,
      'customers.service',
      ...ticketsWork,
      'defects.answer',
      ...fieldWork,
      ...reportsWrite,
      ...learner,
    ],
  },
  {
    key: 'agent',
    name: { 'zh-CN': '客服专员', en: 'Customer-service agent' },
    scope: 'all',
    permissions: [
      ...staff,
      ...customersManage,
      'customers.service',
      'tickets.read',
      'tickets.create',
      'tickets.assign',
      'tickets.manage',
      'field.read',
      'field.notice',
      ...complaintsTaken,
    ],
  },
  {
    key: 'sales',
    name: { 'zh-CN': '销售', en: 'Sales' },
    scope: 'region',
    permissions: [
      ...staff,
      ...customersRead,
      'tickets.read',
      'tickets.create',
      'field.read',
      'field.notice',
      'projects.read',
      ...complaintsTaken,
    ],
  },
  {
    key: 'sales_admin',
    name: { 'zh-CN': '销售内勤', en: 'Sales admin' },
    scope: 'all',
    permissions: [...staff, ...customersManage, 'tickets.read', 'field.read', 'field.ledger', 'projects.read', ...complaintsTaken],
  },
  {
    key: 'finance',
    name: { 'zh-CN': '财务', en: 'Finance' },
    scope: 'all',
    permissions: [
      ...staff,
      ...customersRead,
      'field.read',
      'travel.finance',
      'customers.fees',
      'appraisal.export',
      'pay.read',
      'pay.export',
      'pay.manage',
    ],
  },
  {
    key: 'hr',
    name: { 'zh-CN': '人事', en: 'HR' },
    scope: 'all',
    permissions: [
      ...staff,
      'users.manage',
      'leave.approve',
      'reports.review',
      'months.close',
      'incidents.read',
      'training.manage',
      'attendance.approve',
      'attendance.read',
      'attendance.manage',
      'residents.read',
      'kpi.consolidate',
      'handover.manage',
      'personnel.read',
      'personnel.manage',
      'personnel.approve',
      'pay.read',
      'pay.export',
      'pay.manage',
    ],
  },
  { key: 'customer_contact', name: { 'zh-CN': '客户联系人', en: 'Customer contact' }, scope: 'company', permissions: PORTAL_PERMISSIONS },
  {
    key: 'client_it',
    name: { 'zh-CN': '甲方信息科', en: 'Client IT office' },
    scope: 'site',
    permissions: [
      'attendance.read',
      'attendance.spotcheck',
      'residents.read',
      'residents.conduct',
      'residents.sign',
      'personnel.read',
      'personnel.client',
      'personnel.sign',
    ],
  },
];
