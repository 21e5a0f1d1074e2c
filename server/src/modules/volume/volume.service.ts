/**
 * WR-7 completed work volume (完成工程量统计表): project engineers report last month's metres by pipe type, diameter
 * band and job type per project, due by the policy's day of the next month (the 3rd); the project's manager verifies
 * them (工程部经理核实), correcting metres where needed. The verified volume is the input of piece-rate pay (PAY-3).
 *
 * API for other modules: `volumeForMonth(db, month, userIds?)` — set-based read of the month's verified lines
 * (person, project, pipe type, band, job type, metres) for many people at once; the appraisal prices them.
 */
import {
  phraseOf,
  type TJobType,
  type TReportsPolicy,
  type TVolumeDecision,
  type TVolumeListQuery,
  type TVolumeReport,
  type TVolumeReportCreate,
  type TVolumeReportUpdate,
  type TVolumeSummary,
  monthDates,
  toCentimetres,
  toMetres,
  volumeLineProblem,
  volumeTotals,
} from '@techserve/core';
import { nowIso, todayOf } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { fieldDetail, forbidden, notFound, refuse } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { assertMonthOpen } from '../months/months.service';
import { notify } from '../notifications/notifications.service';
import { fulfilObligation, reopenObligation } from '../obligations/obligations.service';
import { policyOn } from '../policy/policy-in-force';
import { obligationsBySubject } from '../reports/reports.compile';
import * as repo from './volume.repository';

const LINK = '/reports/volume';

const names = (policy: TReportsPolicy, pipeType: string, band: string) => {
  const pipe = policy.workVolume.pipeTypes.find((p) => p.id === pipeType);
  const b = pipe?.bands.find((x) => x.id === band);
  return { pipeTypeName: pipe?.name ?? { 'zh-CN': pipeType, en: pipeType }, bandName: b?.name ?? { 'zh-CN': band, en: band } };
};

const policyOfMonth = async (db: Db, month: string) => (await policyOn(db, monthDates(month).last)).document.reports;

async function toReports(db: Db, rows: repo.VolumeRow[], nowMs: number): Promise<TVolumeReport[]> {
  const lines = await repo.linesOf(
    db,
    rows.map((r) => r.id),
  );
  const obligations = await obligationsBySubject(
    db,
    'work_volume',
    'project',
    rows.map((r) => ({ ownerId: r.user_id, period: r.month, subjectId: r.project_id })),
    nowMs,
  );
  const policies = new Map<string, TReportsPolicy>();
  for (const m of new Set(rows.map((r) => r.month))) policies.set(m, await policyOfMonth(db, m));
  return rows.map((r) => {
    const policy = policies.get(r.month) as TReportsPolicy;
    const own = lines.filter((l) => l.report_id === r.id);
    const verified = r.status === 'verified';
    return {
      id: r.id,
      userId: r.user_id,
      userName: r.user_name,
      projectId: r.project_id,
      projectName: r.project_name,
      month: r.month,
      status: r.status as TVolumeReport['status'],
      note: r.note,
      lines: own.map((l) => ({
        id: l.id,
        pipeType: l.pipe_type,
        band: l.band,
        ...names(policy, l.pipe_type, l.band),
        jobType: l.job_type as TJobType,
        metres: toMetres(Number(l.centimetres)),
        verifiedMetres: l.verified_centimetres == null ? null : toMetres(Number(l.verified_centimetres)),
      })),
      totalMetres: toMetres(own.reduce((a, l) => a + Number(l.centimetres), 0)),
      verifiedMetres: verified ? toMetres(own.reduce((a, l) => a + Number(l.verified_centimetres ?? 0), 0)) : null,
      submittedAt: r.submitted_at,
      decidedBy: r.decided_by != null ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
      decidedAt: r.decided_at,
      decisionComment: r.decision_comment,
      obligation: obligations.get(`${r.user_id}|${r.month}|${r.project_id}`) ?? null,
      version: r.version,
    };
  });
}

async function reportRow(ctx: Ctx, id: number, db: Db = ctx.db) {
  const row = await repo.volumeInScope(db, ctx.actor, id);
  if (!row) throw notFound('Volume report');
  return row;
}

