import { describe, expect, it } from 'vitest';
import { localDateOf } from '../policy/versioning';
import { localDateInZone } from './timeZone';

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
    for (const zone of zones) for (const at of instants) expect(localDateInZone(zone, at), `${zone} ${new Date(at).toISOString()}`).toBe(localDateOf(at, zone));
  });
});
