import { describe, expect, it } from 'vitest';
import { countsText, disableDecision, handoverState } from './checklist';

describe('handoverState (HO-1)', () => {
  it('is open while one item is still held, and signing waits for it', () => {
    const s = handoverState({ ticket: 1 }, ['leaver', 'successor', 'manager']);
    expect(s).toMatchObject({ open: 1, complete: false, maySign: false });
    expect(s.explanation.text['zh-CN']).toBe('HO-1：尚有 1 项未移交：服务请求 1 项');
  });

  it('lets everyone sign once nothing is held, and names who has not signed yet', () => {
    const s = handoverState({}, ['leaver']);
    expect(s).toMatchObject({ open: 0, complete: false, maySign: true, missingSignatures: ['successor', 'manager'] });
    expect(s.explanation.text['zh-CN']).toContain('接收人、监交人');
  });

  it('completes exactly at the third signature with nothing held', () => {
    expect(handoverState({}, ['leaver', 'successor']).complete).toBe(false);
    expect(handoverState({ ticket: 0 }, ['leaver', 'successor', 'manager']).complete).toBe(true);
  });
});

describe('disableDecision (HO-1)', () => {
  it('allows disabling someone who holds nothing', () => {
    expect(disableDecision({ open: {}, completedHandover: false, override: false })).toMatchObject({ allowed: true, by: 'nothingHeld' });
  });

  it('refuses one open item without a completed handover or an override, counting each kind', () => {
    const d = disableDecision({ open: { ticket: 1, region: 0 }, completedHandover: false, override: false });
    expect(d).toMatchObject({ allowed: false, open: 1, counts: { ticket: 1 } });
    expect(d.explanation.ruleId).toBe('HO-1');
  });

  it('allows it after the completed handover, or with the general manager’s override', () => {
    const open = { ticket: 2, loan: 1 };
    expect(disableDecision({ open, completedHandover: true, override: false })).toMatchObject({ allowed: true, by: 'handover' });
    expect(disableDecision({ open, completedHandover: false, override: true })).toMatchObject({ allowed: true, by: 'override' });
  });

  it('writes the counts in both languages', () => {
    expect(countsText({ ticket: 2, property: 1 })).toEqual({
      'zh-CN': '服务请求 2 项、公司财物 1 项',
      en: '2 service requests, 1 company property',
    });
  });
});
