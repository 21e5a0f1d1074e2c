import { defaultPolicy } from './defaults';
import type { TLocalizedText } from './primitives';
import type { TPolicy } from './schema';

/** Objects merge key by key; arrays and primitives are replaced whole. */
export type TPolicyPatch<T = TPolicy> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: TPolicyPatch<T[K]> } : T;

/** A named alternative from a seed document, applied over a policy. */
export interface PolicyPreset {
  id: string;
  label: TLocalizedText;
  /** Which seed document (seeds/<file>.txt) and rules the values come from. */
  source: { seed: string; ruleIds: string[] };
  /** True for the preset whose values are those of defaultPolicy(). */
  isDefault: boolean;
  patch: TPolicyPatch;
}

const SEED_SCHEME_A = '000_90c8bf4cade762d2';
const SEED_ENGINEERING = '002_3394860481be4a6d';
const SEED_SCHEME_B = '003_a39b735f286d5051';
const SEED_RESIDENTS = '004_561c89be4d2c4911';

/** RS-1/RS-2: the three attendance variants of the seed documents. */
export const attendancePresets: PolicyPreset[] = [
  {
    id: 'hours0800Late15Early15',
    label: { 'zh-CN': '8:00–18:00，迟到/早退超过 15 分钟', en: '8:00–18:00, late/early beyond 15 minutes' },
    source: { seed: SEED_RESIDENTS, ruleIds: ['RS-1', 'RS-2'] },
    isDefault: true,
    patch: {
      attendance: {
        workIntervals: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
        lateThresholdMinutes: 15,
        earlyLeaveThresholdMinutes: 15,
      },
    },
  },
  {
    id: 'hours0830Strict',
    label: { 'zh-CN': '8:30–17:30，8:30 后即迟到、17:30 前即早退', en: '8:30–17:30, any minute late or early counts' },
    source: { seed: SEED_RESIDENTS, ruleIds: ['RS-1', 'RS-2'] },
    isDefault: false,
    patch: {
      attendance: {
        workIntervals: [
          { start: '08:30', end: '12:00' },
          { start: '14:00', end: '17:30' },
        ],
        lateThresholdMinutes: 0,
        earlyLeaveThresholdMinutes: 0,
      },
    },
  },
  {
    id: 'late15Early30',
    label: { 'zh-CN': '迟到超过 15 分钟，早退超过 30 分钟', en: 'Late beyond 15 minutes, early beyond 30 minutes' },
    source: { seed: SEED_RESIDENTS, ruleIds: ['RS-2'] },
    isDefault: false,
    patch: { attendance: { lateThresholdMinutes: 15, earlyLeaveThresholdMinutes: 30 } },
  },
];

type SchemeAItems = TPolicy['appraisal']['schemeA']['items'];

/** AP-3 variant (seed 002): the default items re-weighted, plus appearance under attitude and documentation under ability. */
function schemeAVariantItems(): SchemeAItems {
  const byId = new Map(defaultPolicy().appraisal.schemeA.items.map((item) => [item.id, item]));
  const workload = byId.get('workload')!;
  const attitude = byId.get('attitude')!;
  const ability = byId.get('ability')!;
  return [
    { ...workload, weight: 20 },
    {
      ...attitude,
      children: [
        ...attitude.children.map((c) => (c.id === 'initiative' ? { ...c, weight: 10 } : c)),
        { id: 'appearance', name: { 'zh-CN': '仪容仪表', en: 'Appearance' }, weight: 5 },
      ],
    },
    {
      ...ability,
      weight: 40,
      children: [...ability.children, { id: 'documentation', name: { 'zh-CN': '资料整理', en: 'Documentation' }, weight: 10 }],
    },
  ];
}

/** AP-3: the two weightings of scheme A. */
export const appraisalSchemeAPresets: PolicyPreset[] = [
  {
    id: 'weights30-40-30',
    label: { 'zh-CN': '工作量 30 / 工作态度 40 / 职务能力 30', en: 'Workload 30 / attitude 40 / ability 30' },
    source: { seed: SEED_SCHEME_A, ruleIds: ['AP-3'] },
    isDefault: true,
    patch: { appraisal: { schemeA: { total: 100, items: defaultPolicy().appraisal.schemeA.items } } },
  },
  {
    // The variant lists attitude 40 and ability 40; workload takes the remaining 20 so the total stays 100.
    id: 'weights20-40-40',
    label: {
      'zh-CN': '工作量 20 / 工作态度 40（含仪容仪表）/ 职务能力 40（含资料整理）',
      en: 'Workload 20 / attitude 40 (with appearance) / ability 40 (with documentation)',
    },
    source: { seed: SEED_ENGINEERING, ruleIds: ['AP-3'] },
    isDefault: false,
    patch: {
      appraisal: {
        schemeA: {
          total: 100,
          items: schemeAVariantItems(),
        },
      },
    },
  },
];

