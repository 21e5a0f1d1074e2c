import { describe, expect, it } from 'vitest';
import { type TLeaveAction, leaveAllowedActions } from './actions';

// RS-4, AT-4: what a reader may do with a leave request, as the server returns it and the web shows it.

const today = '2026-03-05';
const applicant = { userId: 11, canApprove: false };
const approver = { userId: 2, canApprove: true };
const leave = (over: Partial<Parameters<typeof leaveAllowedActions>[0]> = {}) => ({
  userId: 11,
  status: 'submitted',
  startDate: '2026-03-09',
  endDate: '2026-03-10',
  certificateRequired: false,
  certificateReceivedAt: null,
  ...over,
});
const may = (action: TLeaveAction, l: ReturnType<typeof leave>, reader: typeof applicant) =>
  leaveAllowedActions(l, reader, today).includes(action);

describe('leaveAllowedActions', () => {
  it('gives another person’s leave no action without leave.approve', () => {
    expect(leaveAllowedActions(leave(), { ...approver, canApprove: false }, today)).toEqual([]);
  });

  it('lets an approver decide on another’s submitted leave, never on their own or certify their own', () => {
    expect(leaveAllowedActions(leave(), approver, today)).toEqual(['decide']);
    expect(leaveAllowedActions(leave({ userId: 2, certificateRequired: true }), approver, today)).toEqual(['cancel']);
    expect(may('decide', leave({ status: 'approved' }), approver)).toBe(false);
  });

  it('lets the applicant withdraw a submitted leave at any time', () => {
    expect(may('cancel', leave({ startDate: '2026-03-01' }), applicant)).toBe(true);
  });

  it('lets the applicant withdraw an approved leave only before its first day (the first day itself is too late)', () => {
    expect(may('cancel', leave({ status: 'approved', startDate: '2026-03-06' }), applicant)).toBe(true);
    expect(may('cancel', leave({ status: 'approved', startDate: '2026-03-05' }), applicant)).toBe(false);
    expect(may('cancel', leave({ status: 'rejected' }), applicant)).toBe(false);
  });

  it('offers an extension of an approved leave whose last day is today or later (RS-4)', () => {
    expect(may('extend', leave({ status: 'approved', endDate: '2026-03-05' }), applicant)).toBe(true);
    expect(may('extend', leave({ status: 'approved', endDate: '2026-03-04' }), applicant)).toBe(false);
    expect(may('extend', leave({ status: 'submitted', endDate: '2026-03-09' }), applicant)).toBe(false);
  });

  it('lets an approver record a certificate still due on an open sick leave (AT-4)', () => {
    expect(may('recordCertificate', leave({ status: 'approved', certificateRequired: true }), approver)).toBe(true);
    const received = leave({ status: 'approved', certificateRequired: true, certificateReceivedAt: '2026-03-09T01:00:00Z' });
    expect(may('recordCertificate', received, approver)).toBe(false);
    expect(may('recordCertificate', leave({ status: 'rejected', certificateRequired: true }), approver)).toBe(false);
    expect(may('recordCertificate', leave({ status: 'approved' }), approver)).toBe(false);
  });
});
