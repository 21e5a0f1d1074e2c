import { type TExplanation, explain } from '../explanation';
import type { TIncidentsPolicy } from '../policy/incidentsPolicy';
import { addDaysToDate } from '../travel/logWindows';

/** SR-9's rating scale, best first; a survey's rating questions use it too. */
export const SURVEY_GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type TSurveyGrade = (typeof SURVEY_GRADES)[number];
const GRADE_TEXT: Record<TSurveyGrade, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };
/** Points of a grade for the average score: 优 4, 良 3, 中 2, 差 1. */
export const GRADE_POINTS: Record<TSurveyGrade, number> = { excellent: 4, good: 3, fair: 2, poor: 1 };

export type TSurveyPeriod = { start: string; end: string; label: string };

/**
 * SR-11b: the survey period holding a date — the year cut into blocks of the policy's interval starting in January
 * (3 months: quarters 2026-Q1 = 01-01..03-31; 6: halves; 12: the year; other intervals: 2026-P1, P2 …).
 */
export function surveyPeriodOf(date: string, intervalMonths: number): TSurveyPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const index = Math.floor((month - 1) / intervalMonths);
  const firstMonth = index * intervalMonths + 1;
  const lastMonth = Math.min(firstMonth + intervalMonths - 1, 12);
  const start = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const nextStart = lastMonth === 12 ? `${year + 1}-01-01` : `${year}-${String(lastMonth + 1).padStart(2, '0')}-01`;
  const end = addDaysToDate(nextStart, -1);
  const label =
    intervalMonths === 3
      ? `${year}-Q${index + 1}`
      : intervalMonths === 6
        ? `${year}-H${index + 1}`
        : intervalMonths === 12
          ? `${year}`
          : intervalMonths === 1
            ? `${year}-${String(firstMonth).padStart(2, '0')}`
            : `${year}-P${index + 1}`;
  return { start, end, label };
}

/** SR-11b: the period before the one holding `date` (the one a new round asks about). */
export function previousSurveyPeriod(date: string, intervalMonths: number): TSurveyPeriod {
  return surveyPeriodOf(addDaysToDate(surveyPeriodOf(date, intervalMonths).start, -1), intervalMonths);
}

/** SR-11b: an invitation link works until `responseDays` days after it was sent (that instant excluded). */
export function surveyLinkExpiry(policy: TIncidentsPolicy, sentAtMs: number): number {
  return sentAtMs + policy.surveys.responseDays * 86_400_000;
}

/** One rating given in a survey response, with the facts it is grouped by. */
export type TSurveyRatingFact = {
  responseId: number;
  customerId: number;
  regionId: number | null;
  /** The engineers who served the customer in the surveyed period (each gets the customer's ratings). */
  engineerIds: readonly number[];
  questionId: string;
  grade: TSurveyGrade;
};

export type TSurveyGroupBy = 'customer' | 'engineer' | 'region' | 'all';

export type TSurveyAggregate = {
  /** The customer, engineer or region id (0 for 'all', null for a customer without a region). */
  key: number | null;
  responses: number;
  ratings: number;
  counts: Record<TSurveyGrade, number>;
  /** Mean of 优 4 … 差 1, two decimals; null without ratings. */
  averagePoints: number | null;
  /** Share of ratings at the policy's satisfied grade or better, in percent with one decimal; null without ratings. */
  satisfiedPercent: number | null;
  /** Per question: counts and the satisfied share. */
  questions: { questionId: string; ratings: number; counts: Record<TSurveyGrade, number>; satisfiedPercent: number | null }[];
  explanation: TExplanation;
};

const emptyCounts = (): Record<TSurveyGrade, number> => ({ excellent: 0, good: 0, fair: 0, poor: 0 });
const pct = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 1000) / whole) / 10);

/**
 * SR-11b/AP-16: aggregates survey ratings per customer, per engineer (a customer's ratings count for every engineer
 * who served it in the period) or per region: counts per grade, the mean points (优 4 … 差 1) and the share of
 * ratings at the policy's `satisfiedFrom` grade or better. Groups come out in key order.
 */
