/**
 * PAY-1..5 pay. The payroll of a month is computed, never stored: from the frozen appraisal sheets (AP-15), the
 * verified volume (WR-7, volumeForMonth), the travel allowances of the month's trips, the pay profiles, the month's
 * non-piece days, the ledger's releases into the month, the approved overtime (AT-5/AT-5b, overtimeForMonth), the
 * confirmed best employees (AP-6) and, in a half-year's last month, the ranking bonus (PAY-2), by core's commission()
 * and payslip(). A month whose sheets
 * are not all final is refused (409 pay.sheetsNotFinal): figures are only ever paid from frozen sheets, so the same
 * month always gives the same payroll.
 *
 * The ledger (PAY-3) keeps what a closed month's commission pays later: the share paid at the project's settlement
 * and the share held back two years after it. Release dates follow the project's acceptance date; an entry due on or
 * before today is released into the open month and paid with it.
 */
import {
  type TAppraisalGrade,
  type TAppraisalLineOut,
  type TCommissionEntry,
  type TPayDashboard,
  type TPayMonthInput,
  type TPayMonthInputRow,
  type TPayProfile,
  type TPayProfileUpdate,
  type TPayroll,
  type TPolicy,
  type TSheetAmount,
  type TTierProposalOut,
  monthInstants,
  tierProposal,
  addMonthsToMonth,
  commission,
  monthDates,
  payslip,
  retentionReleaseDate,
  toCentimetres,
} from '@techserve/core';
import { type Clock, nowIso, todayOf } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { forbidden, invalidValue, notFound, refuse } from '../../http/errors';
import { appraisedOnly, staffInScope, listSheets as sheetsOfMonth } from '../appraisal/appraisal.repository';
import { adjustmentLine, type StoredAdjustment } from '../appraisal/appraisal.sheet';
import { recordAudit } from '../audit/audit.service';
import { type ActingCtx, assertMonthOpen, isMonthClosed, nextOpenMonth } from '../months/months.service';
import { policyOn } from '../policy/policy-in-force';
import { examResultsBetween } from '../staff-training/staff-training.repository';
import { volumeForMonth } from '../volume/volume.service';
import { bonusesOfMonth } from './pay.bonuses';
import { contractsTouching } from './pay.contracts.repository';
import { conversionsOf } from './pay.probation.repository';
import { overtimeOfMonth } from './pay.overtime';
import * as repo from './pay.repository';

const need = (ctx: Ctx, permission: 'pay.read' | 'pay.export' | 'pay.manage') => {
  if (!can(ctx.actor, permission)) throw forbidden(`This needs the permission "${permission}"`);
};

const policyOfMonth = (db: Db, month: string) => policyOn(db, monthDates(month).last);

/** The frozen sheet's amounts: fines and bonuses as computed, and the reviewers' adjustments (AP-15). */
function sheetAmounts(lines: string, adjustments: string, policyVersion: number | null): TSheetAmount[] {
  const all = [
    ...(JSON.parse(lines) as TAppraisalLineOut[]),
    ...(JSON.parse(adjustments) as StoredAdjustment[]).map((a, i) => adjustmentLine(a, i, policyVersion)),
  ];
  return all.flatMap((l) =>
    l.kind === 'fine' || l.kind === 'bonus' || l.kind === 'adjustment'
      ? [{ key: l.key, kind: l.kind, ruleId: l.ruleId, amountFen: l.amountFen, text: l.explanation.text }]
      : [],
  );
}

/** PAY-3: the month's verified volume priced per person. */
async function commissionsOf(db: Db, policy: { document: TPolicy; number: number }, month: string, userIds: number[] | undefined) {
  const [volume, inputs] = await Promise.all([volumeForMonth(db, month, userIds), userIds ? repo.monthInputsOf(db, month, userIds) : []]);
  const days = new Map(inputs.map((i) => [i.user_id, i.non_piece_days]));
  const people = userIds ?? [...new Set(volume.map((v) => v.userId))];
  return new Map(
    people.map((userId) => [
      userId,
      commission({
        pay: policy.document.pay,
        reports: policy.document.reports,
        version: policy.number,
        volume: volume
          .filter((v) => v.userId === userId)
          .map((v) => ({
            projectId: v.projectId,
            pipeType: v.pipeType,
            band: v.band,
            jobType: v.jobType,
            centimetres: toCentimetres(v.metres),
          })),
        nonPieceDays: days.get(userId) ?? 0,
      }),
    ]),
  );
}

