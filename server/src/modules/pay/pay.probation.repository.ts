import type { Insertable } from 'kysely';
import type { PayProbationAssessmentsTable } from '../../db/schema.pay';
import type { Actor, Db } from '../../http/context';
import { scopeFilter } from '../../http/scope';

/* PAY-3b: the probation assessments in scope, a new one, and the conversion dates the payroll reads. */

const userScope = { owner: 'users.id', team: 'users.team_id', department: 'users.department_id' };

export function assessmentsInScope(db: Db, actor: Actor, userId: number | undefined) {
  let q = db
    .selectFrom('pay_probation_assessments as a')
    .innerJoin('users', 'users.id', 'a.user_id')
    .innerJoin('users as by', 'by.id', 'a.assessed_by')
    .selectAll('a')
    .select(['users.name as user_name', 'by.name as assessed_by_name'])
    .where((eb) => scopeFilter(eb, actor, userScope));
  if (userId !== undefined) q = q.where('a.user_id', '=', userId);
  return q.orderBy('a.assessed_on', 'desc').orderBy('a.id', 'desc').limit(500).execute();
}
export type AssessmentRow = Awaited<ReturnType<typeof assessmentsInScope>>[number];

export async function insertAssessment(db: Db, row: Insertable<PayProbationAssessmentsTable>) {
  return (await db.insertInto('pay_probation_assessments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** PAY-3b: the latest conversion date (a passed assessment) of each of these people. */
export async function conversionsOf(db: Db, userIds: number[]) {
  if (userIds.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom('pay_probation_assessments')
    .select(['user_id', 'effective_on'])
    .where('user_id', 'in', userIds)
    .where('result', '=', 'passed')
    .orderBy('effective_on')
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.effective_on]));
}