export async function getVolumeReport(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TVolumeReport> {
  return (await toReports(db, [await reportRow(ctx, id, db)], ctx.clock.now().getTime()))[0];
}

async function checkedLines(db: Db, month: string, lines: TVolumeReportCreate['lines']) {
  const policy = await policyOfMonth(db, month);
  const problem = volumeLineProblem(policy, lines);
  if (problem) {
    const l = lines[problem.index];
    const params = { pipeType: l.pipeType, band: l.band };
    throw refuse('invalid_value', problem.reason, params, {
      ruleId: 'WR-7',
      details: [fieldDetail(`body.lines.${problem.index}.${problem.field}`, problem.reason, params)],
    });
  }
  return lines.map((l) => ({ pipe_type: l.pipeType, band: l.band, job_type: l.jobType, centimetres: toCentimetres(l.metres) }));
}

function assertMonthEnded(ctx: Ctx, month: string) {
  if (monthDates(month).last >= todayOf(ctx)) throw refuse('rule_violation', 'reports.monthNotEnded', { month }, { ruleId: 'WR-7' });
}

/**
 * WR-7: a project member reports a month's volume — the month ended (422) and still open (409), once per project and
 * month (409), pipe types and bands of the policy (422) — fulfilling the obligation by the time received; the
 * project's manager is asked to verify.
 */
export async function createVolumeReport(ctx: Ctx, body: TVolumeReportCreate): Promise<TVolumeReport> {
  if (!can(ctx.actor, 'reports.write')) throw forbidden('This needs the permission "reports.write"');
  assertMonthEnded(ctx, body.month);
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    await assertMonthOpen(db, body.month);
    const project = await repo.projectFor(db, body.projectId, ctx.actor.id);
    if (!project || project.member == null)
      throw refuse(
        'invalid_value',
        'volume.notMember',
        {},
        { ruleId: 'WR-7', details: [fieldDetail('body.projectId', 'volume.notMember')] },
      );
    const existing = await repo.reportOf(db, ctx.actor.id, body.projectId, body.month);
    if (existing) throw refuse('conflict', 'volume.exists', { month: body.month, id: existing.id }, { ruleId: 'WR-7' });
    const lines = await checkedLines(db, body.month, body.lines);
    const row = await repo.insertReport(db, {
      user_id: ctx.actor.id,
      project_id: body.projectId,
      month: body.month,
      status: 'submitted',
      note: body.note ?? '',
      submitted_at: at,
      team_id: ctx.actor.teamId,
      department_id: ctx.actor.departmentId ?? project.department_id,
      created_at: at,
      updated_at: at,
    });
    await repo.replaceLines(db, row.id, lines);
    await recordAudit(db, ctx, { action: 'report.volume.create', entity: 'volume_report', entityId: row.id, after: { ...body } });
    await fulfilObligation(db, ctx, {
      facts: { kind: 'work_volume', month: body.month },
      ownerId: ctx.actor.id,
      subject: { type: 'project', id: body.projectId },
      receivedAt: at,
      evidence: { type: 'volume_report', id: row.id },
      link: LINK,
    });
    if (project.manager_id != null && project.manager_id !== ctx.actor.id)
      await notify(db, at, {
        userIds: [project.manager_id],
        kind: 'volume_verify',
        message: 'volume.toVerify',
        params: { name: ctx.actor.name, project: project.name, month: body.month },
        link: `${LINK}/${row.id}`,
      });
    return row.id;
  });
  return getVolumeReport(ctx, id);
}

/** The author changes a submitted or rejected report while its month is open; a rejected one is reported again. */
export async function updateVolumeReport(ctx: Ctx, id: number, body: TVolumeReportUpdate): Promise<TVolumeReport> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await reportRow(ctx, id, db);
    if (row.user_id !== ctx.actor.id) throw refuse('forbidden', 'reports.notYours');
    if (row.status === 'verified') throw refuse('illegal_transition', 'volume.notEditable', {}, { ruleId: 'WR-7' });
    await assertMonthOpen(db, row.month);
    const lines = await checkedLines(db, row.month, body.lines);
    await repo.bumpReport(
      db,
      id,
      body.version,
      { status: 'submitted', note: body.note ?? '', submitted_at: at, decided_by: null, decided_at: null, decision_comment: null },
      at,
    );
    await repo.replaceLines(db, id, lines);
    await recordAudit(db, ctx, {
      action: 'report.volume.update',
      entity: 'volume_report',
      entityId: id,
      before: { status: row.status },
      after: { lines: body.lines },
    });
    if (row.status === 'rejected')
      await fulfilObligation(db, ctx, {
        facts: { kind: 'work_volume', month: row.month },
        ownerId: row.user_id,
        subject: { type: 'project', id: row.project_id },
        receivedAt: at,
        evidence: { type: 'volume_report', id },
      });
  });
  return getVolumeReport(ctx, id);
}

/**
 * WR-7: the project's manager (or projects.manage within scope) verifies the volume — with corrected metres per line
 * where the actual volume differs — or sends it back (the engineer's obligation is open again). Not one's own; the
 * month must be open.
 */