/**
 * PAY-5: the month's payroll for the people in the actor's scope, with the instant its last sheet was frozen (the
 * export's own date, so the same month gives the same file). 409 pay.sheetsNotFinal names who is not final yet.
 * `exporting`: the month is handed to finance: the PAY-2 ranking page is fixed on the first export (pay.bonuses).
 */
export async function payrollOf(
  ctx: Ctx,
  month: string,
  opts: { exporting?: boolean } = {},
): Promise<{ payroll: TPayroll; frozenAt: string | null }> {
  need(ctx, 'pay.read');
  const db = ctx.db;
  // The payroll is of the people appraised (AP-2): it waits for their sheets, never for the chain's signers.
  const [inScope, sheets] = await Promise.all([staffInScope(db, ctx.actor), sheetsOfMonth(db, ctx.actor, month, false)]);
  const staff = appraisedOnly(inScope);
  const sheetOf = new Map(sheets.map((s) => [s.user_id, s]));
  const notFinal = staff.filter((s) => sheetOf.get(s.id)?.state !== 'final');
  if (notFinal.length > 0 || staff.length === 0) {
    throw refuse(
      'conflict',
      'pay.sheetsNotFinal',
      {
        month,
        count: notFinal.length,
        names: notFinal
          .slice(0, 5)
          .map((s) => s.name)
          .join(', '),
      },
      { ruleId: 'AP-15' },
    );
  }
  const ids = staff.map((s) => s.id);
  const policy = await policyOfMonth(db, month);
  const { first, last } = monthDates(month);
  const [commissions, profiles, travel, released, overtime, bonuses, contracts, conversions] = await Promise.all([
    commissionsOf(db, policy, month, ids),
    repo.profilesOf(db, ids),
    repo.travelAllowancesBetween(db, first, last, ids),
    repo.releasedInto(db, month, ids),
    overtimeOfMonth(db, month, ids),
    bonusesOfMonth(db, policy.document.pay, month, ids, opts.exporting ? ctx : undefined),
    contractsTouching(db, first, last, ids),
    conversionsOf(db, ids),
  ]);
  const profileOf = new Map(profiles.map((p) => [p.user_id, p]));
  const items = staff.map((person) => {
    const sheet = sheetOf.get(person.id) as NonNullable<ReturnType<typeof sheetOf.get>>;
    const profile = profileOf.get(person.id);
    const slip = payslip({
      pay: policy.document.pay,
      version: policy.number,
      month,
      baseTierId: profile?.base_tier_id ?? null,
      welderGrade: profile?.welder_grade ?? null,
      probation: profile?.probation === 1,
      fieldAllowance: profile?.field_allowance === 1,
      travel: travel.filter((t) => t.user_id === person.id).map((t) => ({ claimId: t.id, amountFen: Number(t.allowance_fen) })),
      commission: commissions.get(person.id) as ReturnType<typeof commission>,
      released: released
        .filter((r) => r.user_id === person.id)
        .map((r) => ({
          entryId: r.id,
          kind: r.kind as 'settlement' | 'retention',
          projectId: r.project_id,
          earnedMonth: r.earned_month,
          amountFen: Number(r.amount_fen),
          releaseOn: r.release_on as string,
        })),
      sheet: {
        id: sheet.id,
        policyVersion: sheet.policy_version,
        grade: sheet.grade as TAppraisalGrade | null,
        amounts: sheetAmounts(sheet.lines, sheet.adjustments, sheet.policy_version),
      },
      bonuses: bonuses.get(person.id) ?? [],
      overtime: overtime.get(person.id) ?? [],
      contracts: contracts
        .filter((c) => c.user_id === person.id)
        .map((c) => ({ contractId: c.id, projectId: c.project_id, startOn: c.start_on, endOn: c.end_on })),
      convertedOn: conversions.get(person.id) ?? null,
    });
    return { userId: person.id, userName: person.name, sheetId: sheet.id, grade: sheet.grade as TAppraisalGrade | null, ...slip };
  });
  const frozenAt =
    sheets
      .map((s) => s.frozen_at ?? '')
      .sort()
      .at(-1) || null;
  return {
    payroll: { month, policyVersion: policy.number, items, totalFen: items.reduce((s, i) => s + i.totalFen, 0) },
    frozenAt,
  };
}

