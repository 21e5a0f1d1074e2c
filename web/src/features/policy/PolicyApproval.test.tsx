import { type TPolicyVersionDetail, defaultPolicy } from '@techserve/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { PolicyApproval } from './PolicyApproval';
import './i18n';

// GOV-1: a submitted version is approved by someone other than its submitter (four eyes); the page offers the
// approval only to them.

const submitted: TPolicyVersionDetail = {
  number: 2,
  status: 'submitted',
  effectiveFrom: '2026-04-01',
  note: null,
  createdAt: '2026-03-10T02:00:00.000Z',
  createdBy: '系统管理员',
  publishedAt: null,
  publishedBy: null,
  submittedAt: '2026-03-10T03:00:00.000Z',
  submittedBy: '系统管理员',
  submittedById: 1,
  approvalComment: null,
  rejectedAt: null,
  rejectedBy: null,
  rejectionComment: null,
  version: 3,
  document: defaultPolicy(),
};
const at = (userId: number) => ({ path: '/policy', url: '/policy', permissions: ['policy.approve' as const], userId });

describe('PolicyApproval', () => {
  it('offers the GM approval and rejection of another’s submission', async () => {
    renderAs(<PolicyApproval detail={submitted} canApprove onDecided={() => {}} />, at(7));
    expect(await screen.findByTestId('policy-approve')).toBeTruthy();
    expect(screen.getByTestId('policy-reject')).toBeTruthy();
    expect(screen.queryByTestId('policy-own-submission')).toBeNull();
  });

  it('tells the submitter another approver must approve, without the approve button', async () => {
    renderAs(<PolicyApproval detail={submitted} canApprove onDecided={() => {}} />, at(1));
    expect((await screen.findByTestId('policy-own-submission')).textContent).toBe('本版本由您提交，须由另一位审批人批准（GOV-1）');
    expect(screen.queryByTestId('policy-approve')).toBeNull();
  });
});
