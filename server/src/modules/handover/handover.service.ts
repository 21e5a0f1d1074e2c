import {
  type TConfidentiality,
  type THandover,
  type THandoverCreate,
  type THandoverItem,
  type THandoverSummary,
  type THandoverTransfer,
  type THoldingKind,
  type TPermission,
  type TProperty,
  type TSignerRole,
  type ZConfidentialityPut,
  type ZPropertyCreate,
  type ZPropertyReturn,
  handoverState,
  holdingKindName,
  isReasonKey,
} from '@techserve/core';
import type { z } from 'zod';
import { type FileStorage, newStorageKey } from '../../files';
import { nowIso } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { AppError, forbidden, notFound, refuse, versionConflict } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import type { PasswordCost } from '../auth/password';
import { engineersOfLetters } from '../field/letters.repository';
import { assignEngineers } from '../field/letters.staffing';
import { decodeSignature } from '../field/visits.upload';
import { staffOrRefuse } from '../incidents/incidents.shared';
import { notify } from '../notifications/notifications.service';
import { updateProject } from '../projects/projects.service';
import { transition } from '../tickets/tickets.service';
import { assertCovers, authorityOfActor, authorityWith } from '../users/authority';
import { getUser, updateUser } from '../users/users.service';
import { countsOf, type Holding, holdingsOf } from './handover.holdings';
import * as repo from './handover.repository';

// HO-1: one guided flow for a person leaving or transferring — list what they hold, move each item to a successor
// through the module that owns it (its rules, timeline and audit apply), sign by the leaver, the successor and the
// manager, and keep the record as a PDF. SEC-3: the confidentiality agreement recorded at hire is shown at departure.

export type HandoverDeps = { storage: FileStorage; cost: PasswordCost; companyName: string };

const PROPERTY_KINDS: readonly THoldingKind[] = ['property', 'loan', 'receivable'];

/**
 * HO-1: the actor may run a handover for this person: handover.manage, the person within the actor's data scope (404
 * otherwise, ids do not leak), and no more authority than the actor's own (the users module's rule, 403).
 */
async function assertMayHandle(ctx: Ctx, db: Db, userId: number) {
  if (!can(ctx.actor, 'handover.manage')) throw refuse('forbidden', 'handover.notParticipant');
  const user = await getUser(ctx, userId, db);
  const target = await authorityWith(db, user.roleId, {
    departmentId: user.departmentId,
    teamId: user.teamId,
    regionIds: user.regionIds,
    customerId: user.customerId,
    siteId: user.siteId,
  });
  await assertCovers(db, authorityOfActor(ctx.actor), target, 'target');
  return user;
}

const toConfidentiality = (r: repo.AgreementRow | undefined): TConfidentiality | null =>
  r
    ? {
        userId: r.user_id,
        signedOn: r.signed_on,
        agreementVersion: r.agreement_version,
        note: r.note,
        recordedByName: r.recorded_by_name,
        recordedAt: r.updated_at,
        version: r.version,
      }
    : null;

const openItem = (h: Holding): THandoverItem => ({
  kind: h.kind,
  refId: h.refId,
  label: h.label,
  detail: h.detail,
  status: 'open',
  outcome: null,
  toUserId: null,
  toUserName: null,
  doneAt: null,
});

const summaryOf = (r: repo.HandoverRow, open: number): THandoverSummary => ({
  id: r.id,
  kind: r.kind as THandover['kind'],
  status: r.status as THandover['status'],
  user: { id: r.user_id, name: r.user_name },
  successor: { id: r.successor_id, name: r.successor_name },
  manager: { id: r.manager_id, name: r.manager_name },
  note: r.note,
  startedByName: r.starter_name,
  startedAt: r.created_at,
  completedAt: r.completed_at,
  open,
  version: r.version,
});