export async function getPayroll(ctx: Ctx, month: string): Promise<TPayroll> {
  return (await payrollOf(ctx, month)).payroll;
}

function toEntry(r: repo.EntryRow): TCommissionEntry {
  return {
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    projectId: r.project_id,
    projectName: r.project_name,
    earnedMonth: r.earned_month,
    kind: r.kind as TCommissionEntry['kind'],
    amountFen: Number(r.amount_fen),
    policyVersion: r.policy_version,
    state: r.released_month !== null ? 'released' : r.release_on !== null ? 'scheduled' : 'pending',
    releaseOn: r.release_on,
    releasedMonth: r.released_month,
    releasedAt: r.released_at,
  };
}

export async function listEntries(ctx: Ctx, q: { userId?: number; state?: string }) {
  need(ctx, 'pay.read');
  return { items: (await repo.entriesPage(ctx.db, ctx.actor, q)).map(toEntry) };
}

/** PAY-3: the date an entry is paid: the project's settlement for its settlement share, two years later for the held-back one. */
const releaseDateOf = (kind: string, settledOn: string, heldBackMonths: number) =>
  kind === 'settlement' ? settledOn : retentionReleaseDate(settledOn, heldBackMonths);

/**
 * PAY-3: books a closed month's commission into the ledger: per person and project, the share paid at settlement and
 * the share held back, dated from the project's acceptance when it is known. Once per month.
 */
export async function bookCommission(ctx: Ctx, month: string) {
  need(ctx, 'pay.export');
  const ids = await ctx.db.transaction().execute(async (db) => {
    if (!(await isMonthClosed(db, month))) throw refuse('conflict', 'pay.monthOpen', { month }, { ruleId: 'PAY-3' });
    if (await repo.entriesBookedFor(db, month)) throw refuse('conflict', 'pay.alreadyBooked', { month }, { ruleId: 'PAY-3' });
    const policy = await policyOfMonth(db, month);
    const commissions = await commissionsOf(db, policy, month, undefined);
    // PAY-3: no piece rate in probation (unless the policy says otherwise): nothing is held for later either.
    const inProbation = policy.document.pay.probation.pieceRateCommission
      ? new Set<number>()
      : new Set((await repo.profilesOf(db, [...commissions.keys()])).filter((p) => p.probation === 1).map((p) => p.user_id));
    const projectIds = [...new Set([...commissions.values()].flatMap((c) => c.byProject.map((p) => p.projectId)))];
    const settled = new Map((await repo.settlementDates(db, projectIds)).map((p) => [p.id, p.accepted_on]));
    const at = nowIso(ctx.clock);
    const heldBackMonths = policy.document.pay.commission.heldBackMonths;
    const rows = [...commissions.entries()]
      .filter(([userId]) => !inProbation.has(userId))
      .flatMap(([userId, c]) =>
        c.byProject.flatMap((p) => {
          const settledOn = settled.get(p.projectId) ?? null;
          return (
            [
              ['settlement', p.atSettlementFen],
              ['retention', p.heldBackFen],
            ] as const
          )
            .filter(([, fen]) => fen > 0)
            .map(([kind, fen]) => ({
              user_id: userId,
              project_id: p.projectId,
              earned_month: month,
              kind,
              amount_fen: fen,
              policy_version: policy.number,
              release_on: settledOn === null ? null : releaseDateOf(kind, settledOn, heldBackMonths),
              released_month: null,
              released_at: null,
              created_at: at,
              updated_at: at,
            }));
        }),
      );
    await repo.insertEntries(db, rows);
    await recordAudit(db, ctx, {
      action: 'pay.commission.book',
      entity: 'pay_month',
      entityId: month,
      after: { entries: rows.length, totalFen: rows.reduce((s, r) => s + r.amount_fen, 0), policyVersion: policy.number },
    });
    return rows.length;
  });
  const items = ids > 0 ? (await repo.entriesPage(ctx.db, ctx.actor, { earnedMonth: month })).map(toEntry) : [];
  return { month, items };
}

