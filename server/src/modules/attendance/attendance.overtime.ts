import {
  phraseOf,
  type TEvalPunch,
  type TOvertime,
  type TOvertimeCreate,
  type TOvertimeDecision,
  type TOvertimeLine,
  type TOvertimeListQuery,
  type TOvertimeMonth,
  ZOvertimeCreate,
  computeOvertime,
  explain,
  localInstant,
  monthDates,
  overtimeDay,
  plusDays,
  shiftOn,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { forbidden, notFound, refuse, versionConflict } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { assertMonthOpen, bookAdjustment, isMonthClosed } from '../months/months.service';
import { notify } from '../notifications/notifications.service';
import { approversOf } from '../org/approvers';
import { type Person, RulesBook, peopleOf } from './attendance.evaluation';
import * as repo from './attendance.repository';

/**
 * AT-5/AT-5b (issue 14 item 13): overtime is requested in advance by the employee (voluntary) or ordered by the
 * project's manager or the employee's superior (ordered), and approved by the superior (attendance.approve, in scope,
 * never one's own). The hours worked are computed by core from the punches outside the shift, the rate from the day
 * kind on the person's calendar and the policy; overtimeForMonth gives the payroll a month's lines set-based.
 */

const toOvertime = (r: repo.OvertimeRow): TOvertime => ({
  id: r.id,
  userId: r.user_id,
  userName: r.user_name,
  kind: r.kind as TOvertime['kind'],
  projectId: r.project_id,
  date: r.date,
  start: r.start_time,
  end: r.end_time,
  startAt: r.start_at,
  endAt: r.end_at,
  reason: r.reason,
  status: r.status as TOvertime['status'],
  requestedByName: r.requested_by_name,
  decidedByName: r.decided_by_name,
  decidedAt: r.decided_at,
  decisionComment: r.decision_comment,
  createdAt: r.created_at,
  version: r.version,
});

const byId = (db: Db, id: number) => repo.overtimeQuery(db).where('o.id', '=', id).executeTakeFirstOrThrow();

/** Whose overtime this is: one's own (voluntary), or, ordered, someone the project's manager or the superior names. */
async function workerOf(db: Db, ctx: Ctx, body: ReturnType<typeof ZOvertimeCreate.parse>): Promise<repo.StaffRow> {
  if (body.kind === 'voluntary') {
    const [me] = await repo.staffRows(db, { ids: [ctx.actor.id] });
    if (!me) throw refuse('forbidden', 'attendance.notStaff', { userId: ctx.actor.id });
    return me;
  }
  const userId = body.userId!;
  const project = body.projectId !== undefined ? await repo.projectManager(db, body.projectId) : undefined;
  if (project?.manager_id === ctx.actor.id) {
    const [row] = await repo.staffRows(db, { ids: [userId] });
    if (!row) throw refuse('not_found', 'attendance.notStaff', { userId });
    return row;
  }
  const row = can(ctx.actor, 'attendance.approve') ? await repo.staffInScope(db, ctx.actor, userId) : undefined;
  if (!row) throw refuse('forbidden', 'attendance.overtimeOrderNotAllowed', {}, { ruleId: 'AT-5b' });
  return row;
}

export async function requestOvertime(ctx: Ctx, input: TOvertimeCreate): Promise<TOvertime> {
  const body = ZOvertimeCreate.parse(input);
  const at = nowIso(ctx.clock);
  const nowMs = ctx.clock.now().getTime();
  const id = await ctx.db.transaction().execute(async (db) => {
    const worker = await workerOf(db, ctx, body);
    const [person] = await peopleOf(db, [worker]);
    await assertMonthOpen(db, body.date);
    const tz = person.cal.timeZone;
    const startAt = localInstant(tz, body.date, body.start);
    const endAt = localInstant(tz, body.end <= body.start ? plusDays(body.date, 1) : body.date, body.end);
    // AT-5: applied for in advance; an order (a deadline, an emergency) may come while it is needed, not after.
    if (body.kind === 'voluntary' && startAt <= nowMs)
      throw refuse('rule_violation', 'attendance.overtimeNotInAdvance', { date: body.date, start: body.start }, { ruleId: 'AT-5' });
    if (body.kind === 'ordered' && endAt <= nowMs)
      throw refuse(
        'rule_violation',
        'attendance.overtimeTooLate',
        { date: body.date, start: body.start, end: body.end },
        { ruleId: 'AT-5' },
      );
    const startIso = new Date(startAt).toISOString();
    const endIso = new Date(endAt).toISOString();
    const clash = await repo.overlappingOvertime(db, worker.id, startIso, endIso);
    if (clash) throw refuse('conflict', 'attendance.overtimeOverlap', { id: clash.id });
    const row = await repo.insertOvertime(db, {
      user_id: worker.id,
      kind: body.kind,
      project_id: body.projectId ?? null,
      date: body.date,
      start_time: body.start,
      end_time: body.end,
      start_at: startIso,
      end_at: endIso,
      reason: body.reason,
      status: 'submitted',
      requested_by: ctx.actor.id,
      decided_by: null,
      decided_at: null,
      decision_comment: null,
      site_id: worker.site_id,
      team_id: worker.team_id,
      department_id: worker.department_id,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, {
      action: `attendance.overtime.${body.kind}`,
      entity: 'attendance_overtime',
      entityId: row.id,
      after: body,
    });
    const approvers = await approversOf(
      db,
      { user_id: worker.id, team_id: worker.team_id, department_id: worker.department_id },
      'attendance.approve',
    );
    const when = `${body.date} ${body.start}–${body.end}`;
    await notify(db, at, {
      userIds: approvers.filter((u) => u !== worker.id),
      kind: 'attendance_overtime',
      message: 'attendance.overtimeAsked',
      params: { name: worker.name, when, reason: body.reason },
      link: '/attendance/overtime',
    });
    if (body.kind === 'ordered')
      await notify(db, at, {
        userIds: [worker.id],
        kind: 'attendance_overtime',
        message: 'attendance.overtimeOrdered',
        params: { when, reason: body.reason },
        link: '/attendance/overtime',
      });
    return row.id;
  });
  return toOvertime(await byId(ctx.db, id));
}

export async function listOvertime(ctx: Ctx, q: TOvertimeListQuery) {
  let query = repo.overtimeQuery(ctx.db);
  if (q.view === 'mine') query = query.where('o.user_id', '=', ctx.actor.id);
  else {
    if (!can(ctx.actor, 'attendance.approve') && !can(ctx.actor, 'attendance.read')) throw forbidden();
    query = query.where('o.user_id', '!=', ctx.actor.id).where((eb) => repo.attendanceScope(eb, ctx.actor, 'o'));
    if (q.view === 'inbox') query = query.where('o.status', '=', 'submitted');
  }
  if (q.status) query = query.where('o.status', '=', q.status);
  const after = cursorId(q.cursor);
  if (after !== null) query = query.where('o.id', '<', after);
  const rows = await query
    .orderBy('o.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: items.map(toOvertime), nextCursor };
}

/**
 * AT-5b: the superior approves or rejects (attendance.approve, within scope, never their own). "The month": approved
 * after its month closed, the overtime is paid in the next open month — its line computed now from the frozen
 * punches and booked there as an adjustment (bookOvertimeLate), the closed month's lines unchanged.
 */
export async function decideOvertime(ctx: Ctx, id: number, body: TOvertimeDecision): Promise<TOvertime> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const o = await repo
      .overtimeQuery(db)
      .where('o.id', '=', id)
      .where((eb) => repo.attendanceScope(eb, ctx.actor, 'o'))
      .executeTakeFirst();
    if (!o) throw notFound('Overtime');
    if (o.user_id === ctx.actor.id) throw refuse('forbidden', 'attendance.ownOvertime', {}, { ruleId: 'AT-5b' });
    if (o.status !== 'submitted') throw refuse('illegal_transition', 'attendance.overtimeDecided', { status: o.status });
    if (o.version !== body.version) throw versionConflict('The overtime');
    const status = body.approve ? 'approved' : 'rejected';
    const decided = await repo.decideOvertimeRow(db, id, o.version, {
      status,
      decided_by: ctx.actor.id,
      decided_at: at,
      decision_comment: body.comment ?? null,
      updated_at: at,
    });
    if (!decided) throw versionConflict('The overtime');
    const month = o.date.slice(0, 7);
    const booked = body.approve && (await isMonthClosed(db, month)) ? await bookOvertimeLate(db, ctx, o) : null;
    await recordAudit(db, ctx, {
      action: `attendance.overtime.${body.approve ? 'approve' : 'reject'}`,
      entity: 'attendance_overtime',
      entityId: id,
      before: { status: o.status },
      after: { status, comment: body.comment ?? null, bookedMonth: booked?.month ?? null, adjustmentId: booked?.id ?? null },
    });
    const when = `${o.date} ${o.start_time}–${o.end_time}`;
    await notify(db, at, {
      userIds: [o.user_id],
      kind: 'attendance_overtime',
      message: 'attendance.overtimeDecided',
      params: {
        when,
        decision: phraseOf(body.approve ? 'attendance.approved' : 'attendance.rejected'),
        late: booked ? phraseOf('attendance.overtimeLate', { month, booked: booked.month }) : '',
        comment: body.comment ?? '',
      },
      link: '/attendance/overtime',
    });
  });
  return toOvertime(await byId(ctx.db, id));
}

