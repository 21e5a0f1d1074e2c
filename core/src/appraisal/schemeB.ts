import type { TSchemeBEngineer } from '../policy/appraisalPolicy';
import type { TAppraisalFacts, TRatingGrade } from './facts';
import { type TAppraisalLine, line, yuan } from './lines';
import { windowTrigger } from './windows';

export const GRADE_TEXT: Record<TRatingGrade, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };
const ASPECTS = [
  { id: 'attitude', zh: '服务态度', en: 'attitude' },
  { id: 'skill', zh: '技术水平', en: 'skill' },
  { id: 'result', zh: '服务结果', en: 'result' },
] as const;

export type TSchemeBResult = { lines: TAppraisalLine[]; fairRunAtEnd: number; clean: boolean; cleanRunAtEnd: number };

/**
 * AP-8: 差 and 中 ratings. Ratings are read service by service in the order they were given, each service's three
 * in the order attitude, skill, result. Each 差 is fined. A service with `fairRatingsCount` 中 is fined once ("in one
 * service"). Otherwise each 中 extends the run and any other grade resets it; the run carries across services and
 * months (from the previous sheet) and a run reaching the count is fined and starts again from zero, so every 中 is
 * counted in at most one fine.
 */
function ratingLines(p: TSchemeBEngineer, version: number | null, f: TAppraisalFacts): { lines: TAppraisalLine[]; fairRun: number } {
  const lines: TAppraisalLine[] = [];
  let run = f.carry.fairRun;
  const services = [...f.services].sort((a, b) => (a.ratedAt < b.ratedAt ? -1 : a.ratedAt > b.ratedAt ? 1 : a.ticketId - b.ticketId));
  const runStart: { ref: string; ticketId: number }[] = [];
  for (const s of services) {
    const evidence = [{ type: 'ticket' as const, id: s.ticketId, ref: s.ref }];
    for (const a of ASPECTS) {
      if (s[a.id] !== 'poor') continue;
      lines.push(
        line({
          key: `AP-8:poor:${s.ticketId}:${a.id}`,
          kind: 'fine',
          ruleId: 'AP-8',
          version,
          amountFen: -p.fines.eachPoorRating,
          evidence,
          inputs: { ticketId: s.ticketId, aspect: a.id, grade: 'poor' },
          zh: `服务 ${s.ref} ${a.zh}评为“差” → 罚款 ${yuan(p.fines.eachPoorRating).zh}`,
          en: `${s.ref}: ${a.en} rated 差 (poor) → fine ${yuan(p.fines.eachPoorRating).en}`,
        }),
      );
    }
    const fairs = ASPECTS.filter((a) => s[a.id] === 'fair').length;
    if (p.fairRatingsInOneService && fairs >= p.fairRatingsCount) {
      lines.push(
        line({
          key: `AP-8:fairService:${s.ticketId}`,
          kind: 'fine',
          ruleId: 'AP-8',
          version,
          amountFen: -p.fines.fairRatings,
          evidence,
          inputs: { ticketId: s.ticketId, fair: fairs, count: p.fairRatingsCount },
          zh: `服务 ${s.ref} 有 ${fairs} 项评为“中”（${p.fairRatingsCount} 项即罚） → 罚款 ${yuan(p.fines.fairRatings).zh}`,
          en: `${s.ref}: ${fairs} ratings of 中 (fair) in one service (${p.fairRatingsCount} are fined) → fine ${yuan(p.fines.fairRatings).en}`,
        }),
      );
      run = 0;
      runStart.length = 0;
      continue;
    }
    for (const a of ASPECTS) {
      if (s[a.id] !== 'fair') {
        run = 0;
        runStart.length = 0;
        continue;
      }
      run += 1;
      runStart.push({ ref: s.ref, ticketId: s.ticketId });
      if (!p.fairRatingsInARow || run < p.fairRatingsCount) continue;
      const inMonth = [...new Map(runStart.map((r) => [r.ticketId, r])).values()];
      const carried = p.fairRatingsCount - runStart.length;
      const refs = inMonth.map((r) => r.ref).join(', ');
      lines.push(
        line({
          key: `AP-8:fairRun:${s.ticketId}:${a.id}`,
          kind: 'fine',
          ruleId: 'AP-8',
          version,
          amountFen: -p.fines.fairRatings,
          evidence: inMonth.map((r) => ({ type: 'ticket' as const, id: r.ticketId, ref: r.ref })),
          inputs: { count: p.fairRatingsCount, carriedFromEarlierMonths: carried, services: inMonth.map((r) => r.ticketId) },
          zh: `连续 ${p.fairRatingsCount} 项评为“中”（${carried > 0 ? `上月结转 ${carried} 项，` : ''}${refs}） → 罚款 ${yuan(p.fines.fairRatings).zh}`,
          en: `${p.fairRatingsCount} ratings of 中 (fair) in a row (${carried > 0 ? `${carried} carried from last month, ` : ''}${refs}) → fine ${yuan(p.fines.fairRatings).en}`,
        }),
      );
      run = 0;
      runStart.length = 0;
    }
  }
  return { lines, fairRun: run };
}

