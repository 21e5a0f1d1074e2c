import type { TSchemeA } from '../policy/appraisalPolicy';
import type { TAppraisalGrade, TItemScores, TScorer, TWorkloadFacts } from './facts';
import { type TAppraisalLine, line, pointsText } from './lines';

/** AP-2b: the chain's scorers in order; the self-appraisal opens it. */
export const SCORERS: readonly TScorer[] = ['self', 'departmentManager', 'vp', 'gm'];

export const SCORER_TEXT: Record<TScorer, { zh: string; en: string }> = {
  self: { zh: '自评', en: 'self-appraisal' },
  departmentManager: { zh: '部门经理初核', en: "department manager's first score" },
  vp: { zh: '副总经理审核', en: "VP's second score" },
  gm: { zh: '总经理核定', en: "GM's final score" },
};

export type TLeafItem = { id: string; weight: number; name: { 'zh-CN': string; en: string } };

/** AP-3: the scored items (a top item without sub-items, or a sub-item), in the policy's order. */
export function leafItems(a: TSchemeA): TLeafItem[] {
  return a.items.flatMap((item) =>
    item.children.length > 0
      ? item.children.map((c) => ({ id: c.id, weight: c.weight, name: c.name }))
      : [{ id: item.id, weight: item.weight, name: item.name }],
  );
}

/**
 * AP-3: the workload score in tenths of a point: weight × min(1, devices × failure rate ÷ fullMarksAt), rounded
 * half up to 0.1 point.
 */
export function workloadTenths(a: TSchemeA, weight: number, w: TWorkloadFacts): number {
  const ratio = Math.min(1, Math.max(0, (w.devices * w.failureRate) / a.workload.fullMarksAt));
  return Math.floor(weight * 10 * ratio + 0.5 + 1e-9);
}

/**
 * AP-4: the grade of a total in tenths of a point, exact at the edges: A from aMinScore (86.0 is A, 85.9 is B),
 * B from bMinScore (70.0 is B, 69.9 is C). Reviewers score whole points; only the computed workload item has
 * tenths, so no other rounding happens before the comparison.
 */
export function gradeOf(a: TSchemeA, totalTenths: number): TAppraisalGrade {
  if (totalTenths >= a.grades.aMinScore * 10) return 'A';
  if (totalTenths >= a.grades.bMinScore * 10) return 'B';
  return 'C';
}

/** AP-2b: the last scorer of the chain who has scored (the final score so far), the self-appraisal not counting. */
export function finalScorer(scores: Partial<Record<TScorer, TItemScores>>): TScorer | null {
  for (const s of [...SCORERS].reverse()) if (s !== 'self' && scores[s]) return s;
  return null;
}

/**
 * AP-2b / AP-3 / AP-4: one line per item with every scorer's score (the final one counts; the workload item is
 * computed when its data is recorded), the total and the grade. No grade until a reviewer has scored.
 */
