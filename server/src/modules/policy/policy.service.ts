import {
  type TPolicy,
  type TPolicyApprove,
  type TPolicyDiff,
  type TPolicyDraftCreate,
  type TPolicyDraftUpdate,
  type TPolicyImport,
  type TPolicyInForce,
  type TPolicyPublish,
  type TPolicyReject,
  type TPolicyVersionDetail,
  type TPolicyVersionSummary,
  ZPolicy,
  defaultPolicy,
  diffPolicies,
  fieldMetaFor,
  localDateOf,
  parsePolicyJson,
  upgradePolicyDocument,
  validatePublish,
} from '@techserve/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { type Clock, nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, type ErrorDetail, notFound, refuse, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { invalidatePolicyCache, policyAt } from './policy-in-force';
import {
  type PolicyVersionRow,
  countPolicyVersions,
  deletePolicyDraft as deleteDraftRow,
  findPolicyVersionRow,
  insertPolicyVersion,
  listPolicyVersionRows,
  markPolicyPublished,
  markPolicyRejected,
  markPolicySubmitted,
  nextPolicyNumber,
  updatePolicyDraft as updateDraftRow,
} from './policy.repository';

/** From this date the default policy is in force, so every past event has a policy. */
export const DEFAULT_POLICY_EFFECTIVE_FROM = '2000-01-01';

const today = (ctx: Pick<Ctx, 'clock' | 'timeZone'>) => localDateOf(ctx.clock.now().getTime(), ctx.timeZone);

function toSummary(r: PolicyVersionRow): TPolicyVersionSummary {
  return {
    number: r.number,
    status: r.status,
    effectiveFrom: r.effective_from,
    note: r.note,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    publishedAt: r.published_at,
    publishedBy: r.published_by_name,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by_name,
    submittedById: r.submitted_by,
    approvalComment: r.approval_comment,
    rejectedAt: r.rejected_at,
    rejectedBy: r.rejected_by_name,
    rejectionComment: r.rejection_comment,
    version: r.version,
  };
}

// Object.assign, not `{ ...summary, … }`: on Node 20 each property after a spread takes V8's slow path (~100 µs an object).
const toDetail = (r: PolicyVersionRow): TPolicyVersionDetail =>
  Object.assign(toSummary(r), {
    document: upgradePolicyDocument(JSON.parse(r.document)),
  });

const ruleIdOf = (message: string | undefined) => message?.match(/^([A-Z]+-\d+):/)?.[1];

/** 422 with one detail per problem, each at its field (`body.document.appraisal.schemeA.items`). */
function invalidDocument(prefix: string, issues: { path: PropertyKey[]; message: string }[]): AppError {
  const details: ErrorDetail[] = issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  const first = details[0];
  return new AppError('invalid_value', `${first?.path}: ${first?.message}`, {
    ruleId: ruleIdOf(first?.message),
    details,
  });
}

/** First start: when no version exists, version 1 is the default policy (regulations.md), in force since 2000. */
export async function ensureDefaultPolicy(db: Kysely<DB>, clock: Clock): Promise<void> {
  if ((await countPolicyVersions(db)) > 0) return;
  const now = nowIso(clock);
  await db.transaction().execute(async (trx) => {
    await insertPolicyVersion(trx, {
      number: 1,
      status: 'published',
      effective_from: DEFAULT_POLICY_EFFECTIVE_FROM,
      document: JSON.stringify(defaultPolicy()),
      note: '默认制度 (regulations.md)',
      created_by: null,
      published_at: now,
      published_by: null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(
      trx,
      { clock, ip: null, requestId: null, actor: null },
      {
        action: 'seed',
        entity: 'policy_version',
        entityId: 1,
        after: { number: 1, status: 'published', effectiveFrom: DEFAULT_POLICY_EFFECTIVE_FROM },
      },
    );
  });
  invalidatePolicyCache(db);
}

export async function listPolicyVersions(ctx: Ctx): Promise<TPolicyVersionSummary[]> {
  return (await listPolicyVersionRows(ctx.db)).map(toSummary);
}

export async function getPolicyVersion(db: Db, number: number): Promise<TPolicyVersionDetail> {
  const row = await findPolicyVersionRow(db, number);
  if (!row) throw notFound(`Policy version ${number}`);
  return toDetail(row);
}

export async function getPolicyInForce(ctx: Ctx, date?: string): Promise<TPolicyInForce> {
  const on = date ?? today(ctx);
  const found = await policyAt(ctx.db, on);
  if (!found) throw new AppError('not_found', `No policy version was in force on ${on}`);
  return found;
}

async function insertDraft(ctx: Ctx, trx: Db, document: TPolicy, note: string | null, action: string, from?: number) {
  const now = nowIso(ctx.clock);
  const number = await nextPolicyNumber(trx);
  await insertPolicyVersion(trx, {
    number,
    status: 'draft',
    effective_from: null,
    document: JSON.stringify(document),
    note,
    created_by: ctx.actor.id,
    published_at: null,
    published_by: null,
    created_at: now,
    updated_at: now,
  });
  const after = await getPolicyVersion(trx, number);
  await recordAudit(trx, ctx, {
    action,
    entity: 'policy_version',
    entityId: number,
    after: { ...after, ...(from !== undefined && { copiedFrom: from }) },
  });
  return after;
}

/** A new draft copying `baseNumber` (default: the version in force today). */
export async function createPolicyDraft(ctx: Ctx, body: TPolicyDraftCreate): Promise<TPolicyVersionDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    let base: { number: number; document: TPolicy };
    if (body.baseNumber !== undefined) {
      const row = await findPolicyVersionRow(trx, body.baseNumber);
      if (!row) {
        throw new AppError('invalid_value', `baseNumber: no policy version ${body.baseNumber}`, {
          details: [{ path: 'body.baseNumber', message: 'no such version' }],
        });
      }
      base = toDetail(row);
    } else {
      const inForce = await policyAt(trx, today(ctx));
      base = inForce ?? { number: 0, document: defaultPolicy() };
    }
    const note = body.note ?? null;
    return insertDraft(ctx, trx, base.document, note, 'create_draft', base.number || undefined);
  });
}

