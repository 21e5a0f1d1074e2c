import type { TExplanation, TIncident } from '@techserve/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { IncidentDetailPage } from './IncidentDetailPage';

beforeEach(async () => {
  viewportWidth(1280);
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

const why = (ruleId: string, zh: string): TExplanation => ({
  ruleId,
  policyVersion: 1,
  inputs: {},
  result: null,
  text: { 'zh-CN': `${ruleId}：${zh}`, en: zh },
});

const incident = (patch: Partial<TIncident> = {}): TIncident => ({
  id: 5,
  classId: 'I',
  className: { 'zh-CN': 'I 类事故', en: 'Class I incident' },
  basis: 'complaint',
  classExplanation: why('IN-1', '服务人员被投诉至公司副总以上级别领导处'),
  engineerId: 11,
  engineerName: '刘洋',
  ticketId: 3,
  ticketNumber: 'SR-20260302-0001',
  letterId: null,
  complaintId: 9,
  customerId: 1,
  customerName: '上海市第一人民医院',
  productId: 1,
  productName: '分布式存储',
  title: '存储升级中断门诊影像',
  description: '未按流程备份',
  occurredAt: '2026-03-02T02:00:00.000Z',
  status: 'resolved',
  mobilisedAt: '2026-03-02T02:05:00.000Z',
  alerted: [
    { id: 2, name: '张伟', role: 'supervisor' },
    { id: 8, name: '孙浩', role: 'rnd' },
  ],
  resolution: '恢复配置',
  resolvedAt: '2026-03-06T08:00:00.000Z',
  documents: [
    {
      kind: 'reflection',
      required: true,
      ownerId: 11,
      ownerName: '刘洋',
      dueAt: '2026-03-11T16:00:00.000Z',
      dueExplanation: why('IN-1', '事故于 2026-03-06 16:00 解决，事故反思须在其后第 3 个工作日 2026-03-11 24:00 前完成'),
      filedAt: '2026-03-12T01:00:00.000Z',
      filedByName: '刘洋',
      text: '今后先备份',
      state: 'late',
      stateExplanation: why('IN-1', '事故反思于 2026-03-12 09:00 收到，晚于截止时间，逾期 540 分钟'),
      obligationId: 41,
    },
    {
      kind: 'review',
      required: true,
      ownerId: 2,
      ownerName: '张伟',
      dueAt: '2026-03-13T16:00:00.000Z',
      dueExplanation: why('IN-3', '事故总结须在其后第 5 个工作日 2026-03-13 24:00 前完成'),
      filedAt: null,
      filedByName: null,
      text: null,
      state: 'overdue',
      stateExplanation: null,
      obligationId: 43,
    },
    {
      kind: 'notice',
      required: true,
      ownerId: 2,
      ownerName: '张伟',
      dueAt: '2026-03-13T16:00:00.000Z',
      dueExplanation: why('IN-3', '事故通报须在其后第 5 个工作日前完成'),
      filedAt: null,
      filedByName: null,
      text: null,
      state: 'open',
      stateExplanation: null,
      obligationId: 42,
    },
  ],
  review: null,
  voidReason: null,
  createdByName: '张伟',
  policyVersion: 1,
  createdAt: '2026-03-02T02:05:00.000Z',
  version: 4,
  ...patch,
});

describe('IncidentDetailPage (IN-1..3)', () => {
  it('shows the Class I alert with who was mobilised, and each document with its due time and its late or open state explained', async () => {
    stubFetch({ 'GET /incidents/5': { body: incident() } });
    renderAs(<IncidentDetailPage />, { path: '/incidents/:id', url: '/incidents/5', permissions: ['incidents.read'], userId: 11 });
    expect(await screen.findByText('事故 #5')).toBeTruthy();
    expect(screen.getByTestId('incident-mobilised').textContent).toContain('孙浩（研发）');
    expect(screen.getByTestId('incident-reflection').querySelector('[data-testid=document-state]')?.getAttribute('data-state')).toBe(
      'late',
    );
    expect(screen.getByTestId('incident-reflection-judgement').textContent).toContain('逾期 540 分钟');
    expect(screen.getByTestId('incident-notice').querySelector('[data-testid=document-state]')?.textContent).toBe('待提交');
    // The engineer does not send the notice.
    expect(screen.queryByTestId('incident-notice-input')).toBeNull();
  });

  it('shows the supervisor’s review (IN-3) with its due time and state, in Chinese and in English', async () => {
    stubFetch({ 'GET /incidents/5': { body: incident() } });
    const view = renderAs(<IncidentDetailPage />, {
      path: '/incidents/:id',
      url: '/incidents/5',
      permissions: ['incidents.read'],
      userId: 11,
    });
    const review = await screen.findByTestId('incident-review');
    expect(review.textContent).toContain('事故总结');
    expect(review.textContent).toContain('2026-03-13 24:00');
    expect(review.textContent).toContain('事故总结须在其后第 5 个工作日');
    expect(review.querySelector('[data-testid=document-state]')?.getAttribute('data-state')).toBe('overdue');
    view.unmount();
    await i18n.changeLanguage('en');
    renderAs(<IncidentDetailPage />, { path: '/incidents/:id', url: '/incidents/5', permissions: ['incidents.read'], userId: 11 });
    const en = await screen.findByTestId('incident-review');
    expect(en.textContent).toContain('Incident review');
    expect(en.textContent).toContain('2026-03-13 24:00');
    expect(en.textContent).not.toMatch(/事故总结(?!须)/);
  }, 20_000);

  it('once the review is filed, the notice is sent without it', async () => {
    const reviewed = incident();
    reviewed.documents[1] = { ...reviewed.documents[1], filedAt: '2026-03-12T02:00:00.000Z', text: '已复盘', state: 'onTime' };
    const fetch = stubFetch({
      'GET /incidents/5': { body: reviewed },
      'POST /incidents/5/notice': { body: incident({ status: 'closed', version: 5 }) },
    });
    renderAs(<IncidentDetailPage />, {
      path: '/incidents/:id',
      url: '/incidents/5',
      permissions: ['incidents.read', 'incidents.manage'],
      userId: 2,
    });
    fireEvent.change(await screen.findByTestId('incident-notice-input'), { target: { value: '事故通报正文' } });
    expect(screen.queryByTestId('incident-review-input')).toBeNull();
    expect(screen.getByTestId('incident-review-text').textContent).toBe('已复盘');
    fireEvent.click(screen.getByTestId('incident-notice-submit'));
    await waitFor(() => expect(fetch.sent('POST /incidents/5/notice')).toHaveLength(1));
    expect(fetch.sent('POST /incidents/5/notice')[0].body).toEqual({ version: 4, notice: '事故通报正文' });
  }, 20_000);

  it('lets the supervisor send the review and the notice with the version', async () => {
    const fetch = stubFetch({
      'GET /incidents/5': { body: incident() },
      'POST /incidents/5/notice': { body: incident({ status: 'closed', version: 5 }) },
    });
    renderAs(<IncidentDetailPage />, {
      path: '/incidents/:id',
      url: '/incidents/5',
      permissions: ['incidents.read', 'incidents.manage'],
      userId: 2,
    });
    fireEvent.change(await screen.findByTestId('incident-review-input'), { target: { value: '与刘洋复盘' } });
    fireEvent.change(screen.getByTestId('incident-notice-input'), { target: { value: '事故通报正文' } });
    fireEvent.click(screen.getByTestId('incident-notice-submit'));
    await waitFor(() => expect(fetch.sent('POST /incidents/5/notice')).toHaveLength(1));
    expect(fetch.sent('POST /incidents/5/notice')[0].body).toEqual({ version: 4, review: '与刘洋复盘', notice: '事故通报正文' });
  }, 20_000);
});
