import {
  type TReasonParams,
  type TProject,
  type TProjectCreate,
  type TProjectListQuery,
  type TProjectStatus,
  type TProjectSummary,
  type TProjectTransition,
  type TProjectUpdate,
  type TTechnicalHandoverSign,
  acceptanceDueOn,
  materialLate,
  projectWarnings,
  reasonText,
  technicalHandoverOf,
} from '@techserve/core';
import { nowIso, todayOf } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { AppError, type ErrorDetail, fieldDetail, invalidValue, refuse, versionConflict } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { type PolicyAt, policyOn } from '../policy/policy-in-force';
import { type ProjectRow, assertCanManage, assertCanWork, isProjectMember, placeOf, projectFor } from './projects.access.repository';
import * as repo from './projects.repository';

/**
 * FS-12 "due soon": the policy has no figure for it, so an acceptance becomes "due soon" this many calendar days
 * before its due date (a default in code; see the report).
 */
export const ACCEPTANCE_DUE_SOON_DAYS = 2;
/** FS-12b: the technical handover record (技术交底书) among the policy's handover documents; the first if absent. */
export const HANDOVER_RECORD_ID = 'technicalDisclosure';

export { policyOn, todayOf };

/** The policy's handover documents, the one that is the handover record marked. */
export function handoverDocumentsOf(policy: PolicyAt) {
  const docs = policy.document.fieldService.handoverDocuments;
  const recordId = docs.some((d) => d.id === HANDOVER_RECORD_ID) ? HANDOVER_RECORD_ID : docs[0]?.id;
  return docs.map((d) => ({ ...d, isRecord: d.id === recordId }));
}

function warningsOf(
  r: repo.SummaryRow,
  today: string,
  plan: { planned_end: string }[],
  materials: { expected_arrival: string; arrived_on: string | null }[],
) {
  return projectWarnings({
    status: r.status as TProjectStatus,
    today,
    contractEndsOn: r.contract_ends_on,
    acceptanceDueOn: r.acceptance_due_on,
    acceptedOn: r.accepted_on,
    planEnds: plan.map((p) => p.planned_end),
    materials: materials.map((m) => ({ expectedArrival: m.expected_arrival, arrivedOn: m.arrived_on })),
    dueSoonDays: ACCEPTANCE_DUE_SOON_DAYS,
  });
}

