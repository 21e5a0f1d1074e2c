import { describe, expect, it } from 'vitest';
import { CUSTOMER_MESSAGES, customerMessage } from './customerMessages';

// SR-8: the customer's texts by key — both languages, the same parameters, and no internal words.

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('customer messages (SR-8)', () => {
  it('has zh-CN and en for every key, naming the same parameters', () => {
    for (const [key, t] of Object.entries(CUSTOMER_MESSAGES)) {
      expect(t['zh-CN'] && t.en, key).toBeTruthy();
      expect(placeholders(t['zh-CN']), key).toEqual(placeholders(t.en));
    }
  });

  it('never shows a rule id or an internal state to a customer', () => {
    for (const t of Object.values(CUSTOMER_MESSAGES)) {
      for (const text of [t['zh-CN'], t.en]) {
        expect(text).not.toMatch(/\b(SR|SLA|CU|FS|ORG)-\d/);
        expect(text).not.toMatch(/in_progress|near_breach|not_started|internal/);
      }
    }
  });

  it('fills the parameters in both languages', () => {
    expect(customerMessage('committed', { time: '2026-03-20 16:00' })).toEqual({
      zh: '承诺解决时间 2026-03-20 16:00',
      en: 'committed resolution time 2026-03-20 16:00',
    });
  });
});
