import type {
  TDelivery,
  TDeliveryCheck,
  TDeliveryCreate,
  TDeliveryListQuery,
  TDeliveryNotify,
  TDeliveryStatus,
  TDeliverySummary,
  TDeliveryUpdate,
} from '@techserve/core';
import { messageTexts } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, invalidValue, notFound, versionConflict } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { queueMail } from '../../mail/outbox.repository';
import { recordAudit } from '../audit/audit.service';
import { notificationMail, notify } from '../notifications/notifications.service';
import * as repo from './deliveries.repository';
import { assertCanWork, placeOf, projectFor, projectScope } from './projects.access.repository';
import { customerRegion } from './projects.repository';
import { detectFileType } from '../../files';

// FS-13: delivery (到货交付) — on arrival the customer is told, the delivery address recorded, the customer checks the
// quantities item by item and signs; a difference from the expected quantity is flagged.

/** The decoded signature image is capped (a phone's signature PNG is far smaller). */
export const MAX_SIGNATURE_BYTES = 512 * 1024;
const DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;

const toSummary = (r: repo.DeliverySummaryRow): TDeliverySummary => ({
  id: r.id,
  status: r.status as TDeliveryStatus,
  projectId: r.project_id,
  projectName: r.project_name,
  contractId: r.contract_id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  address: r.address,
  expectedOn: r.expected_on,
  notifiedAt: r.notified_at,
  signedAt: r.signed_at,
  discrepancy: Boolean(r.discrepancy),
  createdAt: r.created_at,
  version: r.version,
});

export async function listDeliveries(ctx: Ctx, q: TDeliveryListQuery) {
  const cursor = decodeCursor(q.cursor, 1);
  let query = repo.deliverySummaryQuery(ctx.db).where((eb) => projectScope(eb, ctx.actor, 'deliveries'));
  if (q.projectId) query = query.where('deliveries.project_id', '=', q.projectId);
  if (q.status) query = query.where('deliveries.status', '=', q.status);
  if (cursor) query = query.where('deliveries.id', '<', Number(cursor[0]));
  const rows = await query
    .orderBy('deliveries.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: items.map(toSummary), nextCursor };
}

async function deliveryFor(ctx: Ctx, id: number, db: Db = ctx.db) {
  const row = await repo.deliveryInScope(db, ctx.actor, id);
  if (!row) throw notFound('Delivery');
  return row;
}
type DeliveryRow = Awaited<ReturnType<typeof deliveryFor>>;

/** Work on a project's delivery is for its members (or projects.manage); a delivery without a project for its creator too. */
async function assertMayWork(ctx: Ctx, d: DeliveryRow, db: Db) {
  if (d.project_id != null) return assertCanWork(ctx, await projectFor(ctx, d.project_id, db), db);
  if (d.created_by !== ctx.actor.id) return assertCanWork(ctx, { id: 0, manager_id: null }, db);
}

export async function getDelivery(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TDelivery> {
  const d = await deliveryFor(ctx, id, db);
  const [r, items, contact, notifier] = await Promise.all([
    repo.deliverySummaryQuery(db).where('deliveries.id', '=', id).executeTakeFirstOrThrow(),
    repo.itemsOf(db, id),
    d.contact_id ? repo.contactRow(db, d.contact_id) : undefined,
    d.notified_by ? repo.userName(db, d.notified_by) : undefined,
  ]);
  // Object.assign, not `{ ...summary, … }`: on Node 20 each property after a spread takes V8's slow path (~100 µs an object).
  return Object.assign(toSummary(r), {
    contactId: d.contact_id,
    contactName: contact?.name ?? null,
    contactEmail: contact?.email ?? null,
    notifiedBy: notifier?.name ?? null,
    signerName: d.signer_name,
    hasSignature: d.signature != null,
    items: items.map((i) => ({
      id: i.id,
      name: i.name,
      spec: i.spec,
      qtyExpected: i.qty_expected,
      qtyChecked: i.qty_checked,
      note: i.note,
      discrepancy: i.qty_checked != null && i.qty_checked !== i.qty_expected,
    })),
  });
}

async function checkContact(db: Db, contactId: number | null | undefined, customerId: number) {
  if (contactId == null) return;
  const c = await repo.contactCustomer(db, contactId);
  if (!c || c.customer_id !== customerId) throw invalidValue('body.contactId', 'is not a contact of the delivery’s customer');
}

/** Where a delivery belongs: its project (then its contract and customer), a contract, or a customer. */
async function ownerOf(ctx: Ctx, body: TDeliveryCreate) {
  if (body.projectId != null) {
    const p = await projectFor(ctx, body.projectId).catch(() => {
      throw invalidValue('body.projectId', 'no such project');
    });
    await assertCanWork(ctx, p);
    if (body.contractId != null && body.contractId !== p.contract_id)
      throw invalidValue('body.contractId', 'differs from the project’s contract');
    if (body.customerId != null && body.customerId !== p.customer_id)
      throw invalidValue('body.customerId', 'differs from the project’s customer');
    return {
      project_id: p.id,
      contract_id: p.contract_id,
      customer_id: p.customer_id,
      region_id: p.region_id,
      department_id: p.department_id,
      team_id: p.team_id,
    };
  }
  let customerId = body.customerId ?? null;
  if (body.contractId != null) {
    const c = await repo.contractCustomer(ctx.db, body.contractId);
    if (!c) throw invalidValue('body.contractId', 'no such service contract');
    if (customerId != null && customerId !== c.customer_id) throw invalidValue('body.customerId', 'differs from the contract’s customer');
    customerId = c.customer_id;
  }
  const customer = await customerRegion(ctx.db, customerId!);
  if (!customer) throw invalidValue('body.customerId', 'no such customer');
  return {
    project_id: null,
    contract_id: body.contractId ?? null,
    customer_id: customer.id,
    region_id: customer.region_id,
    ...(await placeOf(ctx.db, ctx.actor.id)),
  };
}

export async function createDelivery(ctx: Ctx, body: TDeliveryCreate): Promise<TDelivery> {
  const owner = await ownerOf(ctx, body);
  await checkContact(ctx.db, body.contactId, owner.customer_id);
  const now = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertDelivery(trx, {
      ...owner,
      contact_id: body.contactId ?? null,
      status: 'planned',
      address: body.address ?? null,
      expected_on: body.expectedOn ?? null,
      created_by: ctx.actor.id,
      created_at: now,
      updated_at: now,
    });
    await repo.insertItems(
      trx,
      body.items.map((i) => ({ delivery_id: id, name: i.name, spec: i.spec ?? null, qty_expected: i.qtyExpected })),
    );
    await recordAudit(trx, ctx, { action: 'create', entity: 'delivery', entityId: id, after: body });
    return getDelivery(ctx, id, trx);
  });
}

