import type { TExam } from '@techserve/core';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { ExamPage } from './ExamPage';

beforeEach(() => viewportWidth(390));
afterEach(() => vi.unstubAllGlobals());

const mine = {
  attemptId: 7,
  examId: 4,
  examTitle: 'DS-300 培训考试',
  examKind: 'training' as const,
  userId: 11,
  userName: '刘洋',
  status: 'pending' as const,
  submittedAt: null,
  points: null,
  maxPoints: 70,
  percent: null,
  passed: null,
  gradedAt: null,
  explanation: null,
  answers: null,
  version: 1,
};
const exam = (patch: Partial<TExam> = {}): TExam => ({
  id: 4,
  title: 'DS-300 培训考试',
  kind: 'training',
  sessionId: 2,
  productId: 1,
  productName: '分布式存储',
  opensAt: '2026-03-03T06:00:00.000Z',
  closesAt: '2026-03-03T07:00:00.000Z',
  state: 'open',
  passPercent: 60,
  maxPoints: 70,
  trainerId: 8,
  trainerName: '孙浩',
  candidates: 2,
  submitted: 0,
  questions: [
    {
      id: 21,
      kind: 'single',
      text: '允许坏两块盘的是？',
      options: [
        { id: 'a', text: 'RAID 5' },
        { id: 'b', text: 'RAID 6' },
      ],
      points: 30,
      correct: null,
    },
    { id: 22, kind: 'written', text: '简述扩容准备', options: [], points: 40, correct: null },
  ],
  mine,
  results: null,
  policyVersion: 1,
  version: 1,
  ...patch,
});

describe('ExamPage (TRN-1)', () => {
  it('a candidate answers the open paper on a phone: the chosen option and the written text', async () => {
    const fetch = stubFetch({
      'GET /staff-training/exams/4': { body: exam() },
      'POST /staff-training/exams/4/answers': { body: exam({ mine: { ...mine, status: 'submitted', points: 30 } }) },
    });
    renderAs(<ExamPage />, {
      path: '/staff-training/exams/:id',
      url: '/staff-training/exams/4',
      permissions: ['training.attend'],
      userId: 11,
    });
    fireEvent.click(await screen.findByText('b. RAID 6'));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: '先备份配置' } });
    fireEvent.click(screen.getByTestId('exam-submit'));
    await waitFor(() => expect(fetch.sent('POST /staff-training/exams/4/answers')).toHaveLength(1));
    expect(fetch.sent('POST /staff-training/exams/4/answers')[0].body).toEqual({
      answers: { '21': { choices: ['b'] }, '22': { text: '先备份配置' } },
    });
  }, 20_000);

  it('shows a graded paper with its result explained and the right answers, without the submit button', async () => {
    stubFetch({
      'GET /staff-training/exams/4': {
        body: exam({
          state: 'closed',
          questions: exam().questions.map((q) => ({ ...q, correct: q.kind === 'single' ? ['b'] : [] })),
          mine: {
            ...mine,
            status: 'graded',
            points: 40,
            percent: 57.1,
            passed: false,
            explanation: {
              ruleId: 'AP-10',
              policyVersion: 1,
              inputs: {},
              result: null,
              text: { 'zh-CN': 'AP-10：得分 40/70（57.1%），及格线 60%：不及格', en: 'failed' },
            },
            answers: { '21': { choices: ['a'] }, '22': { text: '加盘' } },
          },
        }),
      },
    });
    renderAs(<ExamPage />, {
      path: '/staff-training/exams/:id',
      url: '/staff-training/exams/4',
      permissions: ['training.attend'],
      userId: 11,
    });
    expect((await screen.findByTestId('exam-result')).getAttribute('data-passed')).toBe('false');
    expect(screen.getByTestId('explanation').textContent).toContain('及格线 60%：不及格');
    expect(screen.getByText('正确答案：b')).toBeTruthy();
    expect(screen.queryByTestId('exam-submit')).toBeNull();
  });
});