export async function decideVolumeReport(ctx: Ctx, id: number, body: TVolumeDecision): Promise<TVolumeReport> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await reportRow(ctx, id, db);
    if (row.manager_id !== ctx.actor.id && !can(ctx.actor, 'projects.manage')) throw refuse('forbidden', 'volume.notVerifier');
    if (row.user_id === ctx.actor.id) throw refuse('forbidden', 'volume.ownReport');
    if (row.status !== 'submitted') throw refuse('illegal_transition', 'volume.notPending', {}, { ruleId: 'WR-7' });
    await assertMonthOpen(db, row.month);
    const lineIds = new Set((await repo.linesOf(db, [id])).map((l) => l.id));
    const bad = body.corrections.findIndex((c) => !lineIds.has(c.lineId));
    if (bad >= 0)
      throw refuse(
        'invalid_value',
        'common.notFound',
        { entity: 'line' },
        { details: [fieldDetail(`body.corrections.${bad}.lineId`, 'common.notFound', { entity: 'line' })] },
      );
    const set = {
      status: body.approve ? 'verified' : 'rejected',
      decided_by: ctx.actor.id,
      decided_at: at,
      decision_comment: body.comment ?? null,
    };
    await repo.bumpReport(db, id, body.version, set, at);
    if (body.approve) await repo.setVerified(db, id, new Map(body.corrections.map((c) => [c.lineId, toCentimetres(c.metres)])));
    else
      await reopenObligation(
        db,
        ctx,
        { facts: { kind: 'work_volume', month: row.month }, ownerId: row.user_id, subject: { type: 'project', id: row.project_id } },
        'volume sent back',
      );
    await recordAudit(db, ctx, {
      action: body.approve ? 'report.volume.verify' : 'report.volume.reject',
      entity: 'volume_report',
      entityId: id,
      before: { status: row.status },
      after: { ...set, corrections: body.corrections },
    });
    await notify(db, at, {
      userIds: [row.user_id],
      kind: 'volume_decided',
      message: body.approve ? 'volume.verified' : 'volume.sentBack',
      params: {
        project: row.project_name,
        month: row.month,
        name: ctx.actor.name,
        note: body.comment ? phraseOf('common.note', { text: body.comment }) : '',
      },
      link: `${LINK}/${id}`,
    });
  });
  return getVolumeReport(ctx, id);
}

export async function listVolumeReports(ctx: Ctx, q: TVolumeListQuery) {
  const after = decodeCursor(q.cursor, 1);
  const rows = await repo.volumePage(
    ctx.db,
    ctx.actor,
    {
      userId: q.view === 'mine' ? ctx.actor.id : undefined,
      managerId: q.view === 'verify' && !can(ctx.actor, 'projects.manage') ? ctx.actor.id : undefined,
      month: q.month,
      projectId: q.projectId,
      status: q.status,
      beforeId: after ? Number(after[0]) : null,
    },
    q.limit + 1,
  );
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: await toReports(ctx.db, items, ctx.clock.now().getTime()), nextCursor };
}

/** WR-7: the month's verified metres by project, pipe type, diameter band and job type (in the actor's scope). */
export async function volumeSummary(ctx: Ctx, month: string, projectId?: number): Promise<TVolumeSummary> {
  const policy = await policyOfMonth(ctx.db, month);
  const [totals, counts] = await Promise.all([
    repo.verifiedTotals(ctx.db, ctx.actor, month, projectId),
    repo.statusCounts(ctx.db, ctx.actor, month, projectId),
  ]);
  const projects = [...new Map(totals.map((t) => [t.project_id, t.project_name])).entries()].sort((a, b) => a[0] - b[0]);
  const rows = projects.flatMap(([id, name]) =>
    volumeTotals(
      policy,
      totals
        .filter((t) => t.project_id === id)
        .map((t) => ({ pipeType: t.pipe_type, band: t.band, jobType: t.job_type as TJobType, centimetres: Number(t.cm ?? 0) })),
    ).map((t) => ({ projectId: id, projectName: name, ...t, ...names(policy, t.pipeType, t.band), metres: toMetres(t.centimetres) })),
  );
  const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  return {
    month,
    rows: rows.map(({ centimetres: _c, ...r }) => r),
    reports: { submitted: n('submitted'), verified: n('verified'), rejected: n('rejected') },
  };
}

export async function myProjects(ctx: Ctx) {
  return { items: await repo.memberProjects(ctx.db, ctx.actor.id) };
}

/** Set-based (PAY-3, read by the appraisal): the month's verified lines for many people, or everyone. */
export async function volumeForMonth(db: Db, month: string, userIds?: number[]) {
  const rows = await repo.verifiedLinesForMonth(db, month, userIds ?? null);
  return rows.map((r) => ({
    reportId: r.report_id,
    userId: r.user_id,
    projectId: r.project_id,
    lineId: r.id,
    pipeType: r.pipe_type,
    band: r.band,
    jobType: r.job_type as TJobType,
    metres: toMetres(Number(r.verified_centimetres ?? 0)),
  }));
}