/** The adjustment of an overtime approved after its month closed: its computed line, booked in the next open month. */
async function bookOvertimeLate(db: Db, ctx: Ctx, o: repo.OvertimeRow) {
  const month = o.date.slice(0, 7);
  const [staff] = await repo.staffRows(db, { ids: [o.user_id] });
  const [line] = await linesOfRows(db, await peopleOf(db, [staff]), [Object.assign({}, o, { status: 'approved' })], null);
  const hours = `${line.paidHours} h × ${line.ratePercent}%`;
  const adj = await bookAdjustment(db, ctx, {
    userId: o.user_id,
    kind: 'attendance_overtime',
    ruleId: 'AT-5b',
    fact: { type: 'attendance_overtime', id: o.id, month },
    explanation: {
      'zh-CN': `${o.date} ${o.start_time}–${o.end_time} 加班在 ${month} 结账后批准：${line.paidHours} 小时（${line.ratePercent}%）作为调整记入本月`,
      en: `Overtime ${o.date} ${o.start_time}–${o.end_time} approved after ${month} closed: ${hours} booked as an adjustment`,
    },
    delta: {
      overtimeId: o.id,
      date: o.date,
      dayKind: line.dayKind,
      paidMinutes: line.paidMinutes,
      ratePercent: line.ratePercent,
      compensation: line.compensation,
    },
  });
  await repo.bookOvertimeInto(db, o.id, adj.month, adj.id);
  return adj;
}

