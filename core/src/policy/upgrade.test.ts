import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './defaults';
import { ZPolicy } from './schema';
import { upgradePolicyDocument } from './upgrade';

// The default document as the product shipped it on 2026-12-03: installs keep versions saved then.
const shipped = JSON.parse(readFileSync(new URL('./fixtures/policy-document-2026-12-03.json', import.meta.url), 'utf8')) as unknown;

describe('stored policy documents read by newer code', () => {
  it('a version saved on 2026-12-03 is a valid policy today', () => {
    const result = ZPolicy.safeParse(upgradePolicyDocument(shipped));
    expect(result.success ? [] : result.error.issues.slice(0, 5)).toEqual([]);
  });

  it('reads the SR-14/IN/SR-11b/TRN settings added after 2026-12-03 from the defaults', () => {
    const upgraded = upgradePolicyDocument(shipped);
    expect(upgraded.incidents.complaintClass).toEqual(defaultPolicy().incidents.complaintClass);
    expect(upgraded.incidents.training.examPassPercent).toBe(60);
    expect(upgraded.incidents.surveys.intervalMonths).toBe(3);
  });

  it('keeps every value the company set and fills only what is missing', () => {
    const stored = defaultPolicy() as unknown as Record<string, Record<string, unknown>>;
    stored.attendance.lateThresholdMinutes = 1;
    delete stored.reports.dailyLogRequired;
    const upgraded = upgradePolicyDocument(stored);
    expect(upgraded.attendance.lateThresholdMinutes).toBe(1);
    expect(upgraded.reports.dailyLogRequired).toBe(defaultPolicy().reports.dailyLogRequired);
  });

  it('keeps the company’s own lists as stored', () => {
    const stored = defaultPolicy();
    stored.leave.types = stored.leave.types.slice(0, 1);
    expect(upgradePolicyDocument(stored).leave.types).toHaveLength(1);
  });

  it('is idempotent', () => {
    const once = upgradePolicyDocument(shipped);
    expect(upgradePolicyDocument(once)).toEqual(once);
  });
});