export function schemeALines(
  a: TSchemeA,
  version: number | null,
  scores: Partial<Record<TScorer, TItemScores>>,
  workload: TWorkloadFacts | null,
): { lines: TAppraisalLine[]; grade: TAppraisalGrade | null; totalTenths: number | null } {
  const lines: TAppraisalLine[] = [];
  const final = finalScorer(scores);
  let total = 0;
  let complete = final !== null;
  for (const item of leafItems(a)) {
    const byScorer = Object.fromEntries(SCORERS.filter((s) => scores[s]?.[item.id] !== undefined).map((s) => [s, scores[s]![item.id]]));
    const computed = item.id === a.workload.itemId && workload !== null ? workloadTenths(a, item.weight, workload) : null;
    const finalTenths = computed ?? (final !== null && scores[final]![item.id] !== undefined ? scores[final]![item.id] * 10 : null);
    if (finalTenths === null) complete = false;
    else total += finalTenths;
    const given = SCORERS.filter((s) => byScorer[s] !== undefined);
    const zhScores = given.map((s) => `${SCORER_TEXT[s].zh} ${byScorer[s]}`).join('，');
    const enScores = given.map((s) => `${SCORER_TEXT[s].en} ${byScorer[s]}`).join(', ');
    const basis =
      computed !== null
        ? {
            zh: `设备 ${workload!.devices} 台 × 故障率 ${workload!.failureRate} ÷ ${a.workload.fullMarksAt} × ${item.weight}（满分封顶，四舍五入至 0.1）= ${pointsText(computed)}`,
            en: `${workload!.devices} devices × failure rate ${workload!.failureRate} ÷ ${a.workload.fullMarksAt} × ${item.weight} (capped at the weight, rounded half up to 0.1) = ${pointsText(computed)}`,
          }
        : finalTenths !== null
          ? {
              zh: `以${SCORER_TEXT[final!].zh}为准：${pointsText(finalTenths)}`,
              en: `the ${SCORER_TEXT[final!].en} counts: ${pointsText(finalTenths)}`,
            }
          : { zh: '尚未评分', en: 'not scored yet' };
    lines.push(
      line({
        key: `AP-3:item:${item.id}`,
        kind: 'score',
        ruleId: 'AP-3',
        version,
        pointsTenths: finalTenths,
        inputs: { itemId: item.id, weight: item.weight, scores: byScorer, workload: computed !== null ? workload : null },
        zh: `${item.name['zh-CN']}（权数 ${item.weight}）${zhScores ? `：${zhScores}` : ''}；${basis.zh}`,
        en: `${item.name.en} (weight ${item.weight})${enScores ? `: ${enScores}` : ''}; ${basis.en}`,
      }),
    );
  }
  if (!complete) {
    lines.push(
      line({
        key: 'AP-4:grade',
        kind: 'grade',
        ruleId: 'AP-4',
        version,
        inputs: { scored: final },
        zh: '尚有考核项未评分，暂不定等',
        en: 'Not graded yet: some items have no score',
      }),
    );
    return { lines, grade: null, totalTenths: null };
  }
  const grade = gradeOf(a, total);
  lines.push(
    line({
      key: 'AP-4:grade',
      kind: 'grade',
      ruleId: 'AP-4',
      version,
      pointsTenths: total,
      inputs: { totalTenths: total, aMinScore: a.grades.aMinScore, bMinScore: a.grades.bMinScore, grade },
      zh: `总分 ${pointsText(total)}：A 等 ≥ ${a.grades.aMinScore}，B 等 ${a.grades.bMinScore}–${a.grades.aMinScore} 以下，C 等 < ${a.grades.bMinScore} → ${grade} 等`,
      en: `Total ${pointsText(total)}: A ≥ ${a.grades.aMinScore}, B ${a.grades.bMinScore} to below ${a.grades.aMinScore}, C < ${a.grades.bMinScore} → grade ${grade}`,
    }),
  );
  return { lines, grade, totalTenths: total };
}

/** AP-5: the year's A (C) grade that reaches the policy's count proposes promotion and a raise (demotion or termination). */
export function annualLines(
  a: TSchemeA,
  version: number | null,
  month: string,
  yearGrades: TAppraisalGrade[],
  grade: TAppraisalGrade | null,
): TAppraisalLine[] {
  if (grade === null || grade === 'B') return [];
  const count = yearGrades.filter((g) => g === grade).length + 1;
  const needed = grade === 'A' ? a.annual.promotionACount : a.annual.demotionCCount;
  if (count !== needed) return [];
  const year = month.slice(0, 4);
  return [
    line({
      key: `AP-5:${grade}`,
      kind: 'proposal',
      ruleId: 'AP-5',
      version,
      proposal: grade === 'A' ? 'promotion' : 'demotion',
      evidence: [{ type: 'month', id: month }],
      inputs: { year, grade, count, needed },
      zh:
        grade === 'A'
          ? `${year} 年第 ${count} 次 A 等（${needed} 次）→ 提请总经理决定升等调薪`
          : `${year} 年第 ${count} 次 C 等（${needed} 次）→ 提请总经理决定降级或辞退`,
      en:
        grade === 'A'
          ? `A grade number ${count} in ${year} (${needed} needed) → promotion and raise proposed to the GM`
          : `C grade number ${count} in ${year} (${needed} needed) → demotion or termination proposed to the GM`,
    }),
  ];
}

/** Bad input (AP-3): a score that is not a whole number between 0 and the item's weight, or names no item. */
export function invalidScore(a: TSchemeA, scores: TItemScores): { itemId: string; weight: number | null } | null {
  const items = new Map(leafItems(a).map((i) => [i.id, i.weight]));
  for (const [itemId, score] of Object.entries(scores)) {
    const weight = items.get(itemId);
    if (weight === undefined) return { itemId, weight: null };
    if (!Number.isInteger(score) || score < 0 || score > weight) return { itemId, weight };
  }
  return null;
}
