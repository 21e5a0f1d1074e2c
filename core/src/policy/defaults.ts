import type { TPolicy } from './schema';
import type { TSlaTargets } from './slaPolicy';

const t = (firstResponseMinutes: number, onsiteMinutes: number, resolutionMinutes: number): TSlaTargets => ({
  firstResponseMinutes,
  onsiteMinutes,
  resolutionMinutes,
});

/**
 * The policy of regulations.md, value for value. Where the seed documents disagree the first value listed in
 * regulations.md is taken; the alternatives are in presets.ts.
 */
export function defaultPolicy(): TPolicy {
  return {
    sla: {
      // SR-3: urgency × impact; the usual ITIL-style diagonal (regulations name the axes, not the cells).
      priorityMatrix: {
        high: { wide: 'P1', department: 'P2', singleUser: 'P3' },
        medium: { wide: 'P2', department: 'P3', singleUser: 'P4' },
        low: { wide: 'P3', department: 'P4', singleUser: 'P4' },
      },
      levels: [
        {
          // SLA-2: respond within 2 working hours; urgent: respond in 30 minutes, fix in 2 hours; resolve in 48 hours.
          id: 'standard',
          name: { 'zh-CN': '标准', en: 'Standard' },
          calendarMode: 'business',
          resolutionFrom: 'created',
          targets: {
            P1: t(30, 120, 120),
            P2: t(120, 480, 2880),
            P3: t(120, 960, 2880),
            P4: t(120, 1440, 2880),
          },
        },
        {
          id: 'premium',
          name: { 'zh-CN': '高级', en: 'Premium' },
          calendarMode: '24x7',
          resolutionFrom: 'created',
          targets: {
            P1: t(30, 120, 120),
            P2: t(30, 240, 1440),
            P3: t(120, 480, 2880),
            P4: t(120, 960, 2880),
          },
        },
        {
          // SLA-2: 24-hour technical support during warranty; respond within 30 minutes, fix within 2 hours.
          id: 'warranty24x7',
          name: { 'zh-CN': '质保期 7×24 小时', en: 'Warranty 24×7' },
          calendarMode: '24x7',
          resolutionFrom: 'created',
          targets: {
            P1: t(30, 120, 120),
            P2: t(30, 240, 480),
            P3: t(30, 480, 1440),
            P4: t(30, 960, 2880),
          },
        },
      ],
      defaultLevelId: 'standard',
      // SR-4: "current workload" — the regulations name no number; 10 open requests is this product's default.
      // SR-4/SR-5: a P1 goes to the best available engineer even above the cap.
      assignment: { maxOpenLoad: 10, capWaivedFrom: 'P1' },
      nearBreachMinutes: 30,
      pauseWhileWaitingForCustomer: true,
      followUpDaysAfterClose: 7,
      warranty: { months: 36, replacedPartExtendsWarranty: true, freeAnnualInspections: 1, levelId: 'warranty24x7' },
      customerVisits: { intervalDays: 90 },
      outOfWarranty: { minimumFeeFen: 20000, suggestedMaximumFeeFen: 50000, partsChargedExtra: true },
    },
    fieldService: {
      serviceNoticeSigners: { gm: true, departmentHeadWhenGmAbsent: true, departmentHeadDirectly: true },
      advanceRequiresApprovedLetter: true,
      standardKit: [
        { id: 'usbDrive', name: { 'zh-CN': 'U 盘', en: 'USB drive' } },
        { id: 'screwdriver', name: { 'zh-CN': '螺丝刀', en: 'Screwdriver' } },
        { id: 'laptop', name: { 'zh-CN': '装有产品资料的笔记本电脑', en: 'Laptop with product documents' } },
      ],
      sameDayReportWhenUnsolved: true,
      extraTaskNeedsCustomerSignature: true,
      returnNeedsApproval: true,
      acceptanceHandoverDays: 5,
      handoverDocuments: [
        { id: 'technicalDisclosure', name: { 'zh-CN': '技术交底书', en: 'Technical disclosure' } },
        { id: 'weldingRecord', name: { 'zh-CN': '焊接记录', en: 'Welding record' } },
        { id: 'pressureTestRecord', name: { 'zh-CN': '管道试压记录', en: 'Pipe pressure test record' } },
      ],
      handoverRecordRequired: true,
    },
    attendance: {
      workIntervals: [
        { start: '08:00', end: '12:00' },
        { start: '14:00', end: '18:00' },
      ],
      lateThresholdMinutes: 15,
      earlyLeaveThresholdMinutes: 15,
      // RS-9 names 严重迟到早退 without a figure: more than an hour is our choice.
      seriouslyLateMinutes: 60,
      seriouslyEarlyLeaveMinutes: 60,
      monthlyLimits: { absencesAbove: 3, cumulativeLateMinutesAbove: 180, explanationDueWorkingDays: 3 },
      // AT-5b: the national rates (劳动法 第四十四条); half-hour units and the lesser of approved and worked are our choice.
      overtime: {
        workdayRatePercent: 150,
        restDayRatePercent: 200,
        holidayRatePercent: 300,
        restDayCompensation: 'pay',
        roundingMinutes: 30,
        punchWindowMinutes: 240,
        paidBasis: 'lesserOfApprovedAndActual',
      },
      conductPoints: [
        { id: 'late', name: { 'zh-CN': '迟到早退', en: 'Late or early leave' }, points: 5 },
        { id: 'seriouslyLate', name: { 'zh-CN': '严重迟到早退', en: 'Seriously late or early leave' }, points: 10 },
        {
          id: 'unrelatedActivity',
          name: { 'zh-CN': '工作时间从事与工作无关的活动', en: 'Unrelated activity in work time' },
          points: 10,
        },
        {
          id: 'clientProperty',
          name: { 'zh-CN': '损坏或私用客户财产', en: 'Damaging or privately using client property' },
          points: 20,
        },
        { id: 'waste', name: { 'zh-CN': '浪费行为', en: 'Waste' }, points: 5 },
        { id: 'unrelatedVisitors', name: { 'zh-CN': '接待无关人员', en: 'Receiving unrelated visitors' }, points: 5 },
        { id: 'unfriendly', name: { 'zh-CN': '对来访人员态度不友好', en: 'Unfriendly to visitors' }, points: 5 },
        { id: 'untidy', name: { 'zh-CN': '工作环境不整洁', en: 'Untidy workplace' }, points: 5 },
        {
          id: 'websitesGames',
          name: { 'zh-CN': '浏览无关网站或玩游戏', en: 'Unrelated websites or games' },
          points: 10,
        },
        { id: 'smoking', name: { 'zh-CN': '在办公场所吸烟', en: 'Smoking in the office' }, points: 10 },
      ],
      phoneOffHours: 12,
      absenceDaysAsResignation: 7,
      personnelChange: { noticeMonths: 1, requestWorkingDaysBefore: 12, handoverMinWorkingDays: 10 },
      replacement: { withinWorkingDays: 15, handoverMinWorkingDays: 10 },
    },
    leave: {
      types: [
        {
          id: 'personal',
          name: { 'zh-CN': '事假', en: 'Personal leave' },
          statutory: false,
          requiresAdvanceNotice: true,
        },
        { id: 'sick', name: { 'zh-CN': '病假', en: 'Sick leave' }, statutory: false, requiresAdvanceNotice: false },
        {
          id: 'marriage',
          name: { 'zh-CN': '婚假', en: 'Marriage leave' },
          statutory: true,
          requiresAdvanceNotice: true,
        },
        {
          id: 'bereavement',
          name: { 'zh-CN': '丧假', en: 'Bereavement leave' },
          statutory: true,
          requiresAdvanceNotice: false,
        },
        {
          id: 'maternity',
          name: { 'zh-CN': '产假', en: 'Maternity leave' },
          statutory: true,
          requiresAdvanceNotice: true,
        },
        {
          id: 'nursing',
          name: { 'zh-CN': '哺乳假', en: 'Nursing leave' },
          statutory: true,
          requiresAdvanceNotice: true,
        },
        {
          id: 'annual',
          name: { 'zh-CN': '带薪年假', en: 'Annual leave' },
          statutory: true,
          requiresAdvanceNotice: true,
        },
        // AT-4b: business absences and outside study are asked for like leave and decided by the superior.
        { id: 'business', name: { 'zh-CN': '因公外出', en: 'Business absence' }, statutory: false, requiresAdvanceNotice: true },
        { id: 'study', name: { 'zh-CN': '外出学习', en: 'Outside study' }, statutory: false, requiresAdvanceNotice: true },
      ],
      noticeRules: [
        { id: 'oneToTwoDays', minDays: 1, maxDays: 2, noticeDays: 1 },
        { id: 'threeDaysOrMore', minDays: 3, maxDays: null, noticeDays: 2 },
      ],
      // AT-4b: personal leave at most one month per request; annual leave 5/10/15 days from 1/10/20 years of service.
      personalMaxDaysPerRequest: 30,
      annualLeaveBySeniority: [
        { id: 'oneYear', fromYears: 1, days: 5 },
        { id: 'tenYears', fromYears: 10, days: 10 },
        { id: 'twentyYears', fromYears: 20, days: 15 },
      ],
      superiorApprovalTypes: ['business', 'study'],
      specialNoticeMinutesBeforeShift: 60,
      emergencyFileAfterwards: true,
      lateRequestNeedsSuperiorApproval: true,
      extensionNeedsApproval: true,
      standInRequired: true,
      levelByLevel: true,
      inPersonExceptSick: true,
      sick: { certificateFromDays: 1, emergencyExempt: true, certificateDueFirstDayBack: true },
    },
    travel: {
      allowanceByDestination: {
        // TR-3: 120/day technical guidance out of province; meals and lodging 80 (prefecture city) / 60 (county).
        outOfProvince: { technicalGuidanceDailyFen: 12000, mealsLodgingPerNightFen: 8000 },
        prefectureCity: { technicalGuidanceDailyFen: 0, mealsLodgingPerNightFen: 8000 },
        countyOrBelow: { technicalGuidanceDailyFen: 0, mealsLodgingPerNightFen: 6000 },
      },
      technicalGuidanceExcludesTravelDays: true,
      technicalGuidanceMaxDays: 7,
      noMealsLodgingWhenClientProvides: true,
      newEmployeeDailyFen: 6000,
      // TR-3: the documents name no period; three months (a usual probation) until the company sets its own.
      newEmployeeMonths: 3,
      allowanceScheme: 'perDestination',
      flatDailyFen: 0,
      regionalOfficeLodgingDailyFen: 0,
      phoneMonthlyFen: 0,
      allowedTransport: ['bus', 'train', 'ship', 'cityBus', 'metro'],
      transportNeedingApproval: ['plane', 'taxi', 'other'],
      beyondItineraryNeedsApproval: true,
      gmMayRaiseAllowance: true,
      dailyLogEveryDays: 1,
    },
    reports: {
      dailyLogRequired: true,
      engineerWeekly: { due: { weekday: 6, time: '18:00' }, fileNamePattern: '<name>周报<MM-DD>' },
      supervisorWeekly: { due: { weekday: 7, time: '18:00' } },
      supervisorMonthlyDueWorkingDay: 3,
      technicalVisit: { siteRecordDays: 1, proposalDays: 2, fullPlanDays: 5 },
      monthlyVolumeDueDay: 3,
      workVolume: {
        // PAY-3 (seed 002, 4.10.3): water supply pipe Φ50–110 / Φ160–250 / Φ315–630; drainage (winding, steel-belt) pipe
        // below Φ500 / Φ600–800 / Φ1000–1500, and inner welding.
        pipeTypes: [
          {
            id: 'waterSupply',
            name: { 'zh-CN': '给水管', en: 'Water supply pipe' },
            bands: [
              { id: 'd50to110', name: { 'zh-CN': 'Φ50–110', en: 'Φ50–110' } },
              { id: 'd160to250', name: { 'zh-CN': 'Φ160–250', en: 'Φ160–250' } },
              { id: 'd315to630', name: { 'zh-CN': 'Φ315–630', en: 'Φ315–630' } },
            ],
          },
          {
            id: 'drainage',
            name: { 'zh-CN': '排水管（缠绕管、钢带管）', en: 'Drainage pipe (winding, steel-belt)' },
            bands: [
              { id: 'below500', name: { 'zh-CN': 'Φ500 以下', en: 'below Φ500' } },
              { id: 'd600to800', name: { 'zh-CN': 'Φ600–800', en: 'Φ600–800' } },
              { id: 'd1000to1500', name: { 'zh-CN': 'Φ1000–1500', en: 'Φ1000–1500' } },
              { id: 'innerWeld', name: { 'zh-CN': '内焊', en: 'Inner welding' } },
            ],
          },
        ],
      },
      // WR-1: next week's plan with this week's report (Saturday 18:00), approved before Monday.
      weeklyPlan: { due: { weekday: 6, time: '18:00' } },
      // A weekly report due on a public holiday (a Saturday of the National Day week) is due on the first working day
      // after it, same time: nobody is at work to write it.
      holidayDeadlineRule: 'nextWorkingDay',
      // "By the 3rd" means by the end of the 3rd.
      dayDeadlineTime: '24:00',
      reminderMinutesBefore: 240,
    },
    incidents: {
      classes: [
        {
          id: 'I',
          name: { 'zh-CN': 'I 类事故', en: 'Class I incident' },
          definition: {
            'zh-CN': '服务人员被投诉至公司副总以上级别领导处，或因操作不当、不按流程操作造成现场客户工作中断',
            en: "The engineer is complained about to VP level or above, or improper operation or not following the process interrupts the customer's work",
          },
          reflectionRequired: true,
          mobiliseAllResources: true,
        },
        {
          id: 'II',
          name: { 'zh-CN': 'II 类事故', en: 'Class II incident' },
          definition: {
            'zh-CN': '服务人员被投诉至销售经理、销售内勤处，或现场问题未及时反馈造成公司必须安排其他人至现场',
            en: 'The engineer is complained about to a sales manager or sales admin, or a site problem not reported in time forces the company to send someone else',
          },
          reflectionRequired: true,
          mobiliseAllResources: false,
        },
      ],
      noticeRequired: true,
      // SR-14: a complaint to VP level or above is a Class I incident (IN-1), to a sales manager or sales admin Class II
      // (IN-2); one made to the service department itself proposes none.
      complaintClass: { vpOrAbove: 'I', salesManager: 'II', salesAdmin: 'II', service: 'none' },
      // Not in the documents: the reflection within 3 working days of the resolution, the review and notice within 5.
      reflectionDueWorkingDays: 3,
      noticeDueWorkingDays: 5,
      // SR-11b: "e.g. quarterly"; the link works for 30 days; 良 or better counts as satisfied (AP-13's bar).
      surveys: { intervalMonths: 3, responseDays: 30, satisfiedFrom: 'good' },
      // TRN-1: 60 % passes (the usual mark); TRN-3: certificate holders are reminded 30 days ahead.
      training: { examPassPercent: 60, certificateReminderDays: 30 },
    },
    appraisal: {
      // Scheme A grades the month, scheme B turns events into fines and bonuses; the documents use both.
      activeScheme: 'both',
      sheetDueWorkingDays: 3,
      schemeA: {
        proposalDueDay: 25,
        approvalChain: ['departmentManager', 'vp', 'gm'],
        total: 100,
        items: [
          {
            id: 'workload',
            name: { 'zh-CN': '工作量', en: 'Workload' },
            weight: 30,
            description: { 'zh-CN': '区域屏幕数量 × 故障率', en: 'Regional screen/device count × failure rate' },
            children: [],
          },
          {
            id: 'attitude',
            name: { 'zh-CN': '工作态度', en: 'Attitude' },
            weight: 40,
            children: [
              {
                id: 'initiative',
                name: { 'zh-CN': '积极性', en: 'Initiative' },
                weight: 15,
                description: {
                  'zh-CN': '凡事主动、做事积极，尽最大努力把工作做好',
                  en: 'Proactive, does the utmost to do the work well',
                },
              },
              {
                id: 'coordination',
                name: { 'zh-CN': '协调性', en: 'Coordination' },
                weight: 10,
                description: {
                  'zh-CN': '为部门绩效所做的内部沟通、外部沟通',
                  en: "Internal and external communication for the department's results",
                },
              },
              {
                id: 'loyalty',
                name: { 'zh-CN': '忠诚度', en: 'Loyalty' },
                weight: 15,
                description: {
                  'zh-CN': '凡事以公司利益为前提，忠于职守',
                  en: "Puts the company's interest first and is dedicated to the job",
                },
              },
            ],
          },
          {
            id: 'ability',
            name: { 'zh-CN': '职务能力', en: 'Ability' },
            weight: 30,
            children: [
              {
                id: 'planning',
                name: { 'zh-CN': '计划能力', en: 'Planning' },
                weight: 8,
                description: { 'zh-CN': '有效合理地安排工作的能力', en: 'Plans work effectively and sensibly' },
              },
              {
                id: 'execution',
                name: { 'zh-CN': '执行能力', en: 'Execution' },
                weight: 10,
                description: {
                  'zh-CN': '执行公司安排及采取改善措施的能力',
                  en: 'Carries out assignments and improvement measures',
                },
              },
              {
                id: 'quality',
                name: { 'zh-CN': '工作品质', en: 'Work quality' },
                weight: 12,
                description: {
                  'zh-CN': '独立处理故障的能力及工作的品质',
                  en: 'Solves faults independently; quality of work',
                },
              },
            ],
          },
        ],
        // AP-3 names the inputs (devices × failure rate) but no scale: 10 expected failures a month earn full marks.
        workload: { itemId: 'workload', fullMarksAt: 10 },
        grades: { aMinScore: 86, bMinScore: 70 },
        annual: { promotionACount: 6, demotionCCount: 6 },
        bestEmployee: { perMonth: 2, bonusFen: 20000 },
      },
      schemeB: {
        engineer: {
          fines: {
            estimateOverrun: 5000,
            eachPoorRating: 5000,
            fairRatings: 5000,
            weeklyReportLate: 2000,
            examFailed: 5000,
            classIIncident: 10000,
            classIIIncident: 5000,
          },
          fairRatingsCount: 3,
          fairRatingsInOneService: true,
          fairRatingsInARow: true,
          missingSignatureAsPoorRatings: 3,
          examFailuresForDowngrade: 3,
          downgradeClassI: { count: 2, months: 3 },
          dismissal: { classICount: 3, classIICount: 6, months: 6 },
          cleanMonthsBonus: { months: 3, bonusFen: 10000 },
        },
        supervisor: {
          fines: {
            lateReport: 2000,
            departmentClassI: 5000,
            departmentClassII: 3000,
            toleratedMissingSignature: 10000,
          },
          downgradeClassI: { count: 3, months: 3 },
          noClassIBonus: { months: 6, bonusFen: 10000 },
        },
      },
      // AP-16 names self + superior + customer without weights (not in the documents): the superior weighs most.
      // AP-16b: below 60 % (the usual pass mark, as TRN-1) an item is weak. Monthly review by the 10th, annual in January.
      kpi: {
        weights: { self: 20, superior: 50, customer: 30 },
        weakBelowPercent: 60,
        monthlyReviewDueDay: 10,
        annualReviewMonth: 1,
      },
    },
    pay: {
      baseTiers: [
        {
          id: 'tier1',
          name: { 'zh-CN': '一等', en: 'Tier 1' },
          monthlyFen: 200000,
          cleanMonthsRequired: 12,
          condition: {
            'zh-CN': '连续一年无任何事故、无考核罚款记录、通过部门考试或有其他重大贡献',
            en: 'A year with no incident and no fine, and the department exam passed or a major contribution',
          },
        },
        {
          id: 'tier2',
          name: { 'zh-CN': '二等', en: 'Tier 2' },
          monthlyFen: 180000,
          cleanMonthsRequired: 6,
          condition: {
            'zh-CN': '六个月无任何事故、无考核罚款记录、通过部门考试或有其他重大贡献',
            en: 'Six months with no incident and no fine, and the department exam passed or a major contribution',
          },
        },
        {
          id: 'tier3',
          name: { 'zh-CN': '三等', en: 'Tier 3' },
          monthlyFen: 150000,
          cleanMonthsRequired: 0,
          condition: { 'zh-CN': '入职起薪', en: 'Starting pay' },
        },
      ],
      // PAY-2: the base is not in the documents; 2,000 yuan (tier 1's monthly base) until the company sets its own.
      rankingBonus: { periodMonths: 6, baseFen: 200000, bandCoefficients: [0.8, 0.5, 0.3] },
      engineerLevels: [130000, 150000, 170000, 190000, 210000, 230000, 250000, 300000].map((monthlyFen, i) => ({
        id: `L${i + 1}`,
        level: i + 1,
        monthlyFen,
      })),
      levelUp: { minMonths: 6, examRequired: true },
      probation: { minMonths: 1, maxMonths: 3, baseFen: 150000, postAllowanceFen: 30000, pieceRateCommission: false },
      commission: {
        paidMonthlyPercent: 60,
        heldBackPercent: 10,
        heldBackMonths: 24,
        installMultiplierOfWeld: 2,
        nonPieceWorkDailyFen: 8000,
        // Seed 002, 4.10.3: weld price / technical-guidance price per metre; drainage names no guidance price.
        rates: [
          { pipeType: 'waterSupply', band: 'd50to110', weldFenPerMetre: 50, guidanceFenPerMetre: 30 },
          { pipeType: 'waterSupply', band: 'd160to250', weldFenPerMetre: 100, guidanceFenPerMetre: 50 },
          { pipeType: 'waterSupply', band: 'd315to630', weldFenPerMetre: 150, guidanceFenPerMetre: 70 },
          { pipeType: 'drainage', band: 'below500', weldFenPerMetre: 10, guidanceFenPerMetre: null },
          { pipeType: 'drainage', band: 'd600to800', weldFenPerMetre: 20, guidanceFenPerMetre: null },
          { pipeType: 'drainage', band: 'd1000to1500', weldFenPerMetre: 35, guidanceFenPerMetre: null },
          { pipeType: 'drainage', band: 'innerWeld', weldFenPerMetre: 15, guidanceFenPerMetre: null },
        ],
      },
      // PAY-5 (seed 002, 4.10/4.10.1): field allowance 500; guaranteed minimum 2000 a month.
      fieldAllowanceFen: 50000,
      guaranteedMinimumFen: 200000,
      // AT-5b "overtime pay follows national rules": the national monthly pay days (月计薪天数) 21.75 × 8 hours.
      overtime: { monthlyPayDays: 21.75, dailyHours: 8 },
      // AP-16b: the documents name no amounts; the company sets them.
      performancePayFen: { A: 0, B: 0, C: 0 },
    },
    // ACC-1 (issue 18 item 3): strong (3 of 4) and at least 10 characters.
    accounts: { passwordMinScore: 3, passwordMinLength: 10 },
  };
}
