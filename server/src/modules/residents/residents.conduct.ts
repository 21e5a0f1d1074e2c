import {
  EVALUATED_CONDUCT_ITEMS,
  type TAttendanceRollup,
  type TConductMonthOut,
  type TConductPoint,
  type TConductPointCreate,
  type TConductTotal,
  type TConductWithdraw,
  attendanceRules,
  conductCharge,
  conductMonth,
  explain,
  localDateInZone,
  monthDates,
} from '@techserve/core';
import { type FileStorage, acceptFile, newStorageKey } from '../../files';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, notFound, refuse, versionConflict } from '../../http/errors';
import { attendanceForMonth, peopleOf, RulesBook } from '../attendance/attendance.evaluation';
import { staffInScope, staffRows } from '../attendance/attendance.repository';
import { recordAudit } from '../audit/audit.service';
import { adjustmentsForMonth, assertMonthOpen, bookAdjustment, isMonthClosed } from '../months/months.service';
import { policyOn } from '../policy/policy-in-force';
import * as repo from './residents.repository';

/**
 * RS-9 (issue 14 item 10): conduct points (扣分). An offence of the policy's list (or the site's own list, POL-1) is
 * recorded by the resident lead or the client with evidence (text and an optional file) at the points in force that
 * day; late and seriously late points are the attendance evaluation's own (read from its roll-up, never recorded
 * twice). A closed month refuses new points (409) and books a withdrawal as an adjustment in the next open month.
 */

/** The adjustment kind a withdrawn point of a closed month is booked under (its delta: { points }). */
const ADJUSTMENT_KIND = 'conductPoints';
const FACT_TYPE = 'resident_conduct_point';
const EVIDENCE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf']);

const toPoint = (r: repo.ConductRow): TConductPoint => ({
  id: r.id,
  userId: r.user_id,
  userName: r.user_name,
  siteId: r.site_id,
  date: r.date,
  itemId: r.item_id,
  itemName: { 'zh-CN': r.item_name_zh, en: r.item_name_en },
  points: r.points,
  source: r.source as TConductPoint['source'],
  policyVersion: r.policy_version,
  evidence: r.evidence,
  attachment:
    r.storage_key && r.file_name && r.content_type
      ? {
          fileName: r.file_name,
          contentType: r.content_type,
          size: r.size ?? 0,
          url: `/api/v1/residents/conduct-points/${r.id}/attachment`,
        }
      : null,
  recordedBy: { id: r.recorded_by, name: r.recorded_by_name },
  createdAt: r.created_at,
  status: r.status as TConductPoint['status'],
  withdrawReason: r.withdraw_reason,
  adjustmentId: r.adjustment_id,
  explanation: explain({
    ruleId: 'RS-9',
    policyVersion: r.policy_version,
    inputs: { date: r.date, itemId: r.item_id, points: r.points, source: r.source },
    result: r.points,
    zh: `${r.date}「${r.item_name_zh}」扣 ${r.points} 分（${r.source === 'site' ? '现场规定，POL-1' : `制度第 ${r.policy_version ?? '-'} 版`}）`,
    en: `${r.date} "${r.item_name_en}": ${r.points} points (${r.source === 'site' ? 'the site’s own value, POL-1' : `policy v${r.policy_version ?? '-'}`})`,
  }),
  version: r.version,
});

/**
 * Set-based (design: "each module's repository offers one set-based read of a month's facts for many people"): the
 * month's conduct points of these people (every member of staff when omitted) — the evaluation's late points, the
 * recorded offences not withdrawn, and the corrections of closed months booked in this month — with explanations.
 */
export async function conductPointsForMonth(
  db: Db,
  month: string,
  userIds?: number[],
  asOfMs = Date.now(),
  /** The month's attendance roll-ups when the caller has read them already (the appraisal), else read here. */
  attendance?: TAttendanceRollup[],
): Promise<TConductTotal[]> {
  if (userIds && userIds.length === 0) return [];
  const { first, last } = monthDates(month);
  const [rollups, recorded, adjustments] = await Promise.all([
    attendance ?? attendanceForMonth(db, month, userIds, asOfMs),
    repo.conductBetween(db, { first, last, userIds: userIds ?? null }),
    adjustmentsForMonth(db, month, userIds),
  ]);
  const byUser = <T extends { userId: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) {
      const list = m.get(r.userId);
      if (list) list.push(r);
      else m.set(r.userId, [r]);
    }
    return m;
  };
  const points = byUser(recorded.map((r) => ({ ...r, userId: r.user_id })));
  const corrections = byUser(adjustments.filter((a) => a.kind === ADJUSTMENT_KIND));
  return rollups.map((r) => {
    const evaluation = r.explanations.filter((e) => e.ruleId === 'RS-9');
    const m = conductMonth({
      month,
      policyVersion: r.explanations[0]?.policyVersion ?? null,
      evaluation: { points: r.conductPoints, explanations: evaluation },
      recorded: (points.get(r.userId) ?? []).map((p) => ({
        id: p.id,
        date: p.date,
        itemId: p.item_id,
        points: p.points,
        withdrawn: p.status === 'withdrawn',
      })),
      adjustments: (corrections.get(r.userId) ?? []).map((a) => ({
        id: a.id,
        factMonth: a.factMonth,
        points: Number((a.delta as { points?: number } | null)?.points ?? 0),
      })),
    });
    return { userId: r.userId, userName: r.userName, ...m };
  });
}

