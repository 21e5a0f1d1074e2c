import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/defaults';
import { actionItemState } from './actionItems';
import { certificateStatus } from './certificates';
import { proposeIncidentClass } from './complaintClass';
import { examWindowState, gradeExam, type TExamQuestion } from './exam';
import { aggregateSurveyRatings, previousSurveyPeriod, surveyLinkExpiry, surveyPeriodOf, type TSurveyRatingFact } from './survey';

const policy = defaultPolicy().incidents;

describe('a complaint proposes the incident class of the level it reached (SR-14 → IN-1/IN-2)', () => {
  it('proposes Class I for a complaint about an engineer to VP level or above (IN-1), with the class definition', () => {
    const p = proposeIncidentClass(policy, 3, { level: 'vpOrAbove', aboutEngineer: true });
    expect(p.classId).toBe('I');
    expect(p.explanation).toMatchObject({ ruleId: 'IN-1', policyVersion: 3, result: 'I' });
    expect(p.explanation.text['zh-CN']).toContain('公司副总以上级别领导');
    expect(p.explanation.text.en).toContain('Class I incident by the policy (SR-14)');
  });

  it('proposes Class II for a complaint to a sales manager or to sales admin (IN-2)', () => {
    expect(proposeIncidentClass(policy, 1, { level: 'salesManager', aboutEngineer: true })).toMatchObject({
      classId: 'II',
      explanation: { ruleId: 'IN-2' },
    });
    expect(proposeIncidentClass(policy, 1, { level: 'salesAdmin', aboutEngineer: true }).classId).toBe('II');
  });

  it('proposes none for a complaint to the service department, or one that names no engineer', () => {
    expect(proposeIncidentClass(policy, 1, { level: 'service', aboutEngineer: true })).toMatchObject({
      classId: null,
      explanation: { ruleId: 'SR-14' },
    });
    expect(proposeIncidentClass(policy, 1, { level: 'vpOrAbove', aboutEngineer: false }).classId).toBeNull();
  });

  it('follows a company policy that counts complaints to sales admin as no incident', () => {
    const own = { ...policy, complaintClass: { ...policy.complaintClass, salesAdmin: 'none' as const } };
    expect(proposeIncidentClass(own, 2, { level: 'salesAdmin', aboutEngineer: true }).classId).toBeNull();
  });
});

describe('exam grading (TRN-1, AP-10)', () => {
  const q: TExamQuestion[] = [
    { id: 1, kind: 'single', points: 30, correct: ['b'] },
    { id: 2, kind: 'multiple', points: 30, correct: ['a', 'c'] },
    { id: 3, kind: 'written', points: 40, correct: [] },
  ];
  const answers = { '1': { choices: ['b'] }, '2': { choices: ['c', 'a'] }, '3': { text: '先备份配置，再升级固件' } };

  it('grades choice questions automatically and waits for the trainer on written answers', () => {
    const g = gradeExam(q, answers, {}, 60, 1);
    expect(g).toMatchObject({ autoPoints: 60, points: 60, maxPoints: 100, complete: false, passed: null });
    expect(g.explanation.text.en).toContain('1 written answer wait');
  });

  it('passes at exactly the pass mark (60 of 100 at 60 %) and fails one point below (AP-10)', () => {
    expect(gradeExam(q, answers, { '3': 0 }, 60, 1)).toMatchObject({ points: 60, percent: 60, passed: true });
    const below = gradeExam(q, { ...answers, '2': { choices: ['a'] } }, { '3': 29 }, 60, 1);
    expect(below).toMatchObject({ points: 59, passed: false, explanation: { ruleId: 'AP-10' } });
  });

  it('gives a multiple choice nothing when one option is missing or one too many', () => {
    expect(gradeExam(q, { '2': { choices: ['a'] } }, {}, 60, 1).questions[1]).toMatchObject({ awarded: 0, correct: false });
    expect(gradeExam(q, { '2': { choices: ['a', 'b', 'c'] } }, {}, 60, 1).questions[1]).toMatchObject({ awarded: 0 });
  });

  it('compares the pass mark exactly with uneven totals: 86 of 100 passes an 86 % mark, 85.9 % does not', () => {
    const seven: TExamQuestion[] = [{ id: 9, kind: 'written', points: 1000, correct: [] }];
    const at = (pts: number) => gradeExam(seven, { '9': { text: 'x' } }, { '9': pts }, 86, 1).passed;
    expect([at(860), at(859)]).toEqual([true, false]);
  });

  it('an empty written answer needs no grading and earns 0; a trainer cannot give more than the points', () => {
    const g = gradeExam(q, { '3': { text: '  ' } }, {}, 60, 1);
    expect(g).toMatchObject({ complete: true, points: 0, passed: false });
    expect(gradeExam(q, answers, { '3': 99 }, 60, 1).writtenPoints).toBe(40);
  });

  it('takes answers from opening until the close (the close itself is too late)', () => {
    expect(examWindowState(1000, 2000, 999)).toBe('notOpen');
    expect(examWindowState(1000, 2000, 1000)).toBe('open');
    expect(examWindowState(1000, 2000, 1999)).toBe('open');
    expect(examWindowState(1000, 2000, 2000)).toBe('closed');
  });
});

