import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './defaults';
import { localDateOf, type PolicyVersionLike, policyInForce, validatePublish, ZPolicyVersion } from './versioning';

const v = (version: number, effectiveFrom: string, status: 'draft' | 'published' = 'published'): PolicyVersionLike => ({
  version,
  effectiveFrom,
  status,
});

describe('policyInForce', () => {
  const versions = [v(1, '2026-01-01'), v(2, '2026-03-01'), v(3, '2026-04-01', 'draft'), v(4, '2026-06-01')];

  it('returns nothing the day before the first version takes effect', () => {
    expect(policyInForce(versions, '2025-12-31')).toBeUndefined();
  });

  it('returns a version on its effective day itself', () => {
    expect(policyInForce(versions, '2026-03-01')?.version).toBe(2);
  });

  it('keeps the previous version the day before the next one takes effect', () => {
    expect(policyInForce(versions, '2026-02-28')?.version).toBe(1);
  });

  it('returns the earlier version between two effective dates', () => {
    expect(policyInForce(versions, '2026-05-15')?.version).toBe(2);
  });

  it('ignores drafts', () => {
    expect(policyInForce(versions, '2026-04-01')?.version).toBe(2);
    expect(policyInForce([v(1, '2026-01-01', 'draft')], '2026-05-01')).toBeUndefined();
  });

  it('returns the latest version after all effective dates', () => {
    expect(policyInForce(versions, '2030-01-01')?.version).toBe(4);
  });

  it('lets the higher version win when two take effect the same day', () => {
    expect(policyInForce([v(5, '2026-03-01'), v(7, '2026-03-01'), v(6, '2026-03-01')], '2026-03-02')?.version).toBe(7);
  });

  it('uses the company-local date of an instant: 2026-02-28T16:30Z is 1 March in Shanghai', () => {
    const instant = Date.UTC(2026, 1, 28, 16, 30);
    expect(policyInForce(versions, instant)?.version).toBe(2);
    expect(policyInForce(versions, instant, 'UTC')?.version).toBe(1);
  });

  it('keeps the previous version one minute before local midnight', () => {
    expect(policyInForce(versions, Date.UTC(2026, 1, 28, 15, 59))?.version).toBe(1);
  });
});

describe('localDateOf', () => {
  it('formats the local calendar date of an instant', () => {
    expect(localDateOf(Date.UTC(2026, 0, 1, 0, 0), 'Asia/Shanghai')).toBe('2026-01-01');
    expect(localDateOf(Date.UTC(2026, 0, 1, 0, 0), 'America/New_York')).toBe('2025-12-31');
  });
});

describe('validatePublish', () => {
  const existing = [v(1, '2026-01-01'), v(2, '2026-05-01', 'draft')];
  const candidate = (effectiveFrom: string, document: unknown = defaultPolicy(), version = 2) => ({
    version,
    effectiveFrom,
    status: 'published' as const,
    document,
  });

  it('accepts a valid document taking effect tomorrow', () => {
    expect(validatePublish(candidate('2026-04-02'), existing, '2026-04-01')).toEqual([]);
  });

  it('rejects an effective date of today', () => {
    const issues = validatePublish(candidate('2026-04-01'), existing, '2026-04-01');
    expect(issues.map((i) => [i.code, i.path])).toEqual([['effective_date_not_future', ['effectiveFrom']]]);
  });

  it('rejects an effective date in the past', () => {
    const issues = validatePublish(candidate('2026-02-01'), existing, '2026-04-01');
    expect(issues.map((i) => i.path)).toEqual([['effectiveFrom']]);
    expect(issues[0].message).toContain('tomorrow or later');
  });

  it('lets the very first published version take effect in the past', () => {
    expect(validatePublish(candidate('2020-01-01', defaultPolicy(), 1), [], '2026-04-01')).toEqual([]);
  });

  it('rejects a version number that is already published', () => {
    const issues = validatePublish(candidate('2026-06-01', defaultPolicy(), 1), existing, '2026-04-01');
    expect(issues.map((i) => [i.code, i.path])).toEqual([['version_taken', ['version']]]);
  });

  it('rejects an invalid document with paths under document', () => {
    const doc = defaultPolicy();
    doc.appraisal.schemeA.grades.bMinScore = 90;
    const issues = validatePublish(candidate('2026-06-01', doc), existing, '2026-04-01');
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([['invalid_document', 'document.appraisal.schemeA.grades.aMinScore']]);
  });

  it('rejects a malformed effective date', () => {
    expect(validatePublish(candidate('2026-13-01'), existing, '2026-04-01').map((i) => i.code)).toEqual(['invalid_date']);
  });
});

describe('ZPolicyVersion', () => {
  it('accepts a published version with its document', () => {
    const result = ZPolicyVersion.safeParse({
      version: 1,
      effectiveFrom: '2026-01-01',
      status: 'published',
      document: defaultPolicy(),
      publishedAt: '2025-12-20T08:00:00Z',
      publishedBy: 1,
    });
    expect(result.success).toBe(true);
  });

  it('rejects a version whose document is invalid', () => {
    const document = defaultPolicy();
    document.attendance.lateThresholdMinutes = -1;
    const result = ZPolicyVersion.safeParse({ version: 1, effectiveFrom: '2026-01-01', status: 'draft', document });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['document.attendance.lateThresholdMinutes']);
  });
});
