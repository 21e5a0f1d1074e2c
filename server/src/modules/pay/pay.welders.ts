/**
 * PAY-3/PAY-3b proposals at the end of a month for the people in scope paid by a welder grade or in probation: the
 * grade-up after the policy's months at the grade with an exam passed since, and the probation assessment due from
 * the shortest probation (overdue past the longest), counted from the hire date. core's welderProposal explains each;
 * the GM decides (the pay profile is changed by HR, audited).
 */
import { type TWelderProposalOut, localInstant, monthDates, monthInstants, welderProposal } from '@techserve/core';
import { type Ctx, can } from '../../http/context';
import { forbidden } from '../../http/errors';
import { staffInScope } from '../appraisal/appraisal.repository';
import { policyOn } from '../policy/policy-in-force';
import { examResultsBetween } from '../staff-training/staff-training.repository';
import * as repo from './pay.repository';

export async function welderProposals(ctx: Ctx, month: string): Promise<{ items: TWelderProposalOut[] }> {
  if (!can(ctx.actor, 'pay.read')) throw forbidden('This needs the permission "pay.read"');
  const db = ctx.db;
  const asOf = monthDates(month).last;
  const staff = await staffInScope(db, ctx.actor);
  const profiles = (
    await repo.profilesOf(
      db,
      staff.map((s) => s.id),
    )
  ).filter((p) => p.welder_grade !== null || p.probation === 1);
  const ids = profiles.map((p) => p.user_id);
  const earliest = profiles.map((p) => p.welder_grade_since ?? asOf).sort()[0] ?? asOf;
  const [policy, hired, exams] = await Promise.all([
    policyOn(db, asOf),
    repo.hireDatesOf(db, ids),
    examResultsBetween(db, {
      from: new Date(localInstant(ctx.timeZone, earliest, '00:00')).toISOString(),
      to: new Date(monthInstants(month, ctx.timeZone).end).toISOString(),
      userIds: ids,
    }),
  ]);
  const hireDate = new Map(hired.map((h) => [h.id, h.hire_date]));
  const nameOf = new Map(staff.map((s) => [s.id, s.name]));
  return {
    items: profiles.map((p) => {
      const since = p.welder_grade_since;
      const from = since === null ? null : localInstant(ctx.timeZone, since, '00:00');
      const examPassedSince = from !== null && exams.some((e) => e.userId === p.user_id && e.passed && Date.parse(e.gradedAt) >= from);
      const proposal = welderProposal(policy.document.pay, policy.number, asOf, {
        grade: p.welder_grade,
        gradeSince: since,
        probation: p.probation === 1,
        hireDate: hireDate.get(p.user_id) ?? null,
        examPassedSince,
      });
      return Object.assign(
        { userId: p.user_id, userName: nameOf.get(p.user_id) ?? '', welderGrade: p.welder_grade, probation: p.probation === 1 },
        proposal,
      );
    }),
  };
}