/** Set-based: the lines of the approved overtime a month pays, of these people, computed by core. */
async function linesOf(db: Db, people: Person[], month: string): Promise<TOvertimeLine[]> {
  const rows = await repo.approvedOvertimePaidIn(
    db,
    Object.assign({ month }, monthDates(month)),
    people.map((p) => p.id),
  );
  return linesOfRows(db, people, rows, month);
}

/** The lines of these overtime rows (`month`: the month paying them, which marks the late-booked ones). */
async function linesOfRows(db: Db, people: Person[], rows: repo.OvertimeRow[], month: string | null): Promise<TOvertimeLine[]> {
  if (rows.length === 0) return [];
  const dates = rows.map((r) => r.date).sort();
  const [from, to] = [dates[0], dates[dates.length - 1]];
  const withOvertime = [...new Set(rows.map((r) => r.user_id))];
  // A window past midnight reads the next day's punches; one before its start may begin the day before.
  const [punches, corrections] = await Promise.all([
    repo.punchFactsBetween(db, withOvertime, plusDays(from, -1), plusDays(to, 1)),
    repo.approvedCorrections(db, withOvertime, plusDays(from, -1), plusDays(to, 1)),
  ]);
  const punchesOf = new Map<number, TEvalPunch[]>();
  const add = (userId: number, p: TEvalPunch) => punchesOf.set(userId, [...(punchesOf.get(userId) ?? []), p]);
  for (const p of punches) add(p.user_id, { at: Date.parse(p.at), source: p.source as TEvalPunch['source'] });
  for (const c of corrections) add(c.user_id, { at: Date.parse(c.at), source: 'correction' });
  const personOf = new Map(people.map((p) => [p.id, p]));
  const book = new RulesBook(db);
  const lines: TOvertimeLine[] = [];
  for (const r of rows) {
    const person = personOf.get(r.user_id)!;
    const late = month !== null && r.date.slice(0, 7) !== month;
    const [rules, policy] = await Promise.all([book.rules(person, r.date), book.policy(r.date)]);
    const result = computeOvertime({
      timeZone: person.cal.timeZone,
      policy: policy.document.attendance.overtime,
      policyVersion: policy.number,
      request: { id: r.id, start: Date.parse(r.start_at), end: Date.parse(r.end_at) },
      day: overtimeDay(person.cal, r.date),
      shift: shiftOn(person.cal, r.date, rules),
      punches: punchesOf.get(r.user_id) ?? [],
    });
    lines.push({
      overtimeId: r.id,
      userId: r.user_id,
      userName: r.user_name,
      employeeNo: r.employee_no,
      kind: r.kind as TOvertimeLine['kind'],
      date: r.date,
      start: r.start_time,
      end: r.end_time,
      dayKind: result.dayKind,
      approvedMinutes: result.approvedMinutes,
      workedMinutes: result.workedMinutes,
      paidMinutes: result.paidMinutes,
      paidHours: Math.round((result.paidMinutes / 60) * 100) / 100,
      ratePercent: result.ratePercent,
      compensation: result.compensation,
      policyVersion: policy.number,
      bookedFrom: late ? r.date.slice(0, 7) : null,
      explanations: late ? [...result.explanations, lateNote(r, month)] : result.explanations,
    });
  }
  return lines;
}

