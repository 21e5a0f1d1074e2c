import type { TLocalizedText } from './primitives';

/** How the admin UI shows and edits a value. */
export type TFieldUnit =
  | 'fen'
  | 'minutes'
  | 'hours'
  | 'days'
  | 'workingDays'
  | 'months'
  | 'points'
  | 'count'
  | 'percent'
  | 'ratio'
  | 'time'
  | 'weekday'
  | 'dayOfMonth'
  | 'workingDayOfMonth'
  | 'level'
  | 'flag'
  | 'choice'
  | 'text';

/** Metadata of an editable leaf: the rule it implements and the sentence of regulations.md it comes from. */
export interface PolicyFieldMeta {
  /** Dot path; `*` matches one segment (an item id or an index). */
  path: string;
  ruleId: string;
  label: TLocalizedText;
  regulation: TLocalizedText;
  unit: TFieldUnit;
}

export const f = (
  path: string,
  ruleId: string,
  unit: TFieldUnit,
  label: [zh: string, en: string],
  regulation: [zh: string, en: string],
): PolicyFieldMeta => ({
  path,
  ruleId,
  unit,
  label: { 'zh-CN': label[0], en: label[1] },
  regulation: { 'zh-CN': regulation[0], en: regulation[1] },
});

export const SR3: [string, string] = ['按紧急程度和影响范围确定优先级', 'Classify by priority: urgency × impact scope'];
export const SLA2: [string, string] = [
  '2 个工作小时内响应；紧急 30 分钟内响应、2 小时内解决；48 小时内解决；质保期内 24 小时支持',
  'Respond within 2 working hours; urgent: respond in 30 min, fix in 2 h; resolve within 48 h; 24-hour support in warranty',
];
export const RS9: [string, string] = ['驻场人员行为扣分', 'Conduct points (扣分) for residents'];
export const AP3A: [string, string] = [
  '工作量 30；工作态度 40（积极性 15、协调性 10、忠诚度 15）；职务能力 30（计划 8、执行 10、品质 12）',
  'Workload 30; attitude 40 (initiative 15, coordination 10, loyalty 15); ability 30 (planning 8, execution 10, quality 12)',
];

export const impacts = [
  ['wide', '大范围', 'wide'],
  ['department', '部门', 'department'],
  ['singleUser', '单个用户', 'single user'],
] as const;
export const urgencies = [
  ['high', '高', 'High'],
  ['medium', '中', 'Medium'],
  ['low', '低', 'Low'],
] as const;

export const conduct: [id: string, zh: string, en: string, points: number][] = [
  ['late', '迟到早退', 'Late or early leave', 5],
  ['seriouslyLate', '严重迟到早退', 'Seriously late or early leave', 10],
  ['unrelatedActivity', '工作时间从事与工作无关的活动', 'Unrelated activity in work time', 10],
  ['clientProperty', '损坏或私用客户财产', 'Damaging or privately using client property', 20],
  ['waste', '浪费行为', 'Waste', 5],
  ['unrelatedVisitors', '接待无关人员', 'Receiving unrelated visitors', 5],
  ['unfriendly', '对来访人员态度不友好', 'Unfriendly to visitors', 5],
  ['untidy', '工作环境不整洁', 'Untidy workplace', 5],
  ['websitesGames', '浏览无关网站或玩游戏', 'Unrelated websites or games', 10],
  ['smoking', '在办公场所吸烟', 'Smoking in the office', 10],
];

/** Metadata of a localized text leaf of every item of a list ('<list>.*.<key>.zh-CN' and '.en'). */
export const text = (
  list: string,
  key: string,
  ruleId: string,
  label: [zh: string, en: string],
  regulation: [zh: string, en: string],
): PolicyFieldMeta[] =>
  (['zh-CN', 'en'] as const).map((lang) =>
    f(`${list}.*.${key}.${lang}`, ruleId, 'text', [`${label[0]}（${lang}）`, `${label[1]} (${lang})`], regulation),
  );

/** Metadata for every editable leaf of the policy; item ids are keys and not edited. */