/** Runs a change on a delivery the actor may work on, refusing a stale version with 409. */
async function withDelivery(
  ctx: Ctx,
  id: number,
  version: number,
  change: (trx: Db, d: DeliveryRow, now: string) => Promise<Record<string, unknown>>,
): Promise<TDelivery> {
  return ctx.db.transaction().execute(async (trx) => {
    const d = await deliveryFor(ctx, id, trx);
    await assertMayWork(ctx, d, trx);
    if (d.version !== version) throw versionConflict('The delivery');
    const now = nowIso(ctx.clock);
    const set = await change(trx, d, now);
    if (!(await repo.updateDeliveryAtVersion(trx, id, version, { ...set, updated_at: now, version: version + 1 })))
      throw versionConflict('The delivery');
    return getDelivery(ctx, id, trx);
  });
}

export async function updateDelivery(ctx: Ctx, id: number, body: TDeliveryUpdate): Promise<TDelivery> {
  return withDelivery(ctx, id, body.version, async (trx, d) => {
    if (d.status === 'signed') throw new AppError('illegal_transition', 'A signed delivery cannot be changed');
    await checkContact(trx, body.contactId, d.customer_id);
    const set = {
      ...(body.contactId !== undefined && { contact_id: body.contactId }),
      ...(body.address !== undefined && { address: body.address }),
      ...(body.expectedOn !== undefined && { expected_on: body.expectedOn }),
    };
    await recordAudit(trx, ctx, {
      action: 'update',
      entity: 'delivery',
      entityId: id,
      before: { contactId: d.contact_id, address: d.address, expectedOn: d.expected_on },
      after: body,
    });
    return set;
  });
}

/**
 * FS-13: tell the customer the equipment has arrived: an e-mail to the contact through the outbox, in-app
 * notifications to the customer's portal users; the time is recorded. The delivery address and a contact are
 * needed first (422 FS-13 naming what is missing). Telling again later (a changed date) is allowed.
 */