/** The offences that may be recorded on a date at a site (its own list when it overrides the policy's, POL-1). */
async function recordableItems(db: Db, siteId: number | null, date: string) {
  const policy = await policyOn(db, date);
  const [someone] = siteId != null ? await staffRows(db, { siteId }) : [];
  const rules = someone
    ? await new RulesBook(db).rules((await peopleOf(db, [someone]))[0], date)
    : attendanceRules(policy.document.attendance, policy.number, null);
  return rules.policy.conductPoints.filter((c) => !EVALUATED_CONDUCT_ITEMS.includes(c.id));
}

/** RS-9: the month in the actor's scope (optionally one site): totals per person, the recorded points, the list. */
export async function listConduct(ctx: Ctx, month: string, siteId: number | undefined): Promise<TConductMonthOut> {
  const nowMs = ctx.clock.now().getTime();
  const { first, last } = monthDates(month);
  const today = localDateInZone(ctx.timeZone, nowMs);
  return ctx.db.transaction().execute(async (db) => {
    const people = await staffRows(db, { actor: ctx.actor, siteId });
    const ids = people.map((p) => p.id);
    const [totals, points, closed, items] = await Promise.all([
      conductPointsForMonth(db, month, ids, nowMs),
      repo.conductBetween(db, { first, last, userIds: ids, actor: ctx.actor }),
      isMonthClosed(db, month),
      recordableItems(db, siteId ?? ctx.actor.siteId, last < today ? last : today),
    ]);
    return { month, closed, totals, points: points.map(toPoint), items };
  });
}

async function pointFor(db: Db, ctx: Ctx, id: number) {
  const row = await repo.conductInScope(db, ctx.actor, id);
  if (!row) throw notFound('Conduct point');
  return row;
}

export async function getConduct(ctx: Ctx, id: number): Promise<TConductPoint> {
  return toPoint(await pointFor(ctx.db, ctx, id));
}

/**
 * RS-9: record an offence of a resident in the actor's scope (the client: its site's residents) on an open month's
 * date, at the points of the list in force that day (policy version or the site's override), audited.
 */
export async function recordConduct(ctx: Ctx, body: TConductPointCreate): Promise<TConductPoint> {
  const nowMs = ctx.clock.now().getTime();
  const at = nowIso(ctx.clock);
  const today = localDateInZone(ctx.timeZone, nowMs);
  if (body.date > today) throw refuse('rule_violation', 'residents.futureDate', { date: body.date }, { ruleId: 'RS-9' });
  if (EVALUATED_CONDUCT_ITEMS.includes(body.itemId))
    throw refuse('rule_violation', 'residents.evaluatedConductItem', {}, { ruleId: 'RS-9' });
  const id = await ctx.db.transaction().execute(async (db) => {
    const row = await staffInScope(db, ctx.actor, body.userId);
    if (!row || row.site_id == null) throw refuse('rule_violation', 'residents.notResident', { userId: body.userId }, { ruleId: 'RS-9' });
    await assertMonthOpen(db, body.date);
    const [person] = await peopleOf(db, [row]);
    const charge = conductCharge(await new RulesBook(db).rules(person, body.date), body.itemId, body.date);
    if (!charge) throw refuse('rule_violation', 'residents.unknownConductItem', { itemId: body.itemId }, { ruleId: 'RS-9' });
    const pointId = await repo.insertConduct(db, {
      user_id: row.id,
      site_id: row.site_id,
      team_id: row.team_id,
      department_id: row.department_id,
      date: body.date,
      item_id: charge.item.id,
      item_name_zh: charge.item.name['zh-CN'],
      item_name_en: charge.item.name.en,
      points: charge.item.points,
      source: charge.source,
      policy_version: charge.explanation.policyVersion,
      evidence: body.evidence,
      status: 'active',
      recorded_by: ctx.actor.id,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'residents.conduct.create',
      entity: 'resident_conduct_point',
      entityId: pointId,
      after: { userId: row.id, date: body.date, itemId: charge.item.id, points: charge.item.points, source: charge.source },
    });
    return pointId;
  });
  return getConduct(ctx, id);
}