describe('certificate expiry reminders (TRN-3)', () => {
  it('reminds from exactly the reminder days before expiry, not a day earlier', () => {
    expect(certificateStatus('2026-04-30', '2026-03-31', 30, 1)).toMatchObject({
      state: 'expiring',
      daysLeft: 30,
      remindFrom: '2026-03-31',
    });
    expect(certificateStatus('2026-04-30', '2026-03-30', 30, 1).state).toBe('valid');
  });

  it('is still valid on its last day and expired the day after', () => {
    expect(certificateStatus('2026-04-30', '2026-04-30', 30, 1)).toMatchObject({ state: 'expiring', daysLeft: 0 });
    expect(certificateStatus('2026-04-30', '2026-05-01', 30, 1)).toMatchObject({ state: 'expired', daysLeft: -1 });
  });

  it('a certificate without an expiry date is permanent', () => {
    expect(certificateStatus(null, '2026-05-01', 30, 1)).toMatchObject({ state: 'permanent', remindFrom: null });
  });
});

describe('survey periods, links and aggregation (SR-11b)', () => {
  it('cuts the year into quarters by default, and into the policy interval otherwise', () => {
    expect(surveyPeriodOf('2026-03-31', 3)).toEqual({ start: '2026-01-01', end: '2026-03-31', label: '2026-Q1' });
    expect(surveyPeriodOf('2026-04-01', 3)).toEqual({ start: '2026-04-01', end: '2026-06-30', label: '2026-Q2' });
    expect(surveyPeriodOf('2026-12-31', 6)).toEqual({ start: '2026-07-01', end: '2026-12-31', label: '2026-H2' });
    expect(surveyPeriodOf('2026-02-28', 1)).toEqual({ start: '2026-02-01', end: '2026-02-28', label: '2026-02' });
    expect(surveyPeriodOf('2026-11-15', 5)).toEqual({ start: '2026-11-01', end: '2026-12-31', label: '2026-P3' });
    expect(previousSurveyPeriod('2026-04-01', 3).label).toBe('2026-Q1');
    expect(previousSurveyPeriod('2026-01-15', 3).label).toBe('2025-Q4');
  });

  it('a link sent at t works until t + responseDays (exclusive)', () => {
    expect(surveyLinkExpiry(policy, 0)).toBe(30 * 86_400_000);
  });

  const facts: TSurveyRatingFact[] = [
    { responseId: 1, customerId: 10, regionId: 1, engineerIds: [7, 8], questionId: 'attitude', grade: 'excellent' },
    { responseId: 1, customerId: 10, regionId: 1, engineerIds: [7, 8], questionId: 'skill', grade: 'fair' },
    { responseId: 2, customerId: 11, regionId: 1, engineerIds: [8], questionId: 'attitude', grade: 'good' },
    { responseId: 3, customerId: 12, regionId: null, engineerIds: [], questionId: 'attitude', grade: 'poor' },
  ];

  it('aggregates per customer, per engineer (each engineer who served the customer) and per region', () => {
    const byEngineer = aggregateSurveyRatings(facts, 'engineer', 'good', 1);
    expect(byEngineer.map((g) => [g.key, g.responses, g.ratings, g.satisfiedPercent])).toEqual([
      [7, 1, 2, 50],
      [8, 2, 3, 66.7],
    ]);
    const byRegion = aggregateSurveyRatings(facts, 'region', 'good', 1);
    expect(byRegion.map((g) => [g.key, g.ratings, g.averagePoints])).toEqual([
      [null, 1, 1],
      [1, 3, 3],
    ]);
    const byCustomer = aggregateSurveyRatings(facts, 'customer', 'good', 1);
    expect(byCustomer[0]).toMatchObject({ key: 10, counts: { excellent: 1, good: 0, fair: 1, poor: 0 } });
    expect(byCustomer[0].questions.map((q) => q.questionId)).toEqual(['attitude', 'skill']);
  });

  it('counts 良 as satisfied at the default bar and not when the policy asks for 优', () => {
    expect(aggregateSurveyRatings(facts, 'all', 'good', 1)[0].satisfiedPercent).toBe(50);
    const strict = aggregateSurveyRatings(facts, 'all', 'excellent', 1)[0];
    expect(strict.satisfiedPercent).toBe(25);
    expect(strict.explanation.text['zh-CN']).toContain('优及以上计为满意，满意 1/4（25%）');
  });
});

describe('meeting action items followed up (MTG-1)', () => {
  it('is open on its due date and overdue the day after; done after the due date is done late', () => {
    expect(actionItemState({ status: 'open', dueOn: '2026-03-10', doneOn: null }, '2026-03-10').state).toBe('open');
    expect(actionItemState({ status: 'open', dueOn: '2026-03-10', doneOn: null }, '2026-03-11')).toMatchObject({
      state: 'overdue',
      explanation: { ruleId: 'MTG-1' },
    });
    expect(actionItemState({ status: 'done', dueOn: '2026-03-10', doneOn: '2026-03-10' }, '2026-03-12').state).toBe('done');
    expect(actionItemState({ status: 'done', dueOn: '2026-03-10', doneOn: '2026-03-11' }, '2026-03-12').state).toBe('doneLate');
  });
});
