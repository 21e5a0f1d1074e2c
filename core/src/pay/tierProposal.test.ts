import { describe, expect, it } from 'vitest';
import { addMonthsToMonth } from '../appraisal/windows';
import { defaultPolicy } from '../policy/defaults';
import { type TTierMonth, tierProposal } from './tierProposal';

const pay = defaultPolicy().pay;
/** `n` months ending 2026-12, clean unless listed as fined. */
const record = (n: number, fined: string[] = []): TTierMonth[] =>
  Array.from({ length: n }, (_, i) => addMonthsToMonth('2026-12', i - n + 1)).map((month) => ({
    month,
    sheet: true,
    fined: fined.includes(month),
  }));

describe('PAY-1 base tier proposals', () => {
  it('proposes tier 2 after exactly six clean months with an exam passed, not after five', () => {
    expect(tierProposal(pay, 4, 'tier3', record(6), true)).toMatchObject({ cleanMonths: 6, proposedTierId: 'tier2' });
    expect(tierProposal(pay, 4, 'tier3', record(5), true)).toMatchObject({ cleanMonths: 5, proposedTierId: null });
  });

  it('proposes tier 1 after twelve clean months; a fine restarts the count', () => {
    const p = tierProposal(pay, 4, 'tier2', record(12), true);
    expect(p).toMatchObject({ proposedTierId: 'tier1', cleanMonths: 12 });
    expect(p.explanation.text['zh-CN']).toBe(
      'PAY-1：连续 12 个月无事故、无罚款，已通过部门考试 → 建议由二等调整为一等（2,000 元），报总经理决定',
    );
    expect(tierProposal(pay, 4, 'tier2', record(12, ['2026-07']), true)).toMatchObject({ cleanMonths: 5, proposedTierId: null });
  });

  it('needs an exam passed above the starting tier, and a final sheet every month', () => {
    expect(tierProposal(pay, 4, 'tier3', record(12), false)).toMatchObject({ proposedTierId: null });
    const gap = record(8).map((m) => (m.month === '2026-10' ? { ...m, sheet: false } : m));
    expect(tierProposal(pay, 4, 'tier3', gap, true)).toMatchObject({ cleanMonths: 2, proposedTierId: null });
  });

  it('never proposes a lower tier', () => {
    expect(tierProposal(pay, 4, 'tier1', record(0), false).proposedTierId).toBeNull();
  });
});