/**
 * PAY-3: dates the entries whose project has settled since they were booked, then releases every entry due on or
 * before today into the month being paid (today's, or the next open one when today's is closed). Audited.
 */
async function releaseDueEntries(db: Db, acting: ActingCtx, today: string) {
  const at = nowIso(acting.clock);
  const pending = await repo.pendingEntries(db);
  const settled = new Map(
    (await repo.settlementDates(db, [...new Set(pending.map((p) => p.project_id))])).map((p) => [p.id, p.accepted_on]),
  );
  const heldBack = new Map<string, number>();
  let scheduled = 0;
  for (const e of pending) {
    const settledOn = settled.get(e.project_id);
    if (!settledOn) continue;
    if (!heldBack.has(e.earned_month))
      heldBack.set(e.earned_month, (await policyOfMonth(db, e.earned_month)).document.pay.commission.heldBackMonths);
    await repo.setReleaseOn(db, e.id, releaseDateOf(e.kind, settledOn, heldBack.get(e.earned_month) as number), at);
    scheduled++;
  }
  const todayMonth = today.slice(0, 7);
  const month = (await isMonthClosed(db, todayMonth)) ? await nextOpenMonth(db, todayMonth) : todayMonth;
  const released = await repo.releaseDue(db, today, month, at);
  if (scheduled > 0 || released.length > 0)
    await recordAudit(db, acting, {
      action: 'pay.commission.release',
      entity: 'pay_month',
      entityId: month,
      after: { today, scheduled, released },
    });
  return { month, scheduled, released };
}

/** PAY-3: finance releases what is due now (the job does the same every few hours). */
export async function releaseCommission(ctx: Ctx) {
  need(ctx, 'pay.export');
  const result = await ctx.db.transaction().execute((db) => releaseDueEntries(db, ctx, todayOf(ctx)));
  const items = (await repo.entriesPage(ctx.db, ctx.actor, { ids: result.released })).map(toEntry);
  return { month: result.month, scheduled: result.scheduled, items };
}

/** PAY-3: the ledger's releases on their dates, without anyone pressing a button. */
export const commissionReleaseJob = (deps: { db: Db; clock: Clock }) => ({
  name: 'pay.commission-release',
  everyMs: 6 * 60 * 60_000,
  run: async () => {
    const acting: ActingCtx = { clock: deps.clock, actor: null, ip: null, requestId: null };
    await deps.db.transaction().execute((db) => releaseDueEntries(db, acting, todayOf(deps)));
  },
});

export async function listProfiles(ctx: Ctx): Promise<{ items: TPayProfile[] }> {
  need(ctx, 'pay.read');
  const staff = await staffInScope(ctx.db, ctx.actor);
  const profiles = new Map(
    (
      await repo.profilesOf(
        ctx.db,
        staff.map((s) => s.id),
      )
    ).map((p) => [p.user_id, p]),
  );
  return {
    items: staff.map((s) => {
      const p = profiles.get(s.id);
      return {
        userId: s.id,
        userName: s.name,
        baseTierId: p?.base_tier_id ?? null,
        fieldAllowance: p?.field_allowance === 1,
        welderGrade: p?.welder_grade ?? null,
        welderGradeSince: p?.welder_grade_since ?? null,
        probation: p?.probation === 1,
        version: p?.version ?? 0,
      };
    }),
  };
}