export function aggregateSurveyRatings(
  facts: readonly TSurveyRatingFact[],
  by: TSurveyGroupBy,
  satisfiedFrom: TSurveyGrade,
  policyVersion: number | null,
): TSurveyAggregate[] {
  const satisfiedGrades = SURVEY_GRADES.slice(0, SURVEY_GRADES.indexOf(satisfiedFrom) + 1);
  const groups = new Map<number | null, TSurveyRatingFact[]>();
  for (const f of facts) {
    const keys = by === 'customer' ? [f.customerId] : by === 'region' ? [f.regionId] : by === 'engineer' ? f.engineerIds : [0];
    for (const key of keys) {
      const list = groups.get(key);
      if (list) list.push(f);
      else groups.set(key, [f]);
    }
  }
  const order = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1);
  return [...groups.entries()]
    .sort(([a], [b]) => order(a, b))
    .map(([key, list]) => {
      const counts = emptyCounts();
      const perQuestion = new Map<string, Record<TSurveyGrade, number>>();
      let points = 0;
      for (const f of list) {
        counts[f.grade]++;
        points += GRADE_POINTS[f.grade];
        const q = perQuestion.get(f.questionId) ?? emptyCounts();
        q[f.grade]++;
        perQuestion.set(f.questionId, q);
      }
      const ratings = list.length;
      const satisfied = satisfiedGrades.reduce((n, g) => n + counts[g], 0);
      const responses = new Set(list.map((f) => f.responseId)).size;
      const averagePoints = ratings === 0 ? null : Math.round((points * 100) / ratings) / 100;
      const satisfiedPercent = pct(satisfied, ratings);
      const tally = SURVEY_GRADES.map((g) => `${GRADE_TEXT[g]} ${counts[g]}`).join('、');
      const tallyEn = SURVEY_GRADES.map((g) => `${g} ${counts[g]}`).join(', ');
      return {
        key,
        responses,
        ratings,
        counts,
        averagePoints,
        satisfiedPercent,
        questions: [...perQuestion.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([questionId, c]) => {
            const n = SURVEY_GRADES.reduce((s, g) => s + c[g], 0);
            return {
              questionId,
              ratings: n,
              counts: c,
              satisfiedPercent: pct(
                satisfiedGrades.reduce((s, g) => s + c[g], 0),
                n,
              ),
            };
          }),
        explanation: explain({
          ruleId: 'SR-11b',
          policyVersion,
          inputs: { by, key, satisfiedFrom, responses },
          result: { ratings, satisfied, averagePoints, satisfiedPercent },
          zh: `${responses} 份答卷共 ${ratings} 项评价：${tally}；${GRADE_TEXT[satisfiedFrom]}及以上计为满意，满意 ${satisfied}/${ratings}（${satisfiedPercent ?? 0}%），平均 ${averagePoints ?? 0} 分（优 4、良 3、中 2、差 1）`,
          en: `${responses} response${responses === 1 ? '' : 's'}, ${ratings} rating${ratings === 1 ? '' : 's'}: ${tallyEn}; ${satisfiedFrom} or better counts as satisfied: ${satisfied}/${ratings} (${satisfiedPercent ?? 0}%), mean ${averagePoints ?? 0} (excellent 4, good 3, fair 2, poor 1)`,
        }),
      };
    });
}

/** SR-11b: the questionnaire a new round starts from (SR-9's three dimensions, timeliness and a free comment). */
export const DEFAULT_SURVEY_QUESTIONS = [
  { id: 'attitude', kind: 'rating', required: true, text: { 'zh-CN': '服务人员的服务态度', en: 'The engineers’ attitude' } },
  { id: 'skill', kind: 'rating', required: true, text: { 'zh-CN': '服务人员的技术水平', en: 'The engineers’ skill' } },
  { id: 'result', kind: 'rating', required: true, text: { 'zh-CN': '问题解决的效果', en: 'How well problems were solved' } },
  { id: 'timeliness', kind: 'rating', required: true, text: { 'zh-CN': '响应与到场的及时性', en: 'How quickly we responded and arrived' } },
  { id: 'suggestions', kind: 'text', required: false, text: { 'zh-CN': '意见与建议', en: 'Comments and suggestions' } },
] as const;
