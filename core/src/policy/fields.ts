import type { PolicyFieldMeta } from './fieldHelpers';
import { slaFields } from './fields/sla';
import { fieldServiceFields } from './fields/fieldService';
import { attendanceFields } from './fields/attendance';
import { leaveFields } from './fields/leave';
import { travelFields } from './fields/travel';
import { reportsFields } from './fields/reports';
import { incidentsFields } from './fields/incidents';
import { appraisalFields } from './fields/appraisal';
import { payFields } from './fields/pay';
import { itemTextsFields } from './fields/itemTexts';
import { accountsFields } from './fields/accounts';

export type { PolicyFieldMeta, TFieldUnit } from './fieldHelpers';

/** Metadata for every editable leaf of the policy, one file per section; item ids are keys and not edited. */
export const policyFields: PolicyFieldMeta[] = [
  ...slaFields,
  ...fieldServiceFields,
  ...attendanceFields,
  ...leaveFields,
  ...travelFields,
  ...reportsFields,
  ...incidentsFields,
  ...appraisalFields,
  ...payFields,
  ...itemTextsFields,
  ...accountsFields,
];

/** Whether a metadata path (possibly with `*` segments) matches a concrete dot path. */
export function fieldPathMatches(pattern: string, path: string): boolean {
  const p = pattern.split('.');
  const s = path.split('.');
  return p.length === s.length && p.every((segment, i) => segment === '*' || segment === s[i]);
}

/** The metadata of a concrete path: an exact entry first, else the first matching wildcard entry. */
export function fieldMetaFor(path: string): PolicyFieldMeta | undefined {
  return policyFields.find((m) => m.path === path) ?? policyFields.find((m) => fieldPathMatches(m.path, path));
}

/**
 * The rule id of any path: its own metadata, else that of the metadata sharing the longest leading part
 * (at least two segments), so text leaves such as 'incidents.classes.I.definition.en' still name IN-1.
 */
export function ruleIdForPath(path: string): string | undefined {
  const exact = fieldMetaFor(path);
  if (exact) return exact.ruleId;
  const segments = path.split('.');
  let best: { length: number; ruleId: string } | undefined;
  for (const meta of policyFields) {
    const pattern = meta.path.split('.');
    let length = 0;
    while (length < Math.min(pattern.length - 1, segments.length)) {
      const p = pattern[length];
      if (p !== '*' && p !== segments[length]) break;
      length += 1;
    }
    if (length >= 2 && (!best || length > best.length)) best = { length, ruleId: meta.ruleId };
  }
  return best?.ruleId;
}