const toSummary = (r: repo.SummaryRow, warnings: TProjectSummary['warnings']): TProjectSummary => ({
  id: r.id,
  name: r.name,
  status: r.status as TProjectStatus,
  contractId: r.contract_id,
  contractNumber: r.contract_number,
  contractEndsOn: r.contract_ends_on,
  customerId: r.customer_id,
  customerName: r.customer_name,
  siteId: r.site_id,
  siteName: r.site_name,
  managerId: r.manager_id,
  managerName: r.manager_name,
  startedOn: r.started_on,
  commissionedOn: r.commissioned_on,
  acceptanceDueOn: r.acceptance_due_on,
  acceptedOn: r.accepted_on,
  warnings,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export async function listProjects(ctx: Ctx, q: TProjectListQuery) {
  const cursor = decodeCursor(q.cursor, 1);
  const rows = await repo.listProjects(ctx.db, ctx.actor, { ...q, beforeId: cursor ? Number(cursor[0]) : null }, q.limit + 1);
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  const ids = items.map((r) => r.id);
  const [plans, materials] = await Promise.all([repo.planEnds(ctx.db, ids), repo.materialDates(ctx.db, ids)]);
  const today = todayOf(ctx);
  return {
    items: items.map((r) =>
      toSummary(
        r,
        warningsOf(
          r,
          today,
          plans.filter((p) => p.project_id === r.id),
          materials.filter((m) => m.project_id === r.id),
        ),
      ),
    ),
    nextCursor,
  };
}

export async function getProject(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TProject> {
  const project = await projectFor(ctx, id, db);
  const r = await repo.summaryQuery(db).where('projects.id', '=', id).executeTakeFirstOrThrow();
  const [members, plan, materials, costs, docs, policy, signatures, sales] = await Promise.all([
    repo.members(db, id),
    repo.planItems(db, id),
    repo.materials(db, id),
    repo.costs(db, id),
    repo.handoverDocuments(db, id),
    policyOn(db, todayOf(ctx)),
    repo.handoverSignatures(db, id),
    project.sales_id == null ? undefined : repo.userName(db, project.sales_id),
  ]);
  const today = todayOf(ctx);
  const canWork = can(ctx.actor, 'projects.manage') || (await isProjectMember(db, project, ctx.actor.id));
  // Object.assign, not `{ ...summary, … }`: on Node 20 each property after a spread takes V8's slow path (~100 µs an object).
  return Object.assign(toSummary(r, warningsOf(r, today, plan, materials)), {
    description: project.description,
    acceptedBy: project.accepted_by,
    salesId: project.sales_id,
    salesName: sales?.name ?? null,
    technicalHandover: technicalHandoverFacts(r, policy, docs, members, sales ?? null, signatures),
    acceptanceDays: project.acceptance_days,
    policyVersion: project.policy_version,
    members,
    planItems: plan.map((p) => ({
      id: p.id,
      name: p.name,
      plannedStart: p.planned_start,
      plannedEnd: p.planned_end,
      donePercent: p.done_percent,
      pastContract: p.planned_end > r.contract_ends_on,
      version: p.version,
    })),
    materials: materials.map((m) => ({
      id: m.id,
      name: m.name,
      spec: m.spec,
      quantity: m.quantity,
      unit: m.unit,
      supplier: m.supplier,
      expectedArrival: m.expected_arrival,
      arrivedOn: m.arrived_on,
      late: materialLate({ expectedArrival: m.expected_arrival, arrivedOn: m.arrived_on }, today),
      version: m.version,
    })),
    costs: costs.map((c) => ({
      id: c.id,
      category: c.category as TProject['costs'][number]['category'],
      description: c.description,
      amountFen: Number(c.amount_fen),
      version: c.version,
    })),
    costTotalFen: costs.reduce((sum, c) => sum + Number(c.amount_fen), 0),
    handoverDocuments: docs.map((d) => ({
      id: d.id,
      documentId: d.document_id,
      fileName: d.file_name,
      contentType: d.content_type,
      size: Number(d.size),
      url: `/api/v1/project-handover-documents/${d.id}`,
      signedBy: d.signed_by,
      signedOn: d.signed_on,
      uploadedAt: d.created_at,
      version: d.version,
    })),
    handoverChecklist: handoverDocumentsOf(policy).map((item) => {
      const mine = docs.filter((d) => d.document_id === item.id);
      return {
        documentId: item.id,
        name: item.name,
        isRecord: item.isRecord,
        uploaded: mine.length > 0,
        signed: mine.some((d) => d.signed_by != null),
      };
    }),
    canManage: can(ctx.actor, 'projects.manage'),
    canWork,
  });
}

/** FS-12b: the technical handover of a project from its rows (signatories: manager, salesperson, members as item leads). */
function technicalHandoverFacts(
  r: Pick<repo.SummaryRow, 'manager_id' | 'manager_name'>,
  policy: PolicyAt,
  docs: { document_id: string }[],
  members: { id: number; name: string }[],
  sales: { id: number; name: string } | null,
  signatures: { user_id: number; signed_at: string }[],
) {
  const record = handoverDocumentsOf(policy).find((d) => d.isRecord) ?? null;
  return technicalHandoverOf({
    required: policy.document.fieldService.handoverRecordRequired,
    recordDocumentId: record?.id ?? null,
    recordUploaded: record != null && docs.some((d) => d.document_id === record.id),
    manager: r.manager_id != null ? { id: r.manager_id, name: r.manager_name ?? '' } : null,
    sales,
    itemLeads: members,
    signatures: signatures.map((x) => ({ userId: x.user_id, signedAt: x.signed_at })),
  });
}

/** Checks the contract, site, manager and members named in a body: 422 naming the field when one does not fit. */
async function checkRefs(
  db: Db,
  body: { contractId?: number; siteId?: number | null; managerId?: number | null; salesId?: number | null; memberIds?: number[] },
  customerId: number | null,
) {
  let contract: { id: number; customer_id: number } | undefined;
  if (body.contractId != null) {
    contract = await repo.contractCustomer(db, body.contractId);
    if (!contract) throw invalidValue('body.contractId', 'no such service contract');
  }
  const customer = contract?.customer_id ?? customerId;
  let site: { id: number; region_id: number | null } | undefined;
  if (body.siteId != null) {
    const row = await repo.siteRow(db, body.siteId);
    if (!row || row.customer_id !== customer) throw invalidValue('body.siteId', 'is not a site of the contract’s customer');
    site = row;
  }
  const users = [
    ...new Set([
      ...(body.memberIds ?? []),
      ...(body.managerId != null ? [body.managerId] : []),
      ...(body.salesId != null ? [body.salesId] : []),
    ]),
  ];
  if (users.length > 0) {
    const found = await repo.activeStaffAmong(db, users);
    const known = new Set(found.map((u) => u.id));
    if (body.managerId != null && !known.has(body.managerId)) throw invalidValue('body.managerId', 'no such active staff user');
    if (body.salesId != null && !known.has(body.salesId)) throw invalidValue('body.salesId', 'no such active staff user');
    const missing = (body.memberIds ?? []).findIndex((m) => !known.has(m));
    if (missing >= 0) throw invalidValue(`body.memberIds.${missing}`, 'no such active staff user');
  }
  return { contract, site };
}

/** FS-12: a project on a service contract; it starts in planning (plan, materials and costs come before the start). */
export async function createProject(ctx: Ctx, body: TProjectCreate): Promise<TProject> {
  assertCanManage(ctx);
  const { contract, site } = await checkRefs(ctx.db, body, null);
  // The contract's customer exists (foreign key).
  const customer = (await repo.customerRegion(ctx.db, contract!.customer_id))!;
  const managerId = body.managerId === undefined ? ctx.actor.id : body.managerId;
  const now = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const place = await placeOf(trx, managerId ?? ctx.actor.id);
    const { id } = await repo.insertProject(trx, {
      name: body.name,
      contract_id: contract!.id,
      customer_id: customer.id,
      site_id: site?.id ?? null,
      region_id: site?.region_id ?? customer.region_id,
      ...place,
      manager_id: managerId,
      sales_id: body.salesId ?? null,
      status: 'planning',
      description: body.description ?? null,
      created_by: ctx.actor.id,
      created_at: now,
      updated_at: now,
    });
    await repo.setMembers(trx, id, body.memberIds ?? []);
    await recordAudit(trx, ctx, { action: 'create', entity: 'project', entityId: id, after: { ...body, managerId } });
    const others = [...(body.memberIds ?? []), ...(managerId != null ? [managerId] : [])].filter((u) => u !== ctx.actor.id);
    await notify(trx, now, {
      userIds: others,
      kind: 'project.member',
      message: 'project.member',
      params: { name: body.name },
      link: `/projects/${id}`,
    });
    return getProject(ctx, id, trx);
  });
}

/** Runs `change` on the project in a transaction, refusing a stale version with 409 (no lost updates). */
async function withProject<T>(
  ctx: Ctx,
  id: number,
  version: number,
  change: (trx: Db, p: ProjectRow, now: string) => Promise<T>,
): Promise<TProject> {
  return ctx.db.transaction().execute(async (trx) => {
    const project = await projectFor(ctx, id, trx);
    if (project.version !== version) throw versionConflict('The project');
    const now = nowIso(ctx.clock);
    await change(trx, project, now);
    if (!(await repo.bumpProjectVersion(trx, id, version, now))) throw versionConflict('The project');
    return getProject(ctx, id, trx);
  });
}

export async function updateProject(ctx: Ctx, id: number, body: TProjectUpdate): Promise<TProject> {
  assertCanManage(ctx);
  return withProject(ctx, id, body.version, async (trx, p) => {
    const { site } = await checkRefs(trx, body, p.customer_id);
    const set = {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.description !== undefined && { description: body.description }),
      ...(body.siteId !== undefined && { site_id: body.siteId, region_id: site?.region_id ?? p.region_id }),
      ...(body.managerId !== undefined && { manager_id: body.managerId }),
      ...(body.salesId !== undefined && { sales_id: body.salesId }),
    };
    if (Object.keys(set).length > 0) await repo.setProject(trx, id, set);
    if (body.memberIds) await repo.setMembers(trx, id, body.memberIds);
    await recordAudit(trx, ctx, {
      action: 'update',
      entity: 'project',
      entityId: id,
      before: { name: p.name, description: p.description, siteId: p.site_id, managerId: p.manager_id, salesId: p.sales_id },
      after: body,
    });
  });
}

