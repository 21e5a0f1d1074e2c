import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './defaults';
import { ZPolicy } from './schema';

const p = defaultPolicy();
const byId = <T extends { id: string }>(items: T[], id: string): T => {
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
};

describe('defaultPolicy', () => {
  it('parses with the policy schema', () => {
    const result = ZPolicy.safeParse(p);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('returns a fresh copy each time so callers cannot change the defaults', () => {
    const a = defaultPolicy();
    a.travel.technicalGuidanceMaxDays = 99;
    expect(defaultPolicy().travel.technicalGuidanceMaxDays).toBe(7);
  });

  it('has the SLA-2 targets: 2 working hours to respond, urgent 30 minutes and fixed in 2 hours, 48 hours to resolve', () => {
    const standard = byId(p.sla.levels, 'standard');
    expect(standard.calendarMode).toBe('business');
    expect(standard.targets.P2.firstResponseMinutes).toBe(120);
    expect(standard.targets.P2.resolutionMinutes).toBe(48 * 60);
    expect(standard.targets.P1).toEqual({ firstResponseMinutes: 30, onsiteMinutes: 120, resolutionMinutes: 120 });
    expect(byId(p.sla.levels, 'warranty24x7').calendarMode).toBe('24x7');
    expect(p.sla.defaultLevelId).toBe('standard');
    expect(p.sla.nearBreachMinutes).toBe(30);
  });

  it('computes P1 for high urgency and wide impact and P4 for low urgency and a single user', () => {
    expect(p.sla.priorityMatrix.high.wide).toBe('P1');
    expect(p.sla.priorityMatrix.low.singleUser).toBe('P4');
  });

  it('has a 36-month warranty that replaced parts extend and a 200 yuan out-of-warranty minimum (CU-2, CU-3)', () => {
    expect(p.sla.warranty).toMatchObject({ months: 36, replacedPartExtendsWarranty: true, levelId: 'warranty24x7' });
    expect(p.sla.outOfWarranty.minimumFeeFen).toBe(20000);
    expect(p.sla.outOfWarranty.suggestedMaximumFeeFen).toBe(50000);
  });

  it('lets the GM or the department head sign a service notice and keeps the FS-3 advance gate on', () => {
    expect(p.fieldService.serviceNoticeSigners).toEqual({
      gm: true,
      departmentHeadWhenGmAbsent: true,
      departmentHeadDirectly: true,
    });
    expect(p.fieldService.advanceRequiresApprovedLetter).toBe(true);
  });

  it('carries the FS-4 kit and the FS-12 five-day hand-over with three documents', () => {
    expect(p.fieldService.standardKit.map((k) => k.id)).toEqual(['usbDrive', 'screwdriver', 'laptop']);
    expect(p.fieldService.acceptanceHandoverDays).toBe(5);
    expect(p.fieldService.handoverDocuments.map((d) => d.name['zh-CN'])).toEqual(['技术交底书', '焊接记录', '管道试压记录']);
  });

  it('works 08:00–12:00 and 14:00–18:00 with 15-minute late and early-leave thresholds (RS-1, RS-2)', () => {
    expect(p.attendance.workIntervals).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ]);
    expect(p.attendance.lateThresholdMinutes).toBe(15);
    expect(p.attendance.earlyLeaveThresholdMinutes).toBe(15);
    expect(p.attendance.seriouslyLateMinutes).toBeGreaterThan(15);
  });

  it('asks for an absence explanation above 3 absences or 180 minutes of lateness a month (RS-5)', () => {
    expect(p.attendance.monthlyLimits).toMatchObject({ absencesAbove: 3, cumulativeLateMinutesAbove: 180 });
  });

  it('has the RS-9 conduct points', () => {
    const points = Object.fromEntries(p.attendance.conductPoints.map((c) => [c.id, c.points]));
    expect(points).toEqual({
      late: 5,
      seriouslyLate: 10,
      unrelatedActivity: 10,
      clientProperty: 20,
      waste: 5,
      unrelatedVisitors: 5,
      unfriendly: 5,
      untidy: 5,
      websitesGames: 10,
      smoking: 10,
    });
  });

  it('treats 12 hours of phone silence as absence and a week of absence as resignation (AT-3)', () => {
    expect(p.attendance.phoneOffHours).toBe(12);
    expect(p.attendance.absenceDaysAsResignation).toBe(7);
  });

  it('has the RS-6 and RS-7 personnel change periods', () => {
    expect(p.attendance.personnelChange).toEqual({
      noticeMonths: 1,
      requestWorkingDaysBefore: 12,
      handoverMinWorkingDays: 10,
    });
    expect(p.attendance.replacement).toEqual({ withinWorkingDays: 15, handoverMinWorkingDays: 10 });
  });

  it('asks 1 day ahead for 1–2 days of leave and 2 days ahead for 3 or more (RS-4), 1 hour for special leave', () => {
    expect(p.leave.noticeRules).toEqual([
      { id: 'oneToTwoDays', minDays: 1, maxDays: 2, noticeDays: 1 },
      { id: 'threeDaysOrMore', minDays: 3, maxDays: null, noticeDays: 2 },
    ]);
    expect(p.leave.specialNoticeMinutesBeforeShift).toBe(60);
    expect(p.leave.sick.certificateFromDays).toBe(1);
  });

  it('marks marriage, bereavement, maternity and nursing leave statutory but not personal leave (AT-4)', () => {
    const statutory = p.leave.types.filter((t) => t.statutory).map((t) => t.id);
    expect(statutory).toEqual(expect.arrayContaining(['marriage', 'bereavement', 'maternity', 'nursing']));
    expect(byId(p.leave.types, 'personal').statutory).toBe(false);
  });

  it('pays 120 yuan a day of out-of-province guidance for at most 7 days, and 60/80 for meals and lodging (TR-3)', () => {
    expect(p.travel.allowanceByDestination.outOfProvince.technicalGuidanceDailyFen).toBe(12000);
    expect(p.travel.technicalGuidanceMaxDays).toBe(7);
    expect(p.travel.technicalGuidanceExcludesTravelDays).toBe(true);
    expect(p.travel.allowanceByDestination.countyOrBelow.mealsLodgingPerNightFen).toBe(6000);
    expect(p.travel.allowanceByDestination.prefectureCity.mealsLodgingPerNightFen).toBe(8000);
    expect(p.travel.noMealsLodgingWhenClientProvides).toBe(true);
    expect(p.travel.newEmployeeDailyFen).toBe(6000);
  });

  it('needs prior approval for plane and taxi and a daily report while travelling (TR-2, AT-2)', () => {
    expect(p.travel.transportNeedingApproval).toEqual(expect.arrayContaining(['plane', 'taxi']));
    expect(p.travel.allowedTransport).not.toContain('plane');
    expect(p.travel.dailyLogEveryDays).toBe(1);
  });

  it('has the WR-4, WR-6 and WR-7 deadlines', () => {
    expect(p.reports.engineerWeekly).toEqual({
      due: { weekday: 6, time: '18:00' },
      fileNamePattern: '<name>周报<MM-DD>',
    });
    expect(p.reports.supervisorWeekly.due).toEqual({ weekday: 7, time: '18:00' });
    expect(p.reports.technicalVisit).toEqual({ siteRecordDays: 1, proposalDays: 2, fullPlanDays: 5 });
    expect(p.reports.monthlyVolumeDueDay).toBe(3);
  });

  it('defines Class I and Class II incidents, both needing a reflection (IN-1, IN-2)', () => {
    expect(p.incidents.classes.map((c) => c.id)).toEqual(['I', 'II']);
    expect(p.incidents.classes.every((c) => c.reflectionRequired)).toBe(true);
  });

  it('proposes Class I for a complaint to VP level or above and Class II to sales (SR-14), with the due days, survey interval and pass mark', () => {
    expect(p.incidents.complaintClass).toEqual({ vpOrAbove: 'I', salesManager: 'II', salesAdmin: 'II', service: 'none' });
    expect([p.incidents.reflectionDueWorkingDays, p.incidents.noticeDueWorkingDays]).toEqual([3, 5]);
    expect(p.incidents.surveys).toEqual({ intervalMonths: 3, responseDays: 30, satisfiedFrom: 'good' });
    expect(p.incidents.training).toEqual({ examPassPercent: 60, certificateReminderDays: 30 });
  });

  it('weighs workload 30, attitude 40 and ability 30 with their sub-items (AP-3)', () => {
    const a = p.appraisal.schemeA;
    expect(a.total).toBe(100);
    expect(a.items.map((i) => [i.id, i.weight])).toEqual([
      ['workload', 30],
      ['attitude', 40],
      ['ability', 30],
    ]);
    expect(byId(a.items, 'attitude').children.map((c) => [c.id, c.weight])).toEqual([
      ['initiative', 15],
      ['coordination', 10],
      ['loyalty', 15],
    ]);
    expect(byId(a.items, 'ability').children.map((c) => [c.id, c.weight])).toEqual([
      ['planning', 8],
      ['execution', 10],
      ['quality', 12],
    ]);
  });

  it('grades A from 86 and B from 70, with 6 A or 6 C a year deciding promotion or demotion (AP-4, AP-5)', () => {
    expect(p.appraisal.schemeA.grades).toEqual({ aMinScore: 86, bMinScore: 70 });
    expect(p.appraisal.schemeA.annual).toEqual({ promotionACount: 6, demotionCCount: 6 });
    expect(p.appraisal.schemeA.proposalDueDay).toBe(25);
    expect(p.appraisal.schemeA.bestEmployee).toEqual({ perMonth: 2, bonusFen: 20000 });
  });

  it('fines 50 per poor rating and counts a letter without signature as three poor ratings, 150 (AP-8, AP-9)', () => {
    const e = p.appraisal.schemeB.engineer;
    expect(e.fines.eachPoorRating).toBe(5000);
    expect(e.fines.fairRatings).toBe(5000);
    expect(e.fairRatingsCount).toBe(3);
    expect(e.fines.weeklyReportLate).toBe(2000);
    expect(e.missingSignatureAsPoorRatings * e.fines.eachPoorRating).toBe(15000);
  });

  it('has the scheme B engineer fines, windows and bonus (AP-7, AP-10 to AP-13)', () => {
    const e = p.appraisal.schemeB.engineer;
    expect(e.fines.estimateOverrun).toBe(5000);
    expect(e.fines.examFailed).toBe(5000);
    expect(e.examFailuresForDowngrade).toBe(3);
    expect(e.fines.classIIncident).toBe(10000);
    expect(e.fines.classIIIncident).toBe(5000);
    expect(e.downgradeClassI).toEqual({ count: 2, months: 3 });
    expect(e.dismissal).toEqual({ classICount: 3, classIICount: 6, months: 6 });
    expect(e.cleanMonthsBonus).toEqual({ months: 3, bonusFen: 10000 });
  });

  it('has the supervisor fines, downgrade window and bonus (AP-14) and the AP-15 sheet deadline', () => {
    const s = p.appraisal.schemeB.supervisor;
    expect(s.fines).toEqual({
      lateReport: 2000,
      departmentClassI: 5000,
      departmentClassII: 3000,
      toleratedMissingSignature: 10000,
    });
    expect(s.downgradeClassI).toEqual({ count: 3, months: 3 });
    expect(s.noClassIBonus).toEqual({ months: 6, bonusFen: 10000 });
    expect(p.appraisal.sheetDueWorkingDays).toBe(3);
  });

  it('pays base tiers of 2000, 1800 and 1500 and half-yearly bands of 0.8, 0.5 and 0.3 (PAY-1, PAY-2)', () => {
    expect(p.pay.baseTiers.map((t) => t.monthlyFen)).toEqual([200000, 180000, 150000]);
    expect(p.pay.baseTiers.map((t) => t.cleanMonthsRequired)).toEqual([12, 6, 0]);
    expect(p.pay.rankingBonus).toEqual({ periodMonths: 6, baseFen: 200000, bandCoefficients: [0.8, 0.5, 0.3] });
  });

  it('has engineer levels 1–8 from 1300 to 3000 and probation at 1500 + 300 (PAY-3)', () => {
    expect(p.pay.engineerLevels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(p.pay.engineerLevels[0].monthlyFen).toBe(130000);
    expect(p.pay.engineerLevels[7].monthlyFen).toBe(300000);
    expect(p.pay.probation).toMatchObject({ minMonths: 1, maxMonths: 3, baseFen: 150000, postAllowanceFen: 30000 });
    expect(p.pay.levelUp).toEqual({ minMonths: 6, examRequired: true });
  });
});