export async function notifyDelivery(ctx: Ctx, id: number, body: TDeliveryNotify): Promise<TDelivery> {
  return withDelivery(ctx, id, body.version, async (trx, d, now) => {
    if (d.status === 'signed') throw new AppError('illegal_transition', 'The delivery is already checked and signed');
    const missing = [
      ...(d.address ? [] : [{ path: 'address', message: 'the delivery address is not recorded' }]),
      ...(d.contact_id ? [] : [{ path: 'contactId', message: 'no customer contact is named' }]),
    ];
    if (missing.length > 0)
      throw new AppError('rule_violation', `FS-13: before telling the customer: ${missing.map((m) => m.message).join('; ')}`, {
        ruleId: 'FS-13',
        details: missing,
      });
    const contact = await repo.contactRowOrThrow(trx, d.contact_id!);
    const items = await repo.itemsOf(trx, id);
    const list = items.map((i) => `- ${i.name} × ${i.qty_expected}`).join('\n');
    const extra = body.message ? `\n\n${body.message}` : '';
    const message = { message: 'delivery.arrived', params: { name: contact.name, address: d.address, list, extra } } as const;
    if (contact.email?.trim()) {
      const mail = notificationMail({ ...messageTexts(message.message, message.params), link: null });
      await queueMail(trx, [
        {
          to_address: contact.email.trim(),
          subject: mail.subject,
          text_body: mail.text,
          html_body: null,
          created_at: now,
          send_after: now,
        },
      ]);
    }
    const portalUsers = await repo.portalUsersOf(trx, d.customer_id);
    await notify(trx, now, { ...message, userIds: portalUsers.map((u) => u.id), kind: 'delivery.arrived', email: false });
    await recordAudit(trx, ctx, {
      action: 'delivery.notify',
      entity: 'delivery',
      entityId: id,
      after: { notifiedAt: now, to: contact.email ?? null },
    });
    return { status: 'notified', notified_at: now, notified_by: ctx.actor.id };
  });
}

/** The signature's PNG bytes: a data URL whose content really is a PNG (magic bytes) under the size cap. */
function signatureBytes(dataUrl: string): Buffer {
  const m = DATA_URL.exec(dataUrl);
  if (!m) throw invalidValue('body.signature', 'must be a data:image/png;base64 URL', 'FS-13');
  const bytes = Buffer.from(m[1], 'base64');
  if (bytes.length > MAX_SIGNATURE_BYTES)
    throw new AppError('payload_too_large', `The signature image is larger than ${MAX_SIGNATURE_BYTES / 1024} KB`);
  if (detectFileType(bytes, 'signature.png')?.contentType !== 'image/png')
    throw invalidValue('body.signature', 'is not a PNG image', 'FS-13');
  return bytes;
}

/**
 * FS-13: the customer checks every item's quantity and signs. Every item must be counted once; an item whose count
 * differs from the expected quantity flags the delivery (and tells its creator and project manager).
 */
export async function checkDelivery(ctx: Ctx, id: number, body: TDeliveryCheck): Promise<TDelivery> {
  signatureBytes(body.signature);
  return withDelivery(ctx, id, body.version, async (trx, d, now) => {
    if (d.status === 'planned')
      throw new AppError('rule_violation', 'FS-13: tell the customer of the arrival before the check', {
        ruleId: 'FS-13',
        details: [{ path: 'status', message: 'not notified' }],
      });
    if (d.status === 'signed') throw new AppError('illegal_transition', 'The delivery is already checked and signed');
    const items = await repo.itemsOf(trx, id);
    const given = new Set<number>();
    body.items.forEach((i, n) => {
      if (!items.some((x) => x.id === i.itemId)) throw invalidValue(`body.items.${n}.itemId`, 'is not an item of this delivery');
      if (given.has(i.itemId)) throw invalidValue(`body.items.${n}.itemId`, 'is counted twice');
      given.add(i.itemId);
    });
    const uncounted = items.filter((x) => !given.has(x.id));
    if (uncounted.length > 0)
      throw invalidValue('body.items', `every item must be counted; missing item ids ${uncounted.map((x) => x.id).join(', ')}`, 'FS-13');
    for (const i of body.items) await repo.setItemCount(trx, i.itemId, i.qtyChecked, i.note ?? null);
    const flagged = body.items.some((i) => i.qtyChecked !== items.find((x) => x.id === i.itemId)!.qty_expected);
    await recordAudit(trx, ctx, {
      action: 'delivery.check',
      entity: 'delivery',
      entityId: id,
      after: { items: body.items, signerName: body.signerName, discrepancy: flagged },
    });
    if (flagged) {
      const project = d.project_id ? await repo.projectManager(trx, d.project_id) : undefined;
      await notify(trx, now, {
        userIds: [d.created_by, project?.manager_id ?? 0],
        kind: 'delivery.discrepancy',
        message: 'delivery.discrepancy',
        params: { id },
        link: `/projects/deliveries/${id}`,
      });
    }
    return { status: 'signed', signer_name: body.signerName, signature: body.signature, signed_at: now, discrepancy: flagged ? 1 : 0 };
  });
}