const TRANSITIONS: Record<TProjectTransition['action'], { from: TProjectStatus; to: TProjectStatus }> = {
  start: { from: 'planning', to: 'in_progress' },
  commission: { from: 'in_progress', to: 'commissioned' },
  accept: { from: 'commissioned', to: 'accepted' },
  close: { from: 'accepted', to: 'closed' },
};

/** A date of a transition: not in the future and not before `notBefore` (422 naming the field). */
function eventDate(value: string | undefined, today: string, path: string, notBefore: string | null, notBeforeName: string) {
  const date = value ?? today;
  if (date > today) throw invalidValue(path, `must not be in the future (today is ${today})`);
  if (notBefore && date < notBefore) throw invalidValue(path, `must not be before ${notBeforeName} (${notBefore})`);
  return date;
}

/** FS-12: nothing starts before the progress plan, the material purchase list and the cost breakdown are entered. */
async function assertReadyToStart(db: Db, projectId: number) {
  const counts = await repo.childCounts(db, projectId);
  const missing: ErrorDetail[] = [];
  if (counts.plan === 0) missing.push({ path: 'planItems', message: 'the progress plan has no items' });
  if (counts.materials === 0) missing.push({ path: 'materials', message: 'the material purchase list is empty' });
  if (counts.costs === 0) missing.push({ path: 'costs', message: 'the cost breakdown is empty' });
  if (missing.length > 0) {
    throw new AppError('rule_violation', `FS-12: enter before starting: ${missing.map((m) => m.message).join('; ')}`, {
      ruleId: 'FS-12',
      details: missing,
    });
  }
}

