import { describe, expect, it } from 'vitest';
import { DATA_SCOPE_LABELS, PERMISSION_LABELS, dataScopeLabel, permissionLabel } from './permissionLabels';
import { DATA_SCOPES, PERMISSIONS } from './permissions';

const latin = /[A-Za-z]{2,}/;
const han = /\p{Script=Han}/u;

describe('permission and data-scope labels', () => {
  it('name every permission in Chinese and in English, and nothing else', () => {
    expect(Object.keys(PERMISSION_LABELS).sort()).toEqual([...PERMISSIONS].sort());
    for (const permission of PERMISSIONS) {
      const label = PERMISSION_LABELS[permission];
      expect(label?.['zh-CN'], permission).toMatch(han);
      expect(label['zh-CN'], permission).not.toMatch(latin);
      expect(label.en.trim(), permission).not.toBe('');
      expect(label.en, permission).not.toMatch(han);
      expect(label.en, permission).not.toBe(permission);
    }
  });

  it('name every data scope in Chinese and in English', () => {
    expect(Object.keys(DATA_SCOPE_LABELS).sort()).toEqual([...DATA_SCOPES].sort());
    for (const scope of DATA_SCOPES) {
      expect(DATA_SCOPE_LABELS[scope]['zh-CN'], scope).toMatch(han);
      expect(DATA_SCOPE_LABELS[scope]['zh-CN'], scope).not.toMatch(latin);
      expect(DATA_SCOPE_LABELS[scope].en, scope).toMatch(/^[A-Z][a-z ]+$/);
    }
  });

  it('give distinct names, so two permissions never read alike in the role form', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const names = PERMISSIONS.map((permission) => PERMISSION_LABELS[permission][language]);
      expect(new Set(names).size, language).toBe(names.length);
    }
  });

  it('pick the UI language, Chinese unless English', () => {
    expect(permissionLabel('policy.approve', 'zh-CN')).toBe('审批制度规则变更');
    expect(permissionLabel('policy.approve', 'en')).toBe('Approve policy changes');
    expect(permissionLabel('attendance.read', 'fr')).toBe(PERMISSION_LABELS['attendance.read']['zh-CN']);
    expect(permissionLabel('unknown.thing', 'zh-CN')).toBe('unknown.thing');
    expect(dataScopeLabel('site', 'zh-CN')).toBe('本院区/现场');
    expect(dataScopeLabel('site', 'en')).toBe('Own site');
  });
});
