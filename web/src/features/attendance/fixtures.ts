import type { TAttendanceDay, TAttendanceRollup, TAttendanceToday, TExplanation, TPunch } from '@techserve/core';

export const lateExplanation: TExplanation = {
  ruleId: 'RS-2',
  policyVersion: 1,
  inputs: {},
  result: 'late',
  text: {
    'zh-CN': 'RS-2：2026-03-03 时段 08:00–12:00 08:16 到岗，晚 16 分钟；超过 15 分钟算迟到（制度第 1 版）：迟到',
    en: 'RS-2: 2026-03-03 segment 08:00–12:00: arrived 08:16, 16 min after the start; late is more than 15 min (policy v1): late',
  },
};

export const punchFixture = (extra: Partial<TPunch> = {}): TPunch => ({
  id: 1,
  userId: 11,
  userName: '张驻场',
  at: '2026-03-03T00:16:00.000Z',
  date: '2026-03-03',
  source: 'phone',
  latitude: 31.3,
  longitude: 121.47,
  distanceM: 7700,
  outsideGeofence: true,
  noPosition: false,
  outsideNetwork: false,
  siteId: 5,
  ...extra,
});

export const dayFixture = (extra: Partial<TAttendanceDay> = {}): TAttendanceDay => ({
  userId: 11,
  date: '2026-03-03',
  kind: 'workday',
  status: 'late',
  absent: false,
  lateCount: 1,
  lateMinutes: 16,
  seriouslyLateCount: 0,
  earlyCount: 0,
  earlyMinutes: 0,
  seriouslyEarlyCount: 0,
  missingPunches: 0,
  segments: [
    {
      startTime: '08:00',
      endTime: '12:00',
      inAt: '2026-03-03T00:16:00.000Z',
      outAt: null,
      lateMinutes: 16,
      earlyMinutes: 0,
      late: true,
      seriouslyLate: false,
      early: false,
      seriouslyEarly: false,
      missingIn: false,
      missingOut: false,
      pending: true,
    },
  ],
  explanations: [lateExplanation],
  policyVersion: 1,
  ...extra,
});

export const todayFixture = (extra: Partial<TAttendanceToday> = {}): TAttendanceToday => ({
  date: '2026-03-03',
  working: true,
  segments: [
    { startTime: '08:00', endTime: '12:00' },
    { startTime: '14:00', endTime: '18:00' },
  ],
  site: { id: 5, name: '住院部' },
  punches: [punchFixture()],
  day: dayFixture(),
  ...extra,
});

export const rollupFixture = (extra: Partial<TAttendanceRollup> = {}): TAttendanceRollup => ({
  userId: 11,
  userName: '张驻场',
  siteId: 5,
  siteName: '住院部',
  month: '2026-03',
  workingDays: 22,
  presentDays: 17,
  leaveDays: 1,
  tripDays: 0,
  absences: 4,
  lateCount: 2,
  lateMinutes: 40,
  seriouslyLateCount: 0,
  earlyCount: 0,
  earlyMinutes: 0,
  seriouslyEarlyCount: 0,
  missingPunches: 0,
  conductPoints: 10,
  explanationDue: true,
  resignationProposal: false,
  longestAbsenceRun: 2,
  explanations: [
    {
      ruleId: 'RS-5',
      policyVersion: 1,
      inputs: {},
      result: true,
      text: {
        'zh-CN': 'RS-5：2026-03 旷工 4 次（超过 3 次需说明）：需提交缺勤情况说明',
        en: 'RS-5: 2026-03: 4 absences: an absence explanation is due',
      },
    },
  ],
  ...extra,
});