/** PAY-1/PAY-5: sets a person's base tier (one the policy in force names) and whether the field allowance applies. */
export async function updateProfile(ctx: Ctx, userId: number, body: TPayProfileUpdate): Promise<TPayProfile> {
  need(ctx, 'pay.manage');
  await ctx.db.transaction().execute(async (db) => {
    const person = await repo.staffMember(db, userId);
    if (!person) throw notFound('Member of staff');
    const policy = await policyOn(db, todayOf(ctx));
    if (!policy.document.pay.baseTiers.some((t) => t.id === body.baseTierId)) {
      throw refuse('rule_violation', 'pay.unknownTier', { tierId: body.baseTierId }, { ruleId: 'PAY-1' });
    }
    const welderGrade = body.welderGrade ?? null;
    if (welderGrade !== null && !policy.document.pay.engineerLevels.some((l) => l.level === welderGrade)) {
      throw refuse('rule_violation', 'pay.unknownGrade', { grade: welderGrade }, { ruleId: 'PAY-3' });
    }
    const before = (await repo.profilesOf(db, [userId]))[0];
    // PAY-3: the grade's date as given; else today when the grade changes, else as stored.
    const welderGradeSince =
      welderGrade === null
        ? null
        : body.welderGradeSince !== undefined && body.welderGradeSince !== null
          ? body.welderGradeSince
          : welderGrade !== (before?.welder_grade ?? null)
            ? todayOf(ctx)
            : (before?.welder_grade_since ?? null);
    await repo.upsertProfile(
      db,
      {
        userId,
        baseTierId: body.baseTierId,
        fieldAllowance: body.fieldAllowance,
        welderGrade,
        welderGradeSince,
        probation: body.probation ?? false,
        by: ctx.actor.id,
        at: nowIso(ctx.clock),
      },
      body.version,
    );
    await recordAudit(db, ctx, { action: 'pay.profile.update', entity: 'pay_profile', entityId: userId, before, after: body });
  });
  const out = (await listProfiles(ctx)).items.find((p) => p.userId === userId);
  if (!out) throw notFound('Member of staff');
  return out;
}

/** PAY-3: the month's non-piece days of every person in scope (0 and version 0 where none is recorded). */
export async function listMonthInputs(ctx: Ctx, month: string): Promise<{ items: TPayMonthInputRow[] }> {
  need(ctx, 'pay.read');
  const staff = await staffInScope(ctx.db, ctx.actor);
  const inputs = new Map(
    (
      await repo.monthInputsOf(
        ctx.db,
        month,
        staff.map((s) => s.id),
      )
    ).map((i) => [i.user_id, i]),
  );
  return {
    items: staff.map((s) => ({
      userId: s.id,
      userName: s.name,
      month,
      nonPieceDays: inputs.get(s.id)?.non_piece_days ?? 0,
      version: inputs.get(s.id)?.version ?? 0,
    })),
  };
}

/** PAY-3: a person's days of non-piece work in an open month (paid per day). */
export async function setMonthInput(ctx: Ctx, body: TPayMonthInput) {
  need(ctx, 'pay.manage');
  return ctx.db.transaction().execute(async (db) => {
    await assertMonthOpen(db, body.month);
    if (!(await repo.staffMember(db, body.userId))) throw notFound('Member of staff');
    const before = (await repo.monthInputsOf(db, body.month, [body.userId]))[0];
    await repo.upsertMonthInput(db, { ...body, by: ctx.actor.id, at: nowIso(ctx.clock) }, body.version);
    await recordAudit(db, ctx, {
      action: 'pay.monthInput.update',
      entity: 'pay_month_input',
      entityId: `${body.userId}:${body.month}`,
      before,
      after: body,
    });
    const row = (await repo.monthInputsOf(db, body.month, [body.userId]))[0];
    return { userId: row.user_id, month: row.month, nonPieceDays: row.non_piece_days, version: row.version };
  });
}

/**
 * PAY-1: per person in scope, the tier their record earns at the end of a month (tierProposal): the final sheets of the
 * months the longest tier requirement reaches back, and the exams passed in that time.
 */
export async function tierProposals(ctx: Ctx, month: string): Promise<{ items: TTierProposalOut[] }> {
  need(ctx, 'pay.read');
  const db = ctx.db;
  const policy = await policyOfMonth(db, month);
  const pay = policy.document.pay;
  const span = Math.max(1, ...pay.baseTiers.map((t) => t.cleanMonthsRequired));
  const first = addMonthsToMonth(month, 1 - span);
  const staff = await staffInScope(db, ctx.actor);
  const ids = staff.map((s) => s.id);
  const [sheets, profiles, exams] = await Promise.all([
    repo.finalSheetsOf(db, first, month, ids),
    repo.profilesOf(db, ids),
    examResultsBetween(db, {
      from: new Date(monthInstants(first, ctx.timeZone).start).toISOString(),
      to: new Date(monthInstants(month, ctx.timeZone).end).toISOString(),
      userIds: ids,
    }),
  ]);
  const months = Array.from({ length: span }, (_, i) => addMonthsToMonth(first, i));
  const profileOf = new Map(profiles.map((p) => [p.user_id, p.base_tier_id]));
  return {
    items: staff.map((person) => {
      const own = new Map(sheets.filter((s) => s.user_id === person.id).map((s) => [s.month, s]));
      const record = months.map((m) => {
        const sheet = own.get(m);
        return {
          month: m,
          sheet: sheet !== undefined,
          fined: sheet !== undefined && (JSON.parse(sheet.lines) as TAppraisalLineOut[]).some((l) => l.kind === 'fine'),
        };
      });
      const passed = exams.some((e) => e.userId === person.id && e.passed);
      return {
        userId: person.id,
        userName: person.name,
        ...tierProposal(pay, policy.number, profileOf.get(person.id) ?? null, record, passed),
      };
    }),
  };
}

