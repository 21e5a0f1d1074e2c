import { type TExplanation, explain } from '../explanation';

/** TRN-1: the kinds of exam question — single and multiple choice are graded automatically, written answers by the trainer. */
export const QUESTION_KINDS = ['single', 'multiple', 'written'] as const;
export type TQuestionKind = (typeof QUESTION_KINDS)[number];

/** A question as the exam holds it (a copy from the bank taken when the exam was set, so later bank edits change nothing). */
export type TExamQuestion = {
  id: number;
  kind: TQuestionKind;
  points: number;
  /** Choice questions: the option ids that are right (one for single choice). Empty for written questions. */
  correct: string[];
};

/** One candidate's answer to a question: the options chosen, or the written text. */
export type TExamAnswer = { choices?: string[]; text?: string };

export type TQuestionGrade = {
  questionId: number;
  kind: TQuestionKind;
  max: number;
  /** Points given; null while a written answer waits for the trainer. */
  awarded: number | null;
  /** Choice questions: whether the chosen set equals the right set. */
  correct: boolean | null;
};

export type TExamGrade = {
  questions: TQuestionGrade[];
  autoPoints: number;
  writtenPoints: number;
  points: number;
  maxPoints: number;
  /** Points as a percentage of the maximum, to one decimal (display; the pass decision uses exact integers). */
  percent: number;
  /** Every written answer has its points: the result is final. */
  complete: boolean;
  /** TRN-1/AP-10: passed when points × 100 ≥ pass mark × maximum; null until complete. */
  passed: boolean | null;
  explanation: TExplanation;
};

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a);
  return x.size === new Set(b).size && b.every((v) => x.has(v));
};

/**
 * TRN-1/AP-10: grades an exam. A single or multiple choice question earns its points when the options chosen are
 * exactly the right ones (a multiple choice with one option missing or one too many earns nothing); a written answer
 * earns what the trainer gave (0 to its points), and an unanswered question earns 0. The exam passes when the points
 * reach the policy's pass mark in percent of the maximum — compared in whole numbers, so 60 of 100 passes a 60 % mark
 * and 59 does not. Until every written answer is graded the result is not final (`passed` null).
 */
export function gradeExam(
  questions: readonly TExamQuestion[],
  answers: Readonly<Record<string, TExamAnswer | undefined>>,
  writtenPoints: Readonly<Record<string, number | undefined>>,
  passPercent: number,
  policyVersion: number | null,
): TExamGrade {
  let auto = 0;
  let written = 0;
  let max = 0;
  let complete = true;
  const graded: TQuestionGrade[] = questions.map((q) => {
    max += q.points;
    const answer = answers[String(q.id)];
    if (q.kind === 'written') {
      const given = writtenPoints[String(q.id)];
      const hasText = Boolean(answer?.text?.trim());
      // An empty written answer needs no trainer: it earns nothing.
      const awarded = !hasText ? 0 : given === undefined ? null : Math.min(Math.max(given, 0), q.points);
      if (awarded === null) complete = false;
      else written += awarded;
      return { questionId: q.id, kind: q.kind, max: q.points, awarded, correct: null };
    }
    const right = sameSet(answer?.choices ?? [], q.correct) && q.correct.length > 0;
    const awarded = right ? q.points : 0;
    auto += awarded;
    return { questionId: q.id, kind: q.kind, max: q.points, awarded, correct: right };
  });
  const points = auto + written;
  const percent = max === 0 ? 0 : Math.round((points * 1000) / max) / 10;
  const passed = complete ? points * 100 >= passPercent * max : null;
  const pending = graded.filter((g) => g.awarded === null).length;
  const zh = complete
    ? `得分 ${points}/${max}（${percent}%），及格线 ${passPercent}%：${passed ? '及格' : '不及格'}（选择题自动评分 ${auto} 分，主观题 ${written} 分）`
    : `选择题自动评分 ${auto}/${max} 分，尚有 ${pending} 道主观题待培训讲师评分，成绩未定（及格线 ${passPercent}%）`;
  const en = complete
    ? `${points}/${max} points (${percent}%), pass mark ${passPercent}%: ${passed ? 'passed' : 'failed'} (choice questions graded automatically ${auto}, written ${written})`
    : `choice questions ${auto}/${max} points; ${pending} written answer${pending === 1 ? '' : 's'} wait for the trainer, so no result yet (pass mark ${passPercent}%)`;
  return {
    questions: graded,
    autoPoints: auto,
    writtenPoints: written,
    points,
    maxPoints: max,
    percent,
    complete,
    passed,
    explanation: explain({
      ruleId: passed === false ? 'AP-10' : 'TRN-1',
      policyVersion,
      inputs: { passPercent, maxPoints: max, autoPoints: auto, writtenPoints: written, pendingWritten: pending },
      result: { points, percent, passed },
      zh,
      en,
    }),
  };
}

export type TExamWindowState = 'notOpen' | 'open' | 'closed';

/** TRN-1/TRN-3: whether an exam takes answers at an instant: from opensAt (inclusive) until closesAt (exclusive). */
export function examWindowState(opensAtMs: number, closesAtMs: number, nowMs: number): TExamWindowState {
  if (nowMs < opensAtMs) return 'notOpen';
  return nowMs < closesAtMs ? 'open' : 'closed';
}