/**
 * FS-12b: the engineering department takes on no project without the technical handover (技术交底): the record
 * uploaded and signed on site by the engineering manager, the salesperson and each item lead (when the policy asks).
 */
async function assertTechnicalHandover(ctx: Ctx, db: Db, projectId: number, policy: PolicyAt) {
  if (!policy.document.fieldService.handoverRecordRequired) return;
  const project = await getProject(ctx, projectId, db);
  const { missing, recordDocumentId, signatories } = project.technicalHandover;
  if (missing.length === 0) return;
  const record = handoverDocumentsOf(policy).find((d) => d.id === recordDocumentId);
  const nameOf = (userId: number | null) => signatories.find((x) => x.userId === userId)?.name ?? '';
  const details = missing.map((m) =>
    m.kind === 'record'
      ? fieldDetail(m.path, 'projects.handoverRecordMissing', { document: record ? record.name : '' })
      : m.kind === 'manager'
        ? fieldDetail(m.path, 'projects.managerMissing')
        : m.kind === 'sales'
          ? fieldDetail(m.path, 'projects.salesMissing')
          : fieldDetail(m.path, 'projects.signatureMissing', { name: nameOf(m.userId) }),
  );
  throw refuse(
    'rule_violation',
    'projects.technicalHandoverIncomplete',
    {
      missing: {
        'zh-CN': details.map((d) => reasonText(d.reason!, d.params, 'zh-CN')).join('；'),
        en: details.map((d) => d.message).join('; '),
      },
    },
    { ruleId: 'FS-12b', details },
  );
}

