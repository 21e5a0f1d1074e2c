import { describe, expect, it } from 'vitest';
import { weeklyReportFileName } from './fileName';

describe('WR-4: the weekly report file name', () => {
  it('is <name>周报<MM-DD> of the due date by default', () => {
    expect(weeklyReportFileName('<name>周报<MM-DD>', '张伟', '2026-03-07')).toBe('张伟周报03-07');
  });

  it('follows the policy’s pattern and never carries a path separator', () => {
    expect(weeklyReportFileName('周报-<MM-DD>-<name>', 'a/b', '2026-10-08')).toBe('周报-10-08-a_b');
  });
});
