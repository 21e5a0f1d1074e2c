import { fieldPathMatches } from './fields';
import type { TLocalizedText } from './primitives';

/**
 * Issue 17 item 2: settings no code reads yet, by the capability that will read them. The policy page shows them as
 * "takes effect when … is in use" and does not let anyone edit them, so no admin changes a value that changes
 * nothing. A capability that starts reading a setting removes its line here (a server test checks that every
 * setting is either read by code or listed).
 */
const CAPABILITIES = {
  phoneReachability: { 'zh-CN': '驻场人员通讯畅通检查', en: 'residents’ phone reachability checks' },
  statutoryLeave: { 'zh-CN': '法定假期额度', en: 'statutory leave entitlements' },
  multiLevelApproval: { 'zh-CN': '逐级审批', en: 'level-by-level approval' },
  inPersonLeave: { 'zh-CN': '本人申请核验', en: 'in-person filing checks' },
  shiftNotice: { 'zh-CN': '班前特殊情况通知', en: 'notice before a shift' },
  regionalOffice: { 'zh-CN': '区域办事处住宿与话费补贴', en: 'regional-office lodging and phone allowances' },
  transportCheck: { 'zh-CN': '交通工具核对', en: 'transport checks' },
  technicalVisit: { 'zh-CN': '技术考察报告', en: 'technical visit reports' },
} as const satisfies Record<string, TLocalizedText>;
export type TPolicyCapability = keyof typeof CAPABILITIES;

/** Path prefixes (segments; `*` matches one) of the settings not read yet, with the capability that will read them. */
export const POLICY_NOT_YET_IN_USE: readonly { path: string; capability: TPolicyCapability }[] = [
  { path: 'attendance.phoneOffHours', capability: 'phoneReachability' },
  { path: 'leave.types.*.statutory', capability: 'statutoryLeave' },
  { path: 'leave.levelByLevel', capability: 'multiLevelApproval' },
  { path: 'leave.inPersonExceptSick', capability: 'inPersonLeave' },
  { path: 'leave.specialNoticeMinutesBeforeShift', capability: 'shiftNotice' },
  { path: 'travel.regionalOfficeLodgingDailyFen', capability: 'regionalOffice' },
  { path: 'travel.phoneMonthlyFen', capability: 'regionalOffice' },
  { path: 'travel.allowedTransport', capability: 'transportCheck' },
  { path: 'reports.technicalVisit', capability: 'technicalVisit' },
];

const startsWithPattern = (pattern: string, path: string) => {
  const depth = pattern.split('.').length;
  return fieldPathMatches(pattern, path.split('.').slice(0, depth).join('.'));
};

/** The capability a setting (a concrete dot path or a metadata pattern) waits for; null when code reads it today. */
export function policyCapabilityPending(path: string): { capability: TPolicyCapability; name: TLocalizedText } | null {
  const hit = POLICY_NOT_YET_IN_USE.find((m) => startsWithPattern(m.path, path));
  return hit ? { capability: hit.capability, name: CAPABILITIES[hit.capability] } : null;
}

/** The capability a whole section waits for, when every setting of it does (shown once at the top of the section). */
export function policySectionPending(section: string): { capability: TPolicyCapability; name: TLocalizedText } | null {
  const hit = POLICY_NOT_YET_IN_USE.find((m) => m.path === section);
  return hit ? { capability: hit.capability, name: CAPABILITIES[hit.capability] } : null;
}
