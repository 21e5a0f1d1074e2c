import type { TSchemeBSupervisor } from '../policy/appraisalPolicy';
import type { TDepartmentFacts } from './facts';
import { type TAppraisalLine, line, yuan } from './lines';
import { windowTrigger } from './windows';

export type TSupervisorResult = { lines: TAppraisalLine[]; monthsWithoutClassIAtEnd: number };

/**
 * AP-14: the supervisor's own fines and bonus. Months without a department Class I incident carry from the previous
 * sheet; the month completing the policy's count pays the bonus and starts a new count.
 */
export function supervisorLines(
  p: TSchemeBSupervisor,
  version: number | null,
  month: string,
  d: TDepartmentFacts,
  monthsWithoutClassIBefore: number,
): TSupervisorResult {
  const lines: TAppraisalLine[] = [];
  for (const r of d.lateReports) {
    lines.push(
      line({
        key: `AP-14:late:${r.obligationId}`,
        kind: 'fine',
        ruleId: 'AP-14',
        version,
        amountFen: -p.fines.lateReport,
        evidence: [{ type: 'obligation', id: r.obligationId, ref: r.period }],
        inputs: { ...r },
        zh: `${r.kind} ${r.period} 迟交 → 罚款 ${yuan(p.fines.lateReport).zh}`,
        en: `${r.kind} ${r.period} late → fine ${yuan(p.fines.lateReport).en}`,
      }),
    );
  }
  const monthIncidents = d.incidents.filter((i) => i.date.startsWith(month));
  for (const i of monthIncidents) {
    const amount = i.classId === 'I' ? p.fines.departmentClassI : p.fines.departmentClassII;
    lines.push(
      line({
        key: `AP-14:incident:${i.incidentId}`,
        kind: 'fine',
        ruleId: 'AP-14',
        version,
        amountFen: -amount,
        evidence: [{ type: 'incident', id: i.incidentId, ref: i.date }],
        inputs: { ...i },
        zh: `部门 ${i.date} 发生 ${i.classId === 'I' ? 'I 类' : 'II 类'}事故 → 主管罚款 ${yuan(amount).zh}`,
        en: `Department Class ${i.classId} incident on ${i.date} → supervisor fined ${yuan(amount).en}`,
      }),
    );
  }
  for (const s of d.signatureFaults) {
    lines.push(
      line({
        key: `AP-14:signature:${s.letterId}:${s.date}`,
        kind: 'fine',
        ruleId: 'AP-14',
        version,
        amountFen: -p.fines.toleratedMissingSignature,
        evidence: [{ type: 'letter', id: s.letterId, ref: s.ref }],
        inputs: { ...s },
        zh: `容忍责任书 ${s.ref}（${s.date}）${s.fault === 'forged' ? '伪造客户签字' : '缺少客户签字'} → 罚款 ${yuan(p.fines.toleratedMissingSignature).zh}`,
        en: `Tolerated a ${s.fault === 'forged' ? 'forged' : 'missing'} customer's signature on letter ${s.ref} (${s.date}) → fine ${yuan(p.fines.toleratedMissingSignature).en}`,
      }),
    );
  }
  const classI = d.incidents.filter((i) => i.classId === 'I');
  const hit = windowTrigger(classI, month, p.downgradeClassI.count, p.downgradeClassI.months);
  if (hit) {
    lines.push(
      line({
        key: 'AP-14:downgrade',
        kind: 'proposal',
        ruleId: 'AP-14',
        version,
        proposal: 'salaryDowngrade',
        evidence: hit.within.map((i) => ({ type: 'incident' as const, id: i.incidentId, ref: i.date })),
        inputs: { incidents: hit.within.map((i) => ({ id: i.incidentId, date: i.date })) },
        zh: `部门 ${p.downgradeClassI.months} 个月内 ${hit.within.length} 次 I 类事故（${hit.within.map((i) => i.date).join('、')}）→ 提请总经理对主管降薪`,
        en: `${hit.within.length} department Class I incidents within ${p.downgradeClassI.months} months (${hit.within.map((i) => i.date).join(', ')}) → supervisor salary downgrade proposed to the GM`,
      }),
    );
  }
  let run = monthIncidents.some((i) => i.classId === 'I') ? 0 : monthsWithoutClassIBefore + 1;
  if (run >= p.noClassIBonus.months) {
    lines.push(
      line({
        key: 'AP-14:noClassI',
        kind: 'bonus',
        ruleId: 'AP-14',
        version,
        amountFen: p.noClassIBonus.bonusFen,
        evidence: [{ type: 'month', id: month }],
        inputs: { months: run, needed: p.noClassIBonus.months },
        zh: `部门连续 ${run} 个月无 I 类事故 → 奖励主管 ${yuan(p.noClassIBonus.bonusFen).zh}`,
        en: `${run} months in a row without a department Class I incident → supervisor bonus ${yuan(p.noClassIBonus.bonusFen).en}`,
      }),
    );
    run = 0;
  }
  return { lines, monthsWithoutClassIAtEnd: run };
}