const standardLevelWith = (
  targets: TPolicy['sla']['levels'][number]['targets'],
  calendarMode: 'business' | '24x7',
): TPolicy['sla']['levels'] =>
  defaultPolicy().sla.levels.map((level) => (level.id === 'standard' ? { ...level, calendarMode, targets } : level));

/** SLA-2: the conflicting default targets, applied to the 'standard' level. */
export const slaPresets: PolicyPreset[] = [
  {
    id: 'respond2hResolve48h',
    label: {
      'zh-CN': '2 个工作小时内响应，48 小时内解决',
      en: 'Respond within 2 working hours, resolve within 48 hours',
    },
    source: { seed: SEED_ENGINEERING, ruleIds: ['SLA-2'] },
    isDefault: true,
    patch: { sla: { levels: defaultPolicy().sla.levels } },
  },
  {
    id: 'respond30mFix2h',
    label: {
      'zh-CN': '30 分钟内响应，2 小时内解决（7×24）',
      en: 'Respond within 30 minutes, fix within 2 hours (24×7)',
    },
    source: { seed: SEED_RESIDENTS, ruleIds: ['SLA-2'] },
    isDefault: false,
    patch: {
      sla: {
        levels: standardLevelWith(
          {
            P1: { firstResponseMinutes: 30, onsiteMinutes: 120, resolutionMinutes: 120 },
            P2: { firstResponseMinutes: 30, onsiteMinutes: 120, resolutionMinutes: 120 },
            P3: { firstResponseMinutes: 30, onsiteMinutes: 120, resolutionMinutes: 120 },
            P4: { firstResponseMinutes: 30, onsiteMinutes: 120, resolutionMinutes: 120 },
          },
          '24x7',
        ),
      },
    },
  },
];

/** AT-2: daily reports while travelling, or every two days by SMS/phone. */
export const travelPresets: PolicyPreset[] = [
  {
    id: 'reportDaily',
    label: { 'zh-CN': '出差每天汇报', en: 'Report every day while travelling' },
    source: { seed: SEED_SCHEME_A, ruleIds: ['AT-2'] },
    isDefault: true,
    patch: { travel: { dailyLogEveryDays: 1 } },
  },
  {
    id: 'reportEveryTwoDays',
    label: { 'zh-CN': '出差每两天以短信或电话汇报', en: 'Report every two days by SMS or phone' },
    source: { seed: SEED_SCHEME_B, ruleIds: ['AT-2'] },
    isDefault: false,
    patch: { travel: { dailyLogEveryDays: 2 } },
  },
];

/** RS-4/AT-4: notice by leave length (residents) or one day ahead for any personal leave (all staff). */
export const leavePresets: PolicyPreset[] = [
  {
    id: 'noticeByLength',
    label: { 'zh-CN': '一至两天提前一天，三天以上提前两天', en: '1–2 days: 1 day ahead; 3 days or more: 2 days ahead' },
    source: { seed: SEED_RESIDENTS, ruleIds: ['RS-4'] },
    isDefault: true,
    patch: { leave: { noticeRules: defaultPolicy().leave.noticeRules } },
  },
  {
    id: 'oneDayAhead',
    label: { 'zh-CN': '事假提前一天', en: 'Personal leave one day ahead' },
    source: { seed: SEED_ENGINEERING, ruleIds: ['AT-4'] },
    isDefault: false,
    patch: { leave: { noticeRules: [{ id: 'anyLength', minDays: 1, maxDays: null, noticeDays: 1 }] } },
  },
];

/** All presets, grouped by the policy section they change. */
export const policyPresets = {
  attendance: attendancePresets,
  appraisalSchemeA: appraisalSchemeAPresets,
  sla: slaPresets,
  travel: travelPresets,
  leave: leavePresets,
} as const;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function merge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) out[key] = merge(base[key], value);
  }
  return out;
}

/** The policy with the preset's values applied; the input is not changed. Validate the result with ZPolicy. */
export function applyPreset(policy: TPolicy, preset: PolicyPreset): TPolicy {
  return merge(structuredClone(policy), preset.patch) as TPolicy;
}
