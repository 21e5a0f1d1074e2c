import {
  type TLetterStatus,
  type TStandup,
  type TStandupPlan,
  type TStandupPlanPut,
  type TStandupQuery,
  localDateOf,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, can } from '../../http/context';
import { forbidden, invalidValue, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { addDays, localRange } from './field.dates';
import { engineersInView } from './field.team';
import { boardLetters } from './letters.repository';
import { letterNumber } from './letters.service';
import * as repo from './standup.repository';

// FS-11: the daily stand-up — each engineer's unsolved items today and tomorrow's plan.

const ON_SITE: TLetterStatus[] = ['on_site', 'return_requested'];
const PLANNED: TLetterStatus[] = ['draft', 'submitted', 'approved', 'on_site'];

export async function standup(ctx: Ctx, q: TStandupQuery): Promise<TStandup> {
  const date = q.date ?? localDateOf(ctx.clock.now().getTime());
  const tomorrow = addDays(date, 1);
  const { teamId, engineers } = await engineersInView(ctx.db, ctx.actor, q.teamId);
  const ids = engineers.map((e) => e.id);
  const none = ids.length ? ids : [0];
  const { start, end } = localRange(tomorrow, tomorrow);
  const [tickets, onSite, appointments, plans] = await Promise.all([
    repo.openTicketsOf(ctx.db, none),
    repo.onSiteLettersOf(ctx.db, none, ON_SITE),
    boardLetters(ctx.db, none, PLANNED, start, end),
    repo.plansOf(ctx.db, none, tomorrow),
  ]);
  return {
    date,
    tomorrow,
    teamId,
    engineers: engineers.map((e) => {
      const plan = plans.find((p) => p.user_id === e.id);
      return {
        userId: e.id,
        name: e.name,
        unsolvedTickets: tickets
          .filter((t) => t.assignee_id === e.id)
          .map((t) => ({ id: t.id, number: t.number, title: t.title, state: t.state, customerName: t.customer_name })),
        lettersOnSite: onSite
          .filter((l) => l.user_id === e.id)
          .map((l) => ({ id: l.id, number: letterNumber(l.id), status: l.status, customerName: l.customer_name })),
        tomorrowAppointments: appointments
          .filter((a) => a.user_id === e.id)
          .map((a) => ({
            letterId: a.id,
            number: letterNumber(a.id),
            customerName: a.customer_name,
            appointmentAt: a.appointment_at as string,
            estimatedMinutes: a.estimated_minutes,
          })),
        tomorrowPlan: plan ? toPlan(plan) : null,
      };
    }),
  };
}

const toPlan = (p: {
  user_id: number;
  date: string;
  text: string;
  updated_by: number;
  updated_by_name: string;
  updated_at: string;
  version: number;
}): TStandupPlan => ({
  userId: p.user_id,
  date: p.date,
  text: p.text,
  updatedBy: p.updated_by,
  updatedByName: p.updated_by_name,
  updatedAt: p.updated_at,
  version: p.version,
});

/** FS-11: the engineer writes their plan for a day, or their team's lead/deputy, or a dispatcher whose scope covers them. */
async function assertMayPlanFor(ctx: Ctx, userId: number) {
  if (userId === ctx.actor.id) return;
  const user = await repo.userWithTeamLeads(ctx.db, userId);
  if (!user) throw invalidValue('body.userId', 'no such user');
  if (user.lead_id === ctx.actor.id || user.deputy_id === ctx.actor.id) return;
  if (can(ctx.actor, 'field.dispatch')) {
    const { scope, departmentId, teamId } = ctx.actor;
    if (
      scope === 'all' ||
      (scope === 'department' && departmentId != null && user.department_id === departmentId) ||
      (scope === 'team' && teamId != null && user.team_id === teamId)
    )
      return;
  }
  throw forbidden('Only the engineer, their team lead or a dispatcher writes this plan');
}

export async function putPlan(ctx: Ctx, body: TStandupPlanPut): Promise<TStandupPlan> {
  await assertMayPlanFor(ctx, body.userId);
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const existing = await repo.planRow(db, body.userId, body.date);
    if (existing) {
      if (body.version !== existing.version) throw versionConflict('The plan');
      await repo.updatePlanAtVersion(db, existing.id, existing.version, {
        text: body.text,
        updated_by: ctx.actor.id,
        updated_at: at,
        version: existing.version + 1,
      });
    } else {
      if (body.version != null) throw versionConflict('The plan');
      await repo.insertPlan(db, {
        user_id: body.userId,
        date: body.date,
        text: body.text,
        updated_by: ctx.actor.id,
        created_at: at,
        updated_at: at,
      });
    }
    await recordAudit(db, ctx, {
      action: existing ? 'standup_plan.update' : 'standup_plan.create',
      entity: 'standup_plan',
      entityId: `${body.userId}:${body.date}`,
      before: existing && { text: existing.text },
      after: { text: body.text },
    });
  });
  const row = await repo.planOf(ctx.db, body.userId, body.date);
  return toPlan(row);
}