/** AP-7, AP-9, AP-10, AP-11: the fines of single facts. */
function factLines(p: TSchemeBEngineer, version: number | null, f: TAppraisalFacts): TAppraisalLine[] {
  const lines: TAppraisalLine[] = [];
  for (const o of f.overruns ?? []) {
    lines.push(
      line({
        key: `AP-7:overrun:${o.letterId}`,
        kind: 'fine',
        ruleId: 'AP-7',
        version,
        amountFen: -p.fines.estimateOverrun,
        evidence: [{ type: 'letter', id: o.letterId, ref: o.ref }],
        inputs: { ...o },
        zh: `责任书 ${o.ref} 预计 ${o.estimatedMinutes} 分钟，实际 ${o.actualMinutes} 分钟，且无经批准的不可抗力 → 罚款 ${yuan(p.fines.estimateOverrun).zh}`,
        en: `Letter ${o.ref}: estimated ${o.estimatedMinutes} min, took ${o.actualMinutes} min, no approved force majeure → fine ${yuan(p.fines.estimateOverrun).en}`,
      }),
    );
  }
  for (const r of f.lateWeeklyReports) {
    lines.push(
      line({
        key: `AP-9:weekly:${r.obligationId}`,
        kind: 'fine',
        ruleId: 'AP-9',
        version,
        amountFen: -p.fines.weeklyReportLate,
        evidence: [{ type: 'obligation', id: r.obligationId, ref: r.period }],
        inputs: { ...r },
        zh: `周报 ${r.period} 迟交 → 罚款 ${yuan(p.fines.weeklyReportLate).zh}`,
        en: `Weekly report ${r.period} late → fine ${yuan(p.fines.weeklyReportLate).en}`,
      }),
    );
  }
  for (const s of f.signatureFaults) {
    const amount = p.missingSignatureAsPoorRatings * p.fines.eachPoorRating;
    lines.push(
      line({
        key: `AP-9:signature:${s.letterId}:${s.date}`,
        kind: 'fine',
        ruleId: 'AP-9',
        version,
        amountFen: -amount,
        evidence: [{ type: 'letter', id: s.letterId, ref: s.ref }],
        inputs: { ...s, asPoorRatings: p.missingSignatureAsPoorRatings, eachPoorFen: p.fines.eachPoorRating },
        zh: `责任书 ${s.ref}（${s.date}）${s.fault === 'forged' ? '客户签字系伪造' : '无客户签字'}，按 ${p.missingSignatureAsPoorRatings} 个“差”计 → 罚款 ${yuan(amount).zh}`,
        en: `Letter ${s.ref} (${s.date}) ${s.fault === 'forged' ? "with a forged customer's signature" : "without the customer's signature"}, counted as ${p.missingSignatureAsPoorRatings} 差 → fine ${yuan(amount).en}`,
      }),
    );
  }
  let failures = f.examFailuresBefore;
  for (const e of [...f.exams].sort((a, b) => (a.gradedAt < b.gradedAt ? -1 : a.gradedAt > b.gradedAt ? 1 : a.attemptId - b.attemptId))) {
    if (e.passed) continue;
    failures += 1;
    lines.push(
      line({
        key: `AP-10:exam:${e.attemptId}`,
        kind: 'fine',
        ruleId: 'AP-10',
        version,
        amountFen: -p.fines.examFailed,
        evidence: [{ type: 'exam', id: e.attemptId, ref: e.title }],
        inputs: { ...e, failuresInTotal: failures },
        zh: `考试“${e.title}”未通过（累计第 ${failures} 次） → 罚款 ${yuan(p.fines.examFailed).zh}`,
        en: `Exam "${e.title}" failed (failure ${failures} in total) → fine ${yuan(p.fines.examFailed).en}`,
      }),
    );
    if (failures === p.examFailuresForDowngrade) {
      lines.push(
        line({
          key: 'AP-10:downgrade',
          kind: 'proposal',
          ruleId: 'AP-10',
          version,
          proposal: 'salaryDowngrade',
          evidence: [{ type: 'exam', id: e.attemptId, ref: e.title }],
          inputs: { failuresInTotal: failures, needed: p.examFailuresForDowngrade },
          zh: `培训考试累计 ${failures} 次未通过 → 提请总经理降薪`,
          en: `${failures} failed exams in total → salary downgrade proposed to the GM`,
        }),
      );
    }
  }
  for (const i of f.incidents.filter((x) => x.date.startsWith(f.month))) {
    const amount = i.classId === 'I' ? p.fines.classIIncident : p.fines.classIIIncident;
    lines.push(
      line({
        key: `AP-11:incident:${i.incidentId}`,
        kind: 'fine',
        ruleId: 'AP-11',
        version,
        amountFen: -amount,
        evidence: [{ type: 'incident', id: i.incidentId }],
        inputs: { ...i },
        zh: `${i.date} ${i.classId === 'I' ? 'I 类' : 'II 类'}服务事故 → 罚款 ${yuan(amount).zh}`,
        en: `Class ${i.classId} incident on ${i.date} → fine ${yuan(amount).en}`,
      }),
    );
  }
  return lines;
}