/** The version at the state a transition starts from, read at the version the client sent (409 when stale). */
async function versionInState(
  trx: Db,
  number: number,
  version: number,
  states: readonly TPolicyVersionDetail['status'][],
): Promise<TPolicyVersionDetail> {
  const before = await getPolicyVersion(trx, number);
  if (!states.includes(before.status)) {
    const reason = states.includes('draft') ? 'policy.notDraft' : 'policy.notSubmitted';
    throw refuse('illegal_transition', reason, { number, state: before.status }, { ruleId: 'GOV-1' });
  }
  if (before.version !== version) throw versionConflict(`Policy version ${number}`);
  return before;
}

const draftForChange = (trx: Db, number: number, version: number) => versionInState(trx, number, version, ['draft']);

/** The date checks of publishing (a future company-local date, after every published version's), 422 otherwise. */
async function checkEffectiveFrom(ctx: Ctx, trx: Db, number: number, effectiveFrom: string, document: TPolicy) {
  const published = (await listPolicyVersionRows(trx))
    .filter((r) => r.status === 'published')
    .map((r) => ({ version: r.number, status: r.status, effectiveFrom: r.effective_from ?? '' }));
  const issues = validatePublish({ version: number, status: 'draft', effectiveFrom, document }, published, today(ctx));
  if (issues.length > 0) throw invalidDocument('body', issues);
}

const withoutDocument = ({ document: _d, ...summary }: TPolicyVersionDetail) => summary;

/** Edits a draft; the document must be a complete, consistent policy (422 at the field otherwise). */
export async function updatePolicyDraft(ctx: Ctx, number: number, body: TPolicyDraftUpdate): Promise<TPolicyVersionDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await draftForChange(trx, number, body.version);
    let document: string | undefined;
    if (body.document !== undefined) {
      const parsed = ZPolicy.safeParse(body.document);
      if (!parsed.success) throw invalidDocument('body.document', parsed.error.issues);
      document = JSON.stringify(parsed.data);
    }
    const ok = await updateDraftRow(trx, number, body.version, {
      ...(document !== undefined && { document }),
      ...(body.note !== undefined && { note: body.note || null }),
      updated_at: nowIso(ctx.clock),
    });
    if (!ok) throw versionConflict(`Policy version ${number}`);
    const after = await getPolicyVersion(trx, number);
    await recordAudit(trx, ctx, { action: 'update_draft', entity: 'policy_version', entityId: number, before, after });
    return after;
  });
}

/** GOV-1: the editor submits a draft for approval with the date it is to take effect from (checked now and again on approval). */
export async function submitPolicyVersion(ctx: Ctx, number: number, body: TPolicyPublish): Promise<TPolicyVersionDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await draftForChange(trx, number, body.version);
    await checkEffectiveFrom(ctx, trx, number, body.effectiveFrom, before.document);
    const now = nowIso(ctx.clock);
    const ok = await markPolicySubmitted(trx, number, body.version, {
      effective_from: body.effectiveFrom,
      submitted_at: now,
      submitted_by: ctx.actor.id,
      updated_at: now,
    });
    if (!ok) throw versionConflict(`Policy version ${number}`);
    const after = await getPolicyVersion(trx, number);
    await recordAudit(trx, ctx, {
      action: 'submit',
      entity: 'policy_version',
      entityId: number,
      before: withoutDocument(before),
      after: withoutDocument(after),
    });
    return after;
  });
}