/** The checklist: what was handed over (done) and what the leaver still holds (open), read live. */
async function toHandover(db: Db, r: repo.HandoverRow): Promise<THandover> {
  const [done, held, signatures, agreement] = await Promise.all([
    repo.itemsOf(db, r.id),
    r.status === 'open' ? holdingsOf(db, [r.user_id]) : Promise.resolve([]),
    repo.signaturesOf(db, r.id),
    repo.findAgreement(db, r.user_id),
  ]);
  const state = handoverState(
    countsOf(held),
    signatures.map((s) => s.role as TSignerRole),
  );
  return Object.assign(summaryOf(r, held.length), {
    items: [
      ...held.map(openItem),
      ...done.map((d) => ({
        kind: d.kind as THoldingKind,
        refId: d.ref_id,
        label: d.label,
        detail: null,
        status: 'done' as const,
        outcome: d.outcome as 'reassigned' | 'returned',
        toUserId: d.to_user_id,
        toUserName: d.to_user_name,
        doneAt: d.done_at,
      })),
    ],
    signatures: signatures.map((s) => ({
      role: s.role as TSignerRole,
      userId: s.user_id,
      name: s.name,
      signedAt: s.signed_at,
      drawn: s.storage_key !== null,
    })),
    explanation: state.explanation,
    confidentiality: toConfidentiality(agreement),
  });
}

const isParticipant = (ctx: Ctx, r: repo.HandoverRow) => [r.user_id, r.successor_id, r.manager_id].includes(ctx.actor.id);

/** A handover the actor may see: a participant, or someone who may run the leaver's handover. */
async function handoverFor(ctx: Ctx, id: number, db: Db = ctx.db) {
  const r = await repo.findHandover(db, id);
  if (!r) throw notFound('Handover');
  if (!isParticipant(ctx, r)) {
    if (!can(ctx.actor, 'handover.manage')) throw refuse('forbidden', 'handover.notParticipant');
    await assertMayHandle(ctx, db, r.user_id);
  }
  return r;
}

function assertOpen(r: repo.HandoverRow) {
  if (r.status !== 'open')
    throw refuse('conflict', 'handover.notOpen', { status: { 'zh-CN': r.status === 'completed' ? '完成' : '取消', en: r.status } });
}

export async function getHandover(ctx: Ctx, id: number): Promise<THandover> {
  return toHandover(ctx.db, await handoverFor(ctx, id));
}

/** HO-1 step 1: what a person holds now, their open handover if any, and SEC-3's agreement. */
export async function holdingsPreview(ctx: Ctx, userId: number) {
  const user = await assertMayHandle(ctx, ctx.db, userId);
  const [held, open, agreement] = await Promise.all([
    holdingsOf(ctx.db, [userId]),
    repo.openHandoverOf(ctx.db, userId),
    repo.findAgreement(ctx.db, userId),
  ]);
  return {
    user: { id: user.id, name: user.name },
    items: held.map(openItem),
    openHandoverId: open?.id ?? null,
    confidentiality: toConfidentiality(agreement),
  };
}

export async function listHandovers(ctx: Ctx, q: { limit: number; cursor?: string; userId?: number; status?: THandover['status'] }) {
  const after = cursorId(q.cursor);
  // Handover managers see those of people they may handle; everyone else the handovers they take part in.
  const rows = await repo.listHandoverRows(ctx.db, {
    userId: q.userId,
    status: q.status,
    visibleTo: can(ctx.actor, 'handover.manage') ? undefined : ctx.actor.id,
    after,
    limit: q.limit + 1,
  });
  // Paged on the rows read, then narrowed to those the actor may see: the cursor never skips rows.
  const page = pageOf(rows, q.limit, (r) => [r.id]);
  const items = [];
  for (const r of page.items) if (isParticipant(ctx, r) || (await mayHandle(ctx, r.user_id))) items.push(r);
  const nextCursor = page.nextCursor;
  const held = await holdingsOf(
    ctx.db,
    items.filter((r) => r.status === 'open').map((r) => r.user_id),
  );
  return { items: items.map((r) => summaryOf(r, r.status === 'open' ? held.filter((h) => h.userId === r.user_id).length : 0)), nextCursor };
}

