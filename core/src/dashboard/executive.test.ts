import { describe, expect, it } from 'vitest';
import { bucketFor, executiveDashboard, periodsOf, type TExecutiveFacts } from './executive';

// Issue 12 item 6 (SLA-4, SR-10, SR-11): the executive dashboard from a range's facts, in Shanghai days.
const facts = (over: Partial<TExecutiveFacts> = {}): TExecutiveFacts =>
  Object.assign(
    {
      from: '2026-03-01',
      to: '2026-03-03',
      tickets: [],
      ratings: [],
      regions: [{ id: 1, name: '上海' }],
      teams: [{ id: 7, name: '华东服务组' }],
    },
    over,
  );
const ticket = (createdAt: string, resolvedAt: string | null, slaBreached = false, open = resolvedAt === null) => ({
  createdAt,
  resolvedAt,
  open,
  slaBreached,
  regionId: 1,
  teamId: 7,
});

describe('periods (issue 12 item 6)', () => {
  it('uses days up to 31 days, weeks up to 182, months beyond (boundaries)', () => {
    expect(bucketFor('2026-03-01', '2026-03-31')).toBe('day');
    expect(bucketFor('2026-03-01', '2026-04-01')).toBe('week');
    expect(bucketFor('2026-01-01', '2026-07-01')).toBe('week');
    expect(bucketFor('2026-01-01', '2026-07-02')).toBe('month');
    expect(periodsOf('2026-03-04', '2026-03-17', 'week')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(periodsOf('2026-01-15', '2026-03-01', 'month')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
  });
});

describe('SLA compliance, volumes and resolution time (SLA-4, SR-10)', () => {
  it('counts by the company-local day: 23:59 Shanghai is still that day, 16:00Z the next', () => {
    const d = executiveDashboard(
      facts({
        tickets: [ticket('2026-03-01T15:59:00Z', null), ticket('2026-03-01T16:00:00Z', null), ticket('2026-02-28T15:59:00Z', null)],
      }),
      3,
    );
    expect(d.series.map((p) => [p.period, p.created])).toEqual([
      ['2026-03-01', 1],
      ['2026-03-02', 1],
      ['2026-03-03', 0],
    ]);
  });

  it('judges resolved requests and open breached ones; open ones within target are left out; null with nothing decided', () => {
    const d = executiveDashboard(
      facts({
        tickets: [
          ticket('2026-03-01T01:00:00Z', '2026-03-01T03:00:00Z'),
          ticket('2026-03-01T01:00:00Z', '2026-03-02T01:00:00Z', true),
          ticket('2026-03-02T01:00:00Z', null, true),
          ticket('2026-03-02T01:00:00Z', null),
          // created before the range, resolved in it: counted as resolved, not as created
          ticket('2026-02-20T01:00:00Z', '2026-03-03T01:00:00Z'),
        ],
      }),
      3,
    );
    expect(d.totals).toEqual({ created: 4, resolved: 3, openBreached: 1, avgResolutionMinutes: Math.round((120 + 1440 + 15840) / 3) });
    expect(d.slaCompliance).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
    expect(d.slaCompliance.explanation).toMatchObject({ ruleId: 'SLA-4', policyVersion: 3 });
    expect(d.slaCompliance.explanation.text.en).toContain('2 / 4 = 50.0%');
    expect(d.series.map((p) => [p.resolved, p.slaMet, p.slaDecided])).toEqual([
      [1, 1, 1],
      [1, 0, 2],
      [1, 1, 1],
    ]);
    expect(executiveDashboard(facts(), 3).slaCompliance).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });
});

describe('satisfaction and groups (SR-11)', () => {
  it('gives each dimension the share of 优 and 良, and each region and team its rates', () => {
    const d = executiveDashboard(
      facts({
        tickets: [
          ticket('2026-03-01T01:00:00Z', '2026-03-01T02:00:00Z'),
          Object.assign(ticket('2026-03-01T01:00:00Z', null), { regionId: null, teamId: null }),
        ],
        ratings: [
          { ratedAt: '2026-03-01T03:00:00Z', attitude: 'excellent', skill: 'fair', result: 'good', regionId: 1, teamId: 7 },
          { ratedAt: '2026-03-02T03:00:00Z', attitude: 'poor', skill: 'good', result: 'good', regionId: 1, teamId: 7 },
          { ratedAt: '2026-03-09T03:00:00Z', attitude: 'poor', skill: 'poor', result: 'poor', regionId: 1, teamId: 7 },
        ],
      }),
      null,
    );
    expect(d.satisfaction.map((s) => [s.dimension, s.rate.numerator, s.rate.denominator])).toEqual([
      ['attitude', 1, 2],
      ['skill', 1, 2],
      ['result', 2, 2],
    ]);
    expect(d.byRegion.map((r) => [r.name, r.created, r.satisfaction.numerator, r.satisfaction.denominator])).toEqual([
      ['上海', 1, 4, 6],
      [null, 1, 0, 0],
    ]);
    expect(d.byTeam[0].satisfaction.explanation.text['zh-CN']).toContain('华东服务组');
    expect(d.byTeam[1].slaCompliance.explanation.text.en).toContain('No team');
  });
});