/** FS-12: planning → in_progress → commissioned → accepted → closed; 409 when the move is illegal now. */
export async function transition(ctx: Ctx, id: number, body: TProjectTransition): Promise<TProject> {
  const step = TRANSITIONS[body.action];
  let notice: { params: TReasonParams; userIds: number[] } | null = null;
  const result = await withProject(ctx, id, body.version, async (trx, p, now) => {
    // Members commission on site; starting, accepting and closing are management decisions.
    if (body.action === 'commission') await assertCanWork(ctx, p, trx);
    else assertCanManage(ctx);
    if (p.status !== step.from) {
      throw new AppError('illegal_transition', `A project in status "${p.status}" cannot ${body.action}; it must be "${step.from}"`);
    }
    const today = todayOf(ctx);
    let set: Record<string, unknown> = { status: step.to };
    if (body.action === 'start') {
      await assertReadyToStart(trx, id);
      await assertTechnicalHandover(ctx, trx, id, await policyOn(trx, today));
      set = { ...set, started_on: today };
    } else if (body.action === 'commission') {
      const commissionedOn = eventDate(body.commissionedOn, today, 'body.commissionedOn', p.started_on, 'the start');
      const policy = await policyOn(trx, commissionedOn);
      const days = policy.document.fieldService.acceptanceHandoverDays;
      const due = acceptanceDueOn(commissionedOn, days);
      set = { ...set, commissioned_on: commissionedOn, acceptance_due_on: due, acceptance_days: days, policy_version: policy.number };
      notice = {
        userIds: [p.manager_id, p.created_by].filter((u): u is number => u != null),
        params: { name: p.name, due, days },
      };
    } else if (body.action === 'accept') {
      const acceptedOn = eventDate(body.acceptedOn, today, 'body.acceptedOn', p.commissioned_on, 'commissioning');
      set = { ...set, accepted_on: acceptedOn, accepted_by: body.acceptedBy };
    } else {
      set = { ...set, closed_at: now };
    }
    await repo.setProject(trx, id, set);
    await recordAudit(trx, ctx, {
      action: `project.${body.action}`,
      entity: 'project',
      entityId: id,
      before: { status: p.status },
      after: set,
    });
    if (notice)
      await notify(trx, now, { ...notice, kind: 'project.commissioned', message: 'project.commissioned', link: `/projects/${id}` });
  });
  return result;
}

/**
 * FS-12b: a signatory (the engineering manager, the salesperson or an item lead) signs the technical handover in
 * person — one signs only for oneself, before the project starts.
 */
export async function signTechnicalHandover(ctx: Ctx, id: number, body: TTechnicalHandoverSign): Promise<TProject> {
  return withProject(ctx, id, body.version, async (trx, p, now) => {
    if (p.status !== 'planning') throw refuse('illegal_transition', 'projects.handoverAfterStart', {}, { ruleId: 'FS-12b' });
    const { technicalHandover } = await getProject(ctx, id, trx);
    const me = technicalHandover.signatories.find((x) => x.userId === ctx.actor.id);
    if (!me) throw refuse('forbidden', 'projects.notSignatory', {}, { ruleId: 'FS-12b' });
    if (me.signedAt) throw refuse('conflict', 'projects.alreadySigned', { signedAt: me.signedAt }, { ruleId: 'FS-12b' });
    await repo.addHandoverSignature(trx, id, ctx.actor.id, now);
    await recordAudit(trx, ctx, {
      action: 'project.technicalHandover.sign',
      entity: 'project',
      entityId: id,
      after: { userId: ctx.actor.id, roles: me.roles, signedAt: now },
    });
  });
}
