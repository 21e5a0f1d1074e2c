/**
 * PAY-3b: the probation assessment (转正考核) recorded by HR: the five items of the rule, the result by core's
 * assessProbation, and when passed the conversion: the pay profile leaves probation for the regular grade or tier,
 * the welder grade counting from the conversion date. The payroll reads the conversion date (pay.service), so the
 * month of conversion pays the days before it at probation pay. A failed assessment converts nobody: the profile
 * stays in probation and the assessment stays due in the welder proposals.
 */
import {
  type TProbationAssessmentCreate,
  type TProbationAssessmentOut,
  type TProbationItem,
  type TExplanation,
  assessProbation,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, can } from '../../http/context';
import { forbidden, notFound, refuse, versionConflict } from '../../http/errors';
import { staffInScope } from '../appraisal/appraisal.repository';
import { recordAudit } from '../audit/audit.service';
import { policyOn } from '../policy/policy-in-force';
import * as payRepo from './pay.repository';
import * as repo from './pay.probation.repository';

const toOut = (r: repo.AssessmentRow): TProbationAssessmentOut => ({
  id: r.id,
  userId: r.user_id,
  userName: r.user_name,
  items: JSON.parse(r.items) as Record<TProbationItem, boolean>,
  result: r.result as 'passed' | 'failed',
  assessedOn: r.assessed_on,
  effectiveOn: r.effective_on,
  welderGrade: r.welder_grade,
  baseTierId: r.base_tier_id,
  note: r.note,
  assessedByName: r.assessed_by_name,
  explanation: JSON.parse(r.explanation) as TExplanation,
});

export async function listAssessments(ctx: Ctx, userId: number | undefined): Promise<{ items: TProbationAssessmentOut[] }> {
  if (!can(ctx.actor, 'pay.read')) throw forbidden('This needs the permission "pay.read"');
  return { items: (await repo.assessmentsInScope(ctx.db, ctx.actor, userId)).map(toOut) };
}

export async function recordAssessment(ctx: Ctx, body: TProbationAssessmentCreate): Promise<TProbationAssessmentOut> {
  if (!can(ctx.actor, 'pay.manage')) throw forbidden('This needs the permission "pay.manage"');
  const id = await ctx.db.transaction().execute(async (db) => {
    const [person] = await staffInScope(db, ctx.actor, body.userId);
    if (!person) throw notFound('Member of staff');
    const profile = (await payRepo.profilesOf(db, [body.userId]))[0];
    if (!profile || profile.probation !== 1) throw refuse('conflict', 'pay.notInProbation', {}, { ruleId: 'PAY-3b' });
    if (profile.version !== body.profileVersion) throw versionConflict('Pay profile');
    const policy = await policyOn(db, body.effectiveOn);
    const pay = policy.document.pay;
    if (!pay.baseTiers.some((t) => t.id === body.baseTierId))
      throw refuse('rule_violation', 'pay.unknownTier', { tierId: body.baseTierId }, { ruleId: 'PAY-1' });
    if (body.welderGrade !== null && !pay.engineerLevels.some((l) => l.level === body.welderGrade))
      throw refuse('rule_violation', 'pay.unknownGrade', { grade: body.welderGrade }, { ruleId: 'PAY-3' });
    const hireDate = (await payRepo.hireDatesOf(db, [body.userId]))[0]?.hire_date ?? null;
    const assessed = assessProbation(pay, policy.number, {
      items: body.items,
      assessedOn: body.assessedOn,
      effectiveOn: body.effectiveOn,
      hireDate,
    });
    if (!assessed.ok) throw refuse('rule_violation', assessed.reason, assessed.params, { ruleId: 'PAY-3b' });
    const at = nowIso(ctx.clock);
    const newId = await repo.insertAssessment(db, {
      user_id: body.userId,
      assessed_on: body.assessedOn,
      effective_on: body.effectiveOn,
      items: JSON.stringify(body.items),
      result: assessed.result,
      welder_grade: body.welderGrade,
      base_tier_id: body.baseTierId,
      policy_version: policy.number,
      explanation: JSON.stringify(assessed.explanation),
      note: body.note ?? '',
      assessed_by: ctx.actor.id,
      created_at: at,
    });
    if (assessed.result === 'passed') {
      const conversion = {
        userId: body.userId,
        baseTierId: body.baseTierId,
        fieldAllowance: profile.field_allowance === 1,
        welderGrade: body.welderGrade,
        welderGradeSince: body.welderGrade === null ? null : body.effectiveOn,
        probation: false,
        by: ctx.actor.id,
        at,
      };
      await payRepo.upsertProfile(db, conversion, body.profileVersion);
    }
    await recordAudit(db, ctx, {
      action: `pay.probation.${assessed.result}`,
      entity: 'pay_profile',
      entityId: body.userId,
      before: profile,
      after: Object.assign({ assessmentId: newId, result: assessed.result }, body),
    });
    return newId;
  });
  const row = (await repo.assessmentsInScope(ctx.db, ctx.actor, body.userId)).find((r) => r.id === id);
  return toOut(row as repo.AssessmentRow);
}
