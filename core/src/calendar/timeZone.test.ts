import { describe, expect, it } from 'vitest';
import { localDateOf } from '../policy/versioning';
import { localDateInZone, zoneOffsetAt } from './timeZone';

describe('localDateInZone (the cached-formatter twin of localDateOf)', () => {
  it('gives the same date as localDateOf around midnights and DST changes, in several zones', () => {
    const zones = ['Asia/Shanghai', 'UTC', 'Europe/Berlin', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
    const instants = [
      Date.UTC(2026, 10, 22, 15, 59, 59, 999), // 23:59:59.999 in Shanghai
      Date.UTC(2026, 10, 22, 16, 0, 0, 0), // midnight in Shanghai
      Date.UTC(2026, 2, 29, 0, 59), // Berlin DST start
      Date.UTC(2026, 9, 25, 1, 0), // Berlin DST end
      Date.UTC(2026, 2, 8, 7, 0), // New York DST start
      Date.UTC(1999, 11, 31, 23, 59),
      Date.UTC(2027, 0, 1, 0, 0),
    ];
    for (let i = 0; i < 500; i++) instants.push(Date.UTC(2024, 0, 1) + i * 7_919_993_1);
    for (const zone of zones)
      for (const at of instants) expect(localDateInZone(zone, at), `${zone} ${new Date(at).toISOString()}`).toBe(localDateOf(at, zone));
  });

  it('is exact on both sides of a local midnight that falls inside a UTC hour, whatever was asked before', () => {
    const midnight = Date.UTC(2026, 10, 22, 18, 30); // 00:00 in Kolkata (UTC+05:30)
    for (const at of [midnight - 1, midnight, midnight - 20 * 60_000, midnight + 20 * 60_000, midnight - 1]) {
      expect(localDateInZone('Asia/Kolkata', at), new Date(at).toISOString()).toBe(localDateOf(at, 'Asia/Kolkata'));
    }
    expect(localDateInZone('Asia/Kolkata', midnight - 1)).toBe('2026-11-22');
    expect(localDateInZone('Asia/Kolkata', midnight)).toBe('2026-11-23');
  });
});

/** The offset straight from Intl's longOffset name ("GMT+10:30"), independent of zoneOffsetAt's memo. */
function intlOffset(timeZone: string, utcMs: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(utcMs)
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(name)!;
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
}

describe('zoneOffsetAt (remembers whole hours of one offset)', () => {
  it('is exact on both sides of changes on and off the UTC hour, whatever was asked before', () => {
    const cases: Array<[string, number]> = [
      ['America/New_York', Date.UTC(2026, 2, 8, 7, 0)], // DST start on a UTC hour
      ['Europe/Berlin', Date.UTC(2026, 9, 25, 1, 0)], // DST end
      ['Australia/Lord_Howe', Date.UTC(2026, 9, 3, 15, 30)], // half-hour DST starting at half past a UTC hour
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15, 0)],
      ['Asia/Kathmandu', Date.UTC(2026, 0, 1, 0, 0)],
    ];
    for (const [zone, change] of cases) {
      // Ask in an order that would poison a memo keyed by the hour alone: just before, then just after.
      const instants = [
        change - 1,
        change,
        change - 30 * 60_000,
        change + 29 * 60_000,
        change - 3_600_000,
        change + 3_600_000,
        change - 1,
        change,
      ];
      for (const at of instants) expect(zoneOffsetAt(zone, at), `${zone} ${new Date(at).toISOString()}`).toBe(intlOffset(zone, at));
    }
  });

  it('agrees with Intl over two years of instants in several zones', () => {
    const zones = ['Asia/Shanghai', 'UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/St_Johns'];
    for (const zone of zones)
      for (let i = 0; i < 400; i++) {
        const at = Date.UTC(2025, 0, 1) + i * 157_793_377;
        expect(zoneOffsetAt(zone, at), `${zone} ${new Date(at).toISOString()}`).toBe(intlOffset(zone, at));
      }
  });
});
