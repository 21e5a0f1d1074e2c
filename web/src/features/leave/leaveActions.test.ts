import { describe, expect, it } from 'vitest';
import { leaveActions } from './leaveActions';
import { leaveFixture } from './fixtures';

const today = '2026-03-05';
const applicant = { userId: 11, canApprove: false, today };
const approver = { userId: 2, canApprove: true, today };

describe('leaveActions', () => {
  it('gives another person’s leave no decision without leave.approve', () => {
    expect(leaveActions(leaveFixture(), { ...approver, canApprove: false })).toEqual({
      cancel: false,
      extend: false,
      decide: false,
      recordCertificate: false,
    });
  });

  it('never lets an approver decide on or certify their own leave', () => {
    const own = leaveFixture({ userId: 2, certificateRequired: true });
    expect(leaveActions(own, approver)).toMatchObject({ decide: false, recordCertificate: false, cancel: true });
  });

  it('lets the applicant withdraw a submitted leave at any time', () => {
    expect(leaveActions(leaveFixture({ startDate: '2026-03-01' }), applicant).cancel).toBe(true);
  });

  it('lets the applicant withdraw an approved leave only before its first day', () => {
    expect(leaveActions(leaveFixture({ status: 'approved', startDate: '2026-03-06' }), applicant).cancel).toBe(true);
    expect(leaveActions(leaveFixture({ status: 'approved', startDate: '2026-03-05' }), applicant).cancel).toBe(false);
  });

  it('offers an extension of an approved leave whose last day is today or later (RS-4)', () => {
    expect(leaveActions(leaveFixture({ status: 'approved', endDate: '2026-03-05' }), applicant).extend).toBe(true);
    expect(leaveActions(leaveFixture({ status: 'approved', endDate: '2026-03-04' }), applicant).extend).toBe(false);
    expect(leaveActions(leaveFixture({ status: 'submitted', endDate: '2026-03-09' }), applicant).extend).toBe(false);
  });

  it('lets an approver record a certificate still due on an open sick leave (AT-4)', () => {
    expect(leaveActions(leaveFixture({ status: 'approved', certificateRequired: true }), approver).recordCertificate).toBe(true);
    expect(
      leaveActions(leaveFixture({ status: 'approved', certificateRequired: true, certificateReceivedAt: '2026-03-09T01:00:00Z' }), approver)
        .recordCertificate,
    ).toBe(false);
    expect(leaveActions(leaveFixture({ status: 'rejected', certificateRequired: true }), approver).recordCertificate).toBe(false);
    expect(leaveActions(leaveFixture({ status: 'approved' }), approver).recordCertificate).toBe(false);
  });
});