/**
 * GOV-1: the approver (the GM, or whom the company grants `policy.approve`) puts a submitted version in force from its
 * date, with an optional comment. The date is checked again: a submission left waiting past its date is refused
 * (422) and must be rejected and resubmitted with a new date.
 */
export async function approvePolicyVersion(ctx: Ctx, number: number, body: TPolicyApprove): Promise<TPolicyVersionDetail> {
  return putInForce(ctx, number, body.version, body.comment);
}

async function putInForce(ctx: Ctx, number: number, version: number, comment: string | undefined): Promise<TPolicyVersionDetail> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const before = await versionInState(trx, number, version, ['submitted']);
    // Four eyes: whoever submitted a version does not approve it (the administrator holds every permission).
    if ((await findPolicyVersionRow(trx, number))?.submitted_by === ctx.actor.id) {
      throw refuse('forbidden', 'policy.ownSubmission', { number }, { ruleId: 'GOV-1' });
    }
    const date = before.effectiveFrom ?? '';
    await checkEffectiveFrom(ctx, trx, number, date, before.document);
    const now = nowIso(ctx.clock);
    const ok = await markPolicyPublished(trx, number, version, {
      effective_from: date,
      published_at: now,
      published_by: ctx.actor.id,
      approval_comment: comment || null,
      updated_at: now,
    });
    if (!ok) throw versionConflict(`Policy version ${number}`);
    const after = await getPolicyVersion(trx, number);
    await recordAudit(trx, ctx, {
      action: 'approve',
      entity: 'policy_version',
      entityId: number,
      before: withoutDocument(before),
      after: withoutDocument(after),
    });
    return after;
  });
  invalidatePolicyCache(ctx.db);
  return result;
}

/** GOV-1: the approver returns a submission to editing with the reason; the editor changes it and submits again. */
export async function rejectPolicyVersion(ctx: Ctx, number: number, body: TPolicyReject): Promise<TPolicyVersionDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await versionInState(trx, number, body.version, ['submitted']);
    const now = nowIso(ctx.clock);
    const ok = await markPolicyRejected(trx, number, body.version, {
      rejected_at: now,
      rejected_by: ctx.actor.id,
      rejection_comment: body.comment,
      updated_at: now,
    });
    if (!ok) throw versionConflict(`Policy version ${number}`);
    const after = await getPolicyVersion(trx, number);
    await recordAudit(trx, ctx, {
      action: 'reject',
      entity: 'policy_version',
      entityId: number,
      before: withoutDocument(before),
      after: withoutDocument(after),
    });
    return after;
  });
}

export async function deletePolicyDraft(ctx: Ctx, number: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await getPolicyVersion(trx, number);
    if (before.status !== 'draft') {
      throw refuse('illegal_transition', 'policy.notDraft', { number, state: before.status }, { ruleId: 'GOV-1' });
    }
    if (!(await deleteDraftRow(trx, number))) throw versionConflict(`Policy version ${number}`);
    await recordAudit(trx, ctx, { action: 'delete_draft', entity: 'policy_version', entityId: number, before });
  });
}

/** The changed fields from version `from` to `to`, each with its rule id and label. */
export async function diffPolicyVersions(ctx: Ctx, from: number, to: number): Promise<TPolicyDiff> {
  const [a, b] = await Promise.all([getPolicyVersion(ctx.db, from), getPolicyVersion(ctx.db, to)]);
  const changes = diffPolicies(a.document, b.document).map((c) => ({
    path: c.path,
    ruleId: c.ruleId ?? null,
    label: fieldMetaFor(c.path)?.label ?? null,
    before: c.before,
    after: c.after,
  }));
  return { from, to, changes };
}

/** A new draft from an exported document; malformed JSON or an invalid policy is a 422 and saves nothing. */
export async function importPolicy(ctx: Ctx, body: TPolicyImport): Promise<TPolicyVersionDetail> {
  const parsed = parsePolicyJson(body.json);
  if (!parsed.ok) {
    if (parsed.error.issues.length === 0) {
      throw new AppError('invalid_value', `json: ${parsed.error.message}`, {
        details: [{ path: 'body.json', message: parsed.error.message }],
      });
    }
    throw invalidDocument('body.json', parsed.error.issues);
  }
  return ctx.db.transaction().execute((trx) => insertDraft(ctx, trx, parsed.policy, body.note ?? null, 'import'));
}