const MAX_DASHBOARD_MONTHS = 36;

/**
 * Issue 16 item 14: from the final sheets of [from, to] in the actor's scope: the grades per month, fines and bonuses
 * by rule, and per team and per region (ORG-4: a person's sheet counts in each region they are responsible for) the
 * average score and the net of fines and bonuses per month.
 */
export async function dashboard(ctx: Ctx, from: string, to: string): Promise<TPayDashboard> {
  need(ctx, 'pay.read');
  const months: string[] = [];
  for (let m = from; m <= to && months.length <= MAX_DASHBOARD_MONTHS; m = addMonthsToMonth(m, 1)) months.push(m);
  if (to < from) throw invalidValue('to', 'The last month is before the first');
  if (months.length > MAX_DASHBOARD_MONTHS) throw invalidValue('to', `At most ${MAX_DASHBOARD_MONTHS} months`);
  const sheets = await repo.finalSheetsBetween(ctx.db, ctx.actor, from, to);
  const regions = await repo.regionsOf(ctx.db, [...new Set(sheets.map((s) => s.user_id))]);

  const grades = months.map((month) => {
    const of = sheets.filter((s) => s.month === month);
    const count = (g: string | null) => of.filter((s) => s.grade === g).length;
    return { month, A: count('A'), B: count('B'), C: count('C'), none: count(null) };
  });
  const rules = new Map<string, { ruleId: string; kind: 'fine' | 'bonus'; count: number; amountFen: number }>();
  for (const s of sheets)
    for (const l of JSON.parse(s.lines) as TAppraisalLineOut[]) {
      if (l.kind !== 'fine' && l.kind !== 'bonus') continue;
      const r = rules.get(`${l.kind}|${l.ruleId}`) ?? { ruleId: l.ruleId, kind: l.kind, count: 0, amountFen: 0 };
      r.count++;
      r.amountFen += l.amountFen;
      rules.set(`${l.kind}|${l.ruleId}`, r);
    }
  type Group = { id: number; name: string; month: string; people: number; tenths: number[]; netFen: number };
  const trend = (groups: Map<string, Group>) =>
    [...groups.values()]
      .sort((a, b) => a.id - b.id || a.month.localeCompare(b.month))
      .map((g) => ({
        id: g.id,
        name: g.name,
        month: g.month,
        people: g.people,
        averageTenths: g.tenths.length ? Math.round(g.tenths.reduce((x, y) => x + y, 0) / g.tenths.length) : null,
        netFen: g.netFen,
      }));
  const addTo = (groups: Map<string, Group>, id: number, name: string, s: (typeof sheets)[number]) => {
    const g = groups.get(`${id}|${s.month}`) ?? { id, name, month: s.month, people: 0, tenths: [], netFen: 0 };
    g.people++;
    if (s.total_tenths !== null) g.tenths.push(s.total_tenths);
    g.netFen += Number(s.amount_fen);
    groups.set(`${id}|${s.month}`, g);
  };
  const teams = new Map<string, Group>();
  const byRegion = new Map<string, Group>();
  for (const s of sheets) {
    if (s.team_id !== null) addTo(teams, s.team_id, s.team_name ?? String(s.team_id), s);
    for (const r of regions.filter((x) => x.user_id === s.user_id)) addTo(byRegion, r.id, r.name, s);
  }
  return {
    months,
    grades,
    byRule: [...rules.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.ruleId.localeCompare(b.ruleId, 'en', { numeric: true })),
    teams: trend(teams),
    regions: trend(byRegion),
  };
}