/**
 * For the payroll (PAY-5): the month's approved overtime of many people at once (everyone on staff when userIds is
 * omitted), one line per overtime with the paid hours, the rate (150/200/300 % by the day kind, policy values) or time
 * off instead, and the explanations (which punches, which intervals, the rounding, the paid basis, the day kind).
 */
export async function overtimeForMonth(db: Db, month: string, userIds?: number[]): Promise<TOvertimeLine[]> {
  const people = await peopleOf(db, await repo.staffRows(db, { ids: userIds ?? null }));
  return linesOf(db, people, month);
}

/** AT-5b: why a line of an earlier month is paid in this one. */
const lateNote = (r: repo.OvertimeRow, month: string) =>
  explain({
    ruleId: 'AT-5b',
    policyVersion: null,
    inputs: { overtimeId: r.id, date: r.date, decidedAt: r.decided_at },
    result: { paidIn: month },
    zh: `${r.date.slice(0, 7)} 结账后才批准，作为调整记入 ${month}`,
    en: `approved after ${r.date.slice(0, 7)} closed, booked as an adjustment in ${month}`,
  });

const totalsOf = (lines: TOvertimeLine[]): TOvertimeMonth['totals'] => {
  const byRate = new Map<number, number>();
  let timeOffMinutes = 0;
  for (const l of lines)
    if (l.compensation === 'timeOff') timeOffMinutes += l.paidMinutes;
    else byRate.set(l.ratePercent, (byRate.get(l.ratePercent) ?? 0) + l.paidMinutes);
  return {
    byRate: [...byRate].sort((a, b) => a[0] - b[0]).map(([ratePercent, paidMinutes]) => ({ ratePercent, paidMinutes })),
    timeOffMinutes,
  };
};

/** A person's overtime month with explanations: one's own, or a person in one's scope (attendance.read). */
export async function overtimeMonth(ctx: Ctx, month: string, userId: number | undefined): Promise<TOvertimeMonth> {
  const id = userId ?? ctx.actor.id;
  let row: repo.StaffRow | undefined;
  if (id === ctx.actor.id) {
    if (!can(ctx.actor, 'attendance.punch') && !can(ctx.actor, 'attendance.read')) throw forbidden();
    [row] = await repo.staffRows(ctx.db, { ids: [id] });
  } else {
    if (!can(ctx.actor, 'attendance.read')) throw forbidden('This needs the permission "attendance.read"');
    row = await repo.staffInScope(ctx.db, ctx.actor, id);
  }
  if (!row) throw notFound('Member of staff');
  const people = await peopleOf(ctx.db, [row]);
  const lines = await linesOf(ctx.db, people, month);
  return { userId: row.id, userName: row.name, month, closed: await isMonthClosed(ctx.db, month), lines, totals: totalsOf(lines) };
}

/** The month's overtime lines of everyone in the actor's scope (attendance.read): what the payroll export reads. */
export async function overtimeLinesInScope(ctx: Ctx, month: string) {
  const people = await peopleOf(ctx.db, await repo.staffRows(ctx.db, { actor: ctx.actor }));
  return { month, closed: await isMonthClosed(ctx.db, month), items: await linesOf(ctx.db, people, month) };
}