async function mayHandle(ctx: Ctx, userId: number) {
  try {
    await assertMayHandle(ctx, ctx.db, userId);
    return true;
  } catch (e) {
    if (e instanceof AppError && (e.code === 'forbidden' || e.code === 'not_found')) return false;
    throw e;
  }
}

/** HO-1: starts the handover of a leaving or transferring person (one open handover per person). */
export async function startHandover(ctx: Ctx, body: THandoverCreate): Promise<THandover> {
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    const user = await assertMayHandle(ctx, db, body.userId);
    if (body.successorId === body.userId) throw refuse('invalid_value', 'handover.sameUser', {}, { ruleId: 'HO-1' });
    const open = await repo.openHandoverOf(db, body.userId);
    if (open) throw refuse('conflict', 'handover.alreadyOpen', { name: user.name, handoverId: open.id }, { ruleId: 'HO-1' });
    const managerId = body.managerId ?? (await repo.departmentManagerOf(db, body.userId)) ?? ctx.actor.id;
    await staffOrRefuse(db, [body.successorId], 'body.successorId', 'handover.noSuchStaff', 'HO-1');
    await staffOrRefuse(db, [managerId], 'body.managerId', 'handover.noSuchStaff', 'HO-1');
    const hid = await repo.insertHandover(db, {
      user_id: body.userId,
      kind: body.kind,
      status: 'open',
      successor_id: body.successorId,
      manager_id: managerId,
      note: body.note ?? null,
      started_by: ctx.actor.id,
      completed_at: null,
      cancel_reason: null,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, { action: 'handover.start', entity: 'handover', entityId: hid, after: { ...body, managerId } });
    await notify(db, at, {
      userIds: [...new Set([body.userId, body.successorId, managerId])],
      kind: 'handover',
      message: 'handover.started',
      params: { name: user.name },
      link: `/handovers/${hid}`,
    });
    return hid;
  });
  return getHandover(ctx, id);
}

export type TransferFailure = { kind: THoldingKind; refId: number; reason: string; params: Record<string, unknown>; message: string };

/**
 * HO-1: moves items to their successors, each through the module that owns it with the actor's own rights: a request
 * is re-assigned by the tickets service (SR-5, on its timeline), a letter's engineers by the field service (FS-2), a
 * project's manager by the projects service, a region by the users service (its authority rule); property, loans and
 * receivables documents change holder here or are returned. An item the owner refuses is reported, the others move.
 */
export async function transferItems(ctx: Ctx, deps: HandoverDeps, id: number, body: THandoverTransfer) {
  const h = await handoverFor(ctx, id);
  assertOpen(h);
  await assertMayHandle(ctx, ctx.db, h.user_id);
  const held = await holdingsOf(ctx.db, [h.user_id]);
  const failures: TransferFailure[] = [];
  for (const item of body.items) {
    const holding = held.find((x) => x.kind === item.kind && x.refId === item.refId);
    try {
      if (!holding)
        throw refuse('conflict', 'handover.notHeld', { kind: holdingKindName(item.kind), refId: item.refId }, { ruleId: 'HO-1' });
      if (item.returned && !PROPERTY_KINDS.includes(item.kind)) throw refuse('invalid_value', 'handover.returnOnlyProperty');
      const to = item.returned ? null : (item.toUserId ?? h.successor_id);
      if (to === h.user_id) throw refuse('invalid_value', 'handover.sameUser', {}, { ruleId: 'HO-1' });
      if (to !== null) await staffOrRefuse(ctx.db, [to], 'body.items', 'handover.noSuchStaff', 'HO-1');
      await moveOne(ctx, deps, h, holding, to, body.note ?? null);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const reason = e.extra.reason && isReasonKey(e.extra.reason) ? e.extra.reason : e.code;
      failures.push({ kind: item.kind, refId: item.refId, reason, params: e.extra.params ?? {}, message: e.message });
    }
  }
  return { handover: await getHandover(ctx, id), failures };
}

