import { describe, expect, it } from 'vitest';
import { ZDeliveryCreate, ZPlanItemCreate, acceptanceDueOn, projectWarnings, technicalHandoverOf } from './projects';

const base = {
  status: 'commissioned' as const,
  today: '2026-03-02',
  contractEndsOn: '2026-04-30',
  acceptanceDueOn: '2026-03-07',
  acceptedOn: null,
  planEnds: [],
  materials: [],
  dueSoonDays: 2,
};

describe('FS-12 acceptance due date and warnings', () => {
  it('counts calendar days from commissioning, across month ends', () => {
    expect(acceptanceDueOn('2026-03-02', 5)).toBe('2026-03-07');
    expect(acceptanceDueOn('2026-02-26', 5)).toBe('2026-03-03');
    expect(acceptanceDueOn('2026-12-30', 5)).toBe('2027-01-04');
  });
  it('is due soon within the days before the due date, overdue only after it', () => {
    expect(projectWarnings({ ...base, today: '2026-03-04' })).toEqual([]);
    expect(projectWarnings({ ...base, today: '2026-03-05' })).toEqual(['acceptanceDueSoon']);
    expect(projectWarnings({ ...base, today: '2026-03-07' })).toEqual(['acceptanceDueSoon']);
    expect(projectWarnings({ ...base, today: '2026-03-08' })).toEqual(['acceptanceOverdue']);
  });
  it('marks an acceptance after the due date late, on it in time', () => {
    expect(projectWarnings({ ...base, status: 'accepted', acceptedOn: '2026-03-07', today: '2026-03-20' })).toEqual([]);
    expect(projectWarnings({ ...base, status: 'accepted', acceptedOn: '2026-03-08', today: '2026-03-20' })).toEqual(['acceptedLate']);
  });
  it('warns of a plan past the contract end and of the contract period running out', () => {
    const planning = { ...base, status: 'planning' as const, acceptanceDueOn: null };
    expect(projectWarnings({ ...planning, planEnds: ['2026-04-30'] })).toEqual([]);
    expect(projectWarnings({ ...planning, planEnds: ['2026-05-01'] })).toEqual(['planPastContract']);
    expect(projectWarnings({ ...planning, today: '2026-05-01' })).toEqual(['contractOverdue']);
    expect(
      projectWarnings({ ...base, status: 'closed', acceptedOn: '2026-05-02', acceptanceDueOn: '2026-05-05', today: '2026-06-01' }),
    ).toEqual(['contractOverdue']);
  });
  it('flags materials late on the day after the expected arrival', () => {
    const planning = { ...base, status: 'planning' as const, acceptanceDueOn: null };
    expect(projectWarnings({ ...planning, today: '2026-03-05', materials: [{ expectedArrival: '2026-03-05', arrivedOn: null }] })).toEqual(
      [],
    );
    expect(projectWarnings({ ...planning, today: '2026-03-06', materials: [{ expectedArrival: '2026-03-05', arrivedOn: null }] })).toEqual([
      'materialLate',
    ]);
    expect(
      projectWarnings({ ...planning, today: '2026-03-09', materials: [{ expectedArrival: '2026-03-05', arrivedOn: '2026-03-05' }] }),
    ).toEqual([]);
  });
});

describe('payload refinements', () => {
  it('keeps a plan item’s end on or after its start', () => {
    expect(ZPlanItemCreate.safeParse({ name: 'a', plannedStart: '2026-03-02', plannedEnd: '2026-03-02' }).success).toBe(true);
    expect(ZPlanItemCreate.safeParse({ name: 'a', plannedStart: '2026-03-02', plannedEnd: '2026-03-01' }).success).toBe(false);
  });
  it('needs a project, contract or customer for a delivery (FS-13)', () => {
    expect(ZDeliveryCreate.safeParse({ items: [{ name: 'x', qtyExpected: 1 }] }).success).toBe(false);
    expect(ZDeliveryCreate.safeParse({ customerId: 1, items: [{ name: 'x', qtyExpected: 1 }] }).success).toBe(true);
  });
});

describe('FS-12b technical handover', () => {
  const base = {
    required: true,
    recordDocumentId: 'technicalDisclosure',
    recordUploaded: true,
    manager: { id: 1, name: '张伟' },
    sales: { id: 6, name: '郑凯' },
    itemLeads: [
      { id: 5, name: '赵磊' },
      { id: 1, name: '张伟' },
    ],
    signatures: [] as { userId: number; signedAt: string }[],
  };

  it('asks one signature of each person, whatever their roles', () => {
    const h = technicalHandoverOf(base);
    expect(h.signatories.map((s) => [s.userId, s.roles])).toEqual([
      [1, ['manager', 'itemLead']],
      [6, ['sales']],
      [5, ['itemLead']],
    ]);
    expect(h.missing.map((m) => m.path)).toEqual([
      'technicalHandover.signatures.1',
      'technicalHandover.signatures.6',
      'technicalHandover.signatures.5',
    ]);
  });

  it('is complete once the record is uploaded and everyone has signed; signatures of others do not count', () => {
    const signedAt = '2026-03-01T02:00:00.000Z';
    const all = [1, 6, 5].map((userId) => ({ userId, signedAt }));
    expect(technicalHandoverOf({ ...base, signatures: all }).missing).toEqual([]);
    const stranger = technicalHandoverOf({ ...base, signatures: [...all.slice(0, 2), { userId: 9, signedAt }] });
    expect(stranger.missing.map((m) => m.userId)).toEqual([5]);
  });

  it('names the record, the manager and the salesperson when they are missing', () => {
    const h = technicalHandoverOf({ ...base, recordUploaded: false, manager: null, sales: null, itemLeads: [] });
    expect(h.missing.map((m) => m.kind)).toEqual(['record', 'manager', 'sales']);
  });
});