/** AP-12: incident windows ending on an incident of this month. */
function windowLines(p: TSchemeBEngineer, version: number | null, f: TAppraisalFacts): TAppraisalLine[] {
  const lines: TAppraisalLine[] = [];
  const classI = f.incidents.filter((i) => i.classId === 'I');
  const classII = f.incidents.filter((i) => i.classId === 'II');
  const windowLine = (
    key: string,
    proposal: 'salaryDowngrade' | 'dismissal',
    hit: { within: { incidentId: number; date: string }[] },
    zh: string,
    en: string,
  ) =>
    line({
      key,
      kind: 'proposal',
      ruleId: 'AP-12',
      version,
      proposal,
      evidence: hit.within.map((i) => ({ type: 'incident' as const, id: i.incidentId, ref: i.date })),
      inputs: { incidents: hit.within.map((i) => ({ id: i.incidentId, date: i.date })) },
      zh: `${zh}（${hit.within.map((i) => i.date).join('、')}）`,
      en: `${en} (${hit.within.map((i) => i.date).join(', ')})`,
    });
  const downgrade = windowTrigger(classI, f.month, p.downgradeClassI.count, p.downgradeClassI.months);
  if (downgrade) {
    lines.push(
      windowLine(
        'AP-12:downgrade',
        'salaryDowngrade',
        downgrade,
        `${p.downgradeClassI.months} 个月内 ${downgrade.within.length} 次 I 类事故 → 提请总经理降薪`,
        `${downgrade.within.length} Class I incidents within ${p.downgradeClassI.months} months → salary downgrade proposed to the GM`,
      ),
    );
  }
  const d = p.dismissal;
  const dismissI = windowTrigger(classI, f.month, d.classICount, d.months);
  const dismissII = dismissI ? null : windowTrigger(classII, f.month, d.classIICount, d.months);
  const dismiss = dismissI ?? dismissII;
  if (dismiss) {
    const cls = dismissI ? 'I' : 'II';
    lines.push(
      windowLine(
        'AP-12:dismissal',
        'dismissal',
        dismiss,
        `${d.months} 个月内 ${dismiss.within.length} 次 ${cls} 类事故 → 提请总经理批准辞退`,
        `${dismiss.within.length} Class ${cls} incidents within ${d.months} months → dismissal proposed for the GM's approval`,
      ),
    );
  }
  return lines;
}

/**
 * AP-7..AP-13 for one engineer-month. A month is clean (AP-13) with no incident, no rating below 良, no missing or
 * forged signature and no late weekly report; the clean months in a row carry from the previous sheet, and the
 * month that completes the policy's count pays the bonus and starts a new count.
 */
export function schemeBLines(p: TSchemeBEngineer, version: number | null, f: TAppraisalFacts): TSchemeBResult {
  const ratings = ratingLines(p, version, f);
  const lines = [...factLines(p, version, f), ...ratings.lines, ...windowLines(p, version, f)];
  const monthIncidents = f.incidents.filter((i) => i.date.startsWith(f.month)).length;
  const lowRatings = f.services.some((s) => ASPECTS.some((a) => s[a.id] === 'fair' || s[a.id] === 'poor'));
  const clean = monthIncidents === 0 && !lowRatings && f.signatureFaults.length === 0 && f.lateWeeklyReports.length === 0;
  let cleanRun = clean ? f.carry.cleanMonths + 1 : 0;
  if (clean && cleanRun >= p.cleanMonthsBonus.months) {
    lines.push(
      line({
        key: 'AP-13:clean',
        kind: 'bonus',
        ruleId: 'AP-13',
        version,
        amountFen: p.cleanMonthsBonus.bonusFen,
        evidence: [{ type: 'month', id: f.month }],
        inputs: { cleanMonths: cleanRun, needed: p.cleanMonthsBonus.months },
        zh: `连续 ${cleanRun} 个月无事故、评价均为“良”以上、文档齐全 → 奖励 ${yuan(p.cleanMonthsBonus.bonusFen).zh}`,
        en: `${cleanRun} months in a row with no incident, all ratings 良 or better and complete documents → bonus ${yuan(p.cleanMonthsBonus.bonusFen).en}`,
      }),
    );
    cleanRun = 0;
  }
  return { lines, fairRunAtEnd: ratings.fairRun, clean, cleanRunAtEnd: cleanRun };
}