/** The permission each owning module's route asks before the service call moves an item (the services trust their routes). */
const ROUTE_PERMISSION: Partial<Record<THoldingKind, TPermission>> = {
  letter: 'field.dispatch',
  region: 'users.manage',
  project: 'projects.manage',
};

async function moveOne(ctx: Ctx, deps: HandoverDeps, h: repo.HandoverRow, x: Holding, to: number | null, note: string | null) {
  const needed = ROUTE_PERMISSION[x.kind];
  if (needed && !can(ctx.actor, needed)) throw forbidden(`This needs the permission "${needed}"`);
  const why = note ?? `HO-1 交接：${h.user_name} → #${to}`;
  switch (x.kind) {
    case 'ticket':
      await transition(ctx, x.refId, { action: 'assign', version: x.version, assigneeId: to, reason: why });
      break;
    case 'letter':
      await moveLetter(ctx, x, h.user_id, to as number);
      break;
    case 'project':
      await updateProject(ctx, x.refId, { version: x.version, managerId: to });
      break;
    case 'region':
      await moveRegion(ctx, deps, h.user_id, x.refId, to as number);
      break;
    default:
      await moveProperty(ctx, x, to);
  }
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await repo.insertItem(db, {
      handoverId: h.id,
      kind: x.kind,
      refId: x.refId,
      label: x.label,
      outcome: to === null ? 'returned' : 'reassigned',
      toUserId: to,
      by: ctx.actor.id,
      at,
    });
    await recordAudit(db, ctx, {
      action: 'handover.item',
      entity: 'handover',
      entityId: h.id,
      after: { kind: x.kind, refId: x.refId, from: h.user_id, to, note },
    });
  });
}

/** FS-2 through the field service: the successor takes the leaver's place on the letter (and as its lead if they were). */
async function moveLetter(ctx: Ctx, x: Holding, from: number, to: number) {
  const engineers = (await engineersOfLetters(ctx.db, [x.refId])).get(x.refId) ?? [];
  const ids = [...new Set(engineers.map((e) => (e.user_id === from ? to : e.user_id)))];
  const lead = engineers.find((e) => e.is_lead === 1)?.user_id;
  await assignEngineers(ctx, x.refId, { version: x.version, engineerIds: ids, leadId: lead === undefined || lead === from ? to : lead });
}

/** A region changes hands through the users service (its authority rule applies to both accounts). */
async function moveRegion(ctx: Ctx, deps: HandoverDeps, from: number, regionId: number, to: number) {
  const pw = { cost: deps.cost, companyName: deps.companyName };
  const leaver = await getUser(ctx, from);
  await updateUser(ctx, pw, from, { version: leaver.version, regionIds: leaver.regionIds.filter((r) => r !== regionId) });
  const successor = await getUser(ctx, to);
  if (!successor.regionIds.includes(regionId))
    await updateUser(ctx, pw, to, { version: successor.version, regionIds: [...successor.regionIds, regionId] });
}

async function moveProperty(ctx: Ctx, x: Holding, to: number | null) {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const set = to === null ? { returned_on: at.slice(0, 10) } : { holder_id: to };
    await repo.bumpProperty(db, x.refId, x.version, set, at);
    await recordAudit(db, ctx, {
      action: to === null ? 'property.return' : 'property.transfer',
      entity: 'company_property',
      entityId: x.refId,
      after: set,
    });
  });
}

/**
 * HO-1: the leaver, the successor and the manager each sign once nothing is left open, optionally with a drawn
 * signature (kept in file storage); the third signature completes the handover.
 */
