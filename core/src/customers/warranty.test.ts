import { describe, expect, it } from 'vitest';
import { computeWarranty, warrantyLastDay } from './warranty';

const policy = { months: 36, replacedPartExtendsWarranty: true, version: 3 };

describe('warrantyLastDay', () => {
  it('ends the day before the anniversary 36 months after acceptance', () => {
    expect(warrantyLastDay('2023-03-15', 36)).toBe('2026-03-14');
  });
  it('covers the whole shorter month when the anniversary day does not exist', () => {
    expect(warrantyLastDay('2023-01-31', 1)).toBe('2023-02-28');
    expect(warrantyLastDay('2023-01-31', 13)).toBe('2024-02-29');
  });
  it('crosses a year end', () => {
    expect(warrantyLastDay('2025-11-01', 3)).toBe('2026-01-31');
    expect(warrantyLastDay('2025-12-01', 1)).toBe('2025-12-31');
  });
  it('is the day before acceptance for zero months (no warranty)', () => {
    expect(warrantyLastDay('2025-12-01', 0)).toBe('2025-11-30');
  });
});

describe('computeWarranty (CU-2)', () => {
  it('is still in warranty on the last day', () => {
    const w = computeWarranty({ acceptedOn: '2023-03-15', replacements: [], policy, today: '2026-03-14' });
    expect(w).toMatchObject({ status: 'in_warranty', endDate: '2026-03-14', extendedBy: null });
    expect(w.explanation).toMatchObject({ ruleId: 'CU-2', policyVersion: 3 });
    expect(w.explanation.text.en).toContain('36 months from acceptance on 2023-03-15');
  });
  it('has expired the day after the last day', () => {
    const w = computeWarranty({ acceptedOn: '2023-03-15', replacements: [], policy, today: '2026-03-15' });
    expect(w.status).toBe('expired');
  });
  it('CU-2: a replaced part keeps its own warranty from its replacement date; the device is not extended', () => {
    const w = computeWarranty({
      acceptedOn: '2023-03-15',
      replacements: [{ part: '电源模块', replacedOn: '2025-06-01' }],
      policy,
      today: '2026-06-01',
    });
    expect(w).toMatchObject({
      status: 'expired',
      baseEndDate: '2026-03-14',
      endDate: '2026-03-14',
      extendedBy: { part: '电源模块', replacedOn: '2025-06-01' },
      parts: [{ part: '电源模块', replacedOn: '2025-06-01', endDate: '2028-05-31', status: 'in_warranty' }],
    });
    expect(w.explanation.text['zh-CN']).toContain('更换的 电源模块 自更换日起质保至 2028-05-31');
  });
  it('CU-2: the part is in warranty on its last day and out the day after', () => {
    const r = [{ part: 'fan', replacedOn: '2024-01-01' }];
    expect(computeWarranty({ acceptedOn: '2023-03-15', replacements: r, policy, today: '2026-12-31' }).parts[0].status).toBe('in_warranty');
    expect(computeWarranty({ acceptedOn: '2023-03-15', replacements: r, policy, today: '2027-01-01' }).parts[0].status).toBe('expired');
  });
  it('names no part as running past an agreed end that is later', () => {
    const w = computeWarranty({
      acceptedOn: '2023-03-15',
      endOverride: '2030-01-01',
      replacements: [{ part: 'fan', replacedOn: '2024-01-01' }],
      policy,
      today: '2029-12-31',
    });
    expect(w).toMatchObject({ endDate: '2030-01-01', extendedBy: null, status: 'in_warranty' });
  });
  it('covers the part only with the device when the policy says replaced parts do not continue', () => {
    const w = computeWarranty({
      acceptedOn: '2023-03-15',
      replacements: [{ part: 'fan', replacedOn: '2025-06-01' }],
      policy: { ...policy, replacedPartExtendsWarranty: false },
      today: '2026-03-15',
    });
    expect(w).toMatchObject({ status: 'expired', endDate: '2026-03-14', extendedBy: null });
    expect(w.parts[0]).toMatchObject({ endDate: '2026-03-14', status: 'expired' });
  });
  it('is unknown without an acceptance date', () => {
    const w = computeWarranty({ acceptedOn: null, replacements: [], policy, today: '2026-03-15' });
    expect(w).toMatchObject({ status: 'unknown', endDate: null });
  });
});
