import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './defaults';
import { exportPolicyJson, parsePolicyJson } from './parsePolicyJson';

describe('parsePolicyJson', () => {
  it('imports what was exported', () => {
    const result = parsePolicyJson(exportPolicyJson(defaultPolicy()));
    expect(result).toEqual({ ok: true, policy: defaultPolicy() });
  });

  it('returns an error for malformed JSON instead of throwing', () => {
    const result = parsePolicyJson('{"sla": ');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_json');
    expect(result.error.message).toMatch(/^not valid JSON/);
  });

  it('returns an error for empty text', () => {
    expect(parsePolicyJson('')).toMatchObject({ ok: false, error: { code: 'invalid_json' } });
  });

  it('returns the schema issues with their paths for an invalid document', () => {
    const doc = defaultPolicy();
    doc.attendance.seriouslyLateMinutes = 5;
    const result = parsePolicyJson(JSON.stringify(doc));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_policy', issues: [{ path: ['attendance', 'seriouslyLateMinutes'] }] },
    });
  });

  it('rejects JSON that is not a policy at all', () => {
    expect(parsePolicyJson('[1, 2, 3]')).toMatchObject({ ok: false, error: { code: 'invalid_policy' } });
    expect(parsePolicyJson('null')).toMatchObject({ ok: false, error: { code: 'invalid_policy' } });
  });
});