export async function signHandover(
  ctx: Ctx,
  deps: HandoverDeps,
  id: number,
  body: { role: TSignerRole; signature?: string | null },
): Promise<THandover> {
  const h = await handoverFor(ctx, id);
  assertOpen(h);
  const holder = { leaver: h.user_id, successor: h.successor_id, manager: h.manager_id }[body.role];
  if (holder !== ctx.actor.id) throw refuse('forbidden', 'handover.notYourRole', { role: roleName(body.role) }, { ruleId: 'HO-1' });
  const image = body.signature ? decodeSignature(body.signature) : null;
  const at = nowIso(ctx.clock);
  const key = image ? newStorageKey(ctx.clock.now()) : null;
  const held = await holdingsOf(ctx.db, [h.user_id]);
  if (held.length) throw refuse('conflict', 'handover.itemsOpen', { open: held.length }, { ruleId: 'HO-1' });
  if (image && key) await deps.storage.put(key, image.data);
  await ctx.db.transaction().execute(async (db) => {
    const signed = await repo.signaturesOf(db, id);
    const already = signed.find((s) => s.role === body.role);
    if (already) throw refuse('conflict', 'handover.alreadySigned', { role: roleName(body.role), signedAt: already.signed_at });
    await repo.insertSignature(db, {
      handoverId: id,
      role: body.role,
      userId: ctx.actor.id,
      at,
      storageKey: key,
      sha256: image?.sha256 ?? null,
    });
    const state = handoverState({}, [...signed.map((s) => s.role as TSignerRole), body.role]);
    if (state.complete) await repo.bumpHandover(db, id, h.version, { status: 'completed', completed_at: at }, at);
    await recordAudit(db, ctx, {
      action: state.complete ? 'handover.sign.complete' : 'handover.sign',
      entity: 'handover',
      entityId: id,
      after: { role: body.role, drawn: image !== null },
    });
  });
  return getHandover(ctx, id);
}

const roleName = (role: TSignerRole) => ({ 'zh-CN': { leaver: '交接人', successor: '接收人', manager: '监交人' }[role], en: role });

export async function cancelHandover(ctx: Ctx, id: number, body: { version: number; reason: string }): Promise<THandover> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const h = await handoverFor(ctx, id, db);
    assertOpen(h);
    await assertMayHandle(ctx, db, h.user_id);
    await repo.bumpHandover(db, id, body.version, { status: 'cancelled', cancel_reason: body.reason }, at);
    await recordAudit(db, ctx, { action: 'handover.cancel', entity: 'handover', entityId: id, after: { reason: body.reason } });
  });
  return getHandover(ctx, id);
}

/** The drawn signatures of a handover, for its PDF. */
export async function signatureImages(ctx: Ctx, deps: HandoverDeps, id: number) {
  const signed = await repo.signaturesOf(ctx.db, id);
  const images = new Map<string, Buffer>();
  for (const s of signed) if (s.storage_key) images.set(s.role, await deps.storage.read(s.storage_key));
  return images;
}

/**
 * HO-1: the general manager allows disabling an account whose holder still holds open items, with a reason; used
 * once by the next disable, audited both when given and when used.
 */
export async function grantOverride(ctx: Ctx, body: { userId: number; reason: string }) {
  const at = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (db) => {
    const user = await getUser(ctx, body.userId, db);
    const held = await holdingsOf(db, [body.userId]);
    if (held.length === 0) throw refuse('conflict', 'handover.overrideNothingHeld', { name: user.name }, { ruleId: 'HO-1' });
    const oid = await repo.insertOverride(db, { userId: body.userId, reason: body.reason, openItems: held.length, by: ctx.actor.id, at });
    await recordAudit(db, ctx, {
      action: 'handover.override',
      entity: 'user',
      entityId: body.userId,
      after: { overrideId: oid, reason: body.reason, open: countsOf(held) },
    });
    return { id: oid, userId: body.userId, reason: body.reason, grantedByName: ctx.actor.name, grantedAt: at, openItems: held.length };
  });
}

// Company property, loans and receivables documents (HO-1's register, kept here: no module held them before).