/**
 * RS-9: withdraw a recorded point with a reason. In an open month the point stops counting; in a closed month the
 * point stays as it was and the withdrawal is booked as an adjustment (−points) in the next open month.
 */
export async function withdrawConduct(ctx: Ctx, id: number, body: TConductWithdraw): Promise<TConductPoint> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await pointFor(db, ctx, id);
    if (row.version !== body.version) throw versionConflict('The conduct point');
    if (row.status === 'withdrawn' || row.adjustment_id != null)
      throw refuse('conflict', 'residents.alreadyWithdrawn', {}, { ruleId: 'RS-9' });
    const month = row.date.slice(0, 7);
    const withdrawal = { withdrawn_by: ctx.actor.id, withdrawn_at: at, withdraw_reason: body.reason, updated_at: at };
    let adjustmentId: number | null = null;
    if (await isMonthClosed(db, month)) {
      const adjustment = await bookAdjustment(db, ctx, {
        userId: row.user_id,
        kind: ADJUSTMENT_KIND,
        ruleId: 'RS-9',
        fact: { type: FACT_TYPE, id, month },
        explanation: {
          'zh-CN': `撤销 ${row.date}「${row.item_name_zh}」扣分 ${row.points} 分（${month} 已结账，在本月更正）：${body.reason}`,
          en: `Withdrawn: ${row.date} "${row.item_name_en}" ${row.points} points (${month} is closed, corrected in this month): ${body.reason}`,
        },
        delta: { points: -row.points },
      });
      adjustmentId = adjustment.id;
      if (!(await repo.updateConduct(db, id, row.version, { ...withdrawal, adjustment_id: adjustmentId })))
        throw versionConflict('The conduct point');
    } else if (!(await repo.updateConduct(db, id, row.version, { ...withdrawal, status: 'withdrawn' })))
      throw versionConflict('The conduct point');
    await recordAudit(db, ctx, {
      action: 'residents.conduct.withdraw',
      entity: 'resident_conduct_point',
      entityId: id,
      before: { status: row.status, points: row.points },
      after: { reason: body.reason, adjustmentId, status: adjustmentId ? row.status : 'withdrawn' },
    });
  });
  return getConduct(ctx, id);
}

/** RS-9: the evidence file (a photo or a PDF, typed from its bytes) of a point of an open month; one per point. */
export async function addEvidenceFile(
  ctx: Ctx,
  id: number,
  readUpload: () => Promise<{ fileName: string; data: Buffer }>,
  storage: FileStorage,
): Promise<TConductPoint> {
  const row = await pointFor(ctx.db, ctx, id);
  if (row.storage_key) throw new AppError('conflict', 'This conduct point already has its evidence file');
  const upload = await readUpload();
  const file = acceptFile(upload, {
    accepts: (type) => EVIDENCE_TYPES.has(type),
    unsupported: (name) =>
      new AppError('unsupported_media_type', `"${name}" is not evidence: attach a JPEG, PNG, GIF or WebP photo or a PDF`),
  });
  const key = newStorageKey(ctx.clock.now());
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await assertMonthOpen(db, row.date);
    const ok = await repo.updateConduct(db, id, row.version, {
      file_name: file.fileName,
      content_type: file.contentType,
      size: file.size,
      sha256: file.sha256,
      storage_key: key,
      updated_at: at,
    });
    if (!ok) throw versionConflict('The conduct point');
    await recordAudit(db, ctx, {
      action: 'residents.conduct.evidence',
      entity: 'resident_conduct_point',
      entityId: id,
      after: { fileName: file.fileName, contentType: file.contentType, size: file.size, sha256: file.sha256 },
    });
    await storage.put(key, file.data);
  });
  return getConduct(ctx, id);
}

export async function readEvidenceFile(ctx: Ctx, id: number, storage: FileStorage) {
  const row = await pointFor(ctx.db, ctx, id);
  if (!row.storage_key || !row.file_name || !row.content_type) throw notFound('Evidence file');
  return { fileName: row.file_name, contentType: row.content_type, data: await storage.read(row.storage_key) };
}