const toProperty = (r: repo.PropertyRow): TProperty => ({
  id: r.id,
  holderId: r.holder_id,
  holderName: r.holder_name,
  kind: r.kind as TProperty['kind'],
  description: r.description,
  reference: r.reference,
  amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
  issuedOn: r.issued_on,
  returnedOn: r.returned_on,
  note: r.note,
  version: r.version,
});

export async function listProperty(ctx: Ctx, q: { limit: number; cursor?: string; holderId?: number; open?: 'true' | 'false' }) {
  if (q.holderId !== undefined) await assertMayHandle(ctx, ctx.db, q.holderId);
  const rows = await repo.listPropertyRows(ctx.db, {
    holderId: q.holderId,
    open: q.open === undefined ? undefined : q.open === 'true',
    after: cursorId(q.cursor),
    limit: q.limit + 1,
  });
  const page = pageOf(rows, q.limit, (r) => [r.id]);
  const items = [];
  for (const r of page.items) if (q.holderId !== undefined || (await mayHandle(ctx, r.holder_id))) items.push(r);
  return { items: items.map(toProperty), nextCursor: page.nextCursor };
}

export async function createProperty(ctx: Ctx, body: z.output<typeof ZPropertyCreate>): Promise<TProperty> {
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    await assertMayHandle(ctx, db, body.holderId);
    const pid = await repo.insertProperty(db, {
      holder_id: body.holderId,
      kind: body.kind,
      description: body.description,
      reference: body.reference ?? null,
      amount_fen: body.amountFen ?? null,
      issued_on: body.issuedOn,
      returned_on: null,
      note: body.note ?? null,
      created_by: ctx.actor.id,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, { action: 'property.create', entity: 'company_property', entityId: pid, after: body });
    return pid;
  });
  return toProperty((await repo.findProperty(ctx.db, id)) as repo.PropertyRow);
}

export async function returnProperty(ctx: Ctx, id: number, body: z.output<typeof ZPropertyReturn>): Promise<TProperty> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await repo.findProperty(db, id);
    if (!row) throw notFound('Property record');
    await assertMayHandle(ctx, db, row.holder_id);
    if (row.returned_on) throw refuse('conflict', 'handover.propertyReturned', { returnedOn: row.returned_on });
    await repo.bumpProperty(db, id, body.version, { returned_on: body.returnedOn, note: body.note ?? row.note }, at);
    await recordAudit(db, ctx, { action: 'property.return', entity: 'company_property', entityId: id, after: body });
  });
  return toProperty((await repo.findProperty(ctx.db, id)) as repo.PropertyRow);
}

// SEC-3: the confidentiality agreement signed at hire (保密协议), recorded by HR, shown at departure.

export async function getConfidentiality(ctx: Ctx, userId: number): Promise<TConfidentiality | null> {
  await getUser(ctx, userId);
  return toConfidentiality(await repo.findAgreement(ctx.db, userId));
}

export async function putConfidentiality(ctx: Ctx, userId: number, body: z.output<typeof ZConfidentialityPut>): Promise<TConfidentiality> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const user = await getUser(ctx, userId, db);
    const target = await authorityWith(db, user.roleId, {
      departmentId: user.departmentId,
      teamId: user.teamId,
      regionIds: user.regionIds,
      customerId: user.customerId,
      siteId: user.siteId,
    });
    await assertCovers(db, authorityOfActor(ctx.actor), target, 'target');
    const before = await repo.findAgreement(db, userId);
    const v = { userId, signedOn: body.signedOn, agreementVersion: body.agreementVersion, note: body.note ?? null, by: ctx.actor.id, at };
    if (!before) await repo.insertAgreement(db, v);
    else if (!(await repo.updateAgreement(db, userId, body.version ?? -1, v))) throw versionConflict('Confidentiality agreement');
    await recordAudit(db, ctx, { action: 'confidentiality.record', entity: 'user', entityId: userId, before: before ?? null, after: body });
  });
  return toConfidentiality(await repo.findAgreement(ctx.db, userId)) as TConfidentiality;
}
