import type { TCustodyIn, TCustodyOut, TCustodyRecord } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { invalidValue, notFound, refuse, versionConflict } from '../../http/errors';
import { assertRefsExist } from '../../http/refs';
import { recordAudit } from '../audit/audit.service';
import * as repo from './care.repository';
import { getCustomer, getInstalledProduct } from './customers.service';

const toCustody = (r: repo.CustodyRow): TCustodyRecord =>
  Object.assign(
    { id: r.id, version: r.version, customerId: r.customer_id, installedProductId: r.installed_product_id, ticketId: r.ticket_id },
    {
      kind: r.kind as TCustodyRecord['kind'],
      item: r.item,
      keptAt: r.kept_at,
      receivedAt: r.received_at,
      receivedBy: r.received_by,
      receivedByName: r.received_by_name,
      conditionIn: r.condition_in,
      handedInBy: r.handed_in_by,
      returnedAt: r.returned_at,
      returnedBy: r.returned_by,
      returnedByName: r.returned_by_name ?? null,
      conditionOut: r.condition_out,
      takenBackBy: r.taken_back_by,
      held: r.returned_at === null,
    },
  );

export async function getCustody(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TCustodyRecord> {
  const row = await repo.findCustody(db, ctx.actor, id);
  if (!row) throw notFound('Custody record');
  return toCustody(row);
}

/** CU-6: the custody log of a customer (or all in scope), newest first; `held` filters what is still with us. */
export async function listCustody(ctx: Ctx, q: { customerId?: number; held?: 'true' | 'false' }): Promise<TCustodyRecord[]> {
  const held = q.held === undefined ? undefined : q.held === 'true';
  return (await repo.listCustody(ctx.db, ctx.actor, { customerId: q.customerId, held })).map(toCustody);
}

/** CU-6: a device or document taken for repair is logged in — who received it, when, its condition, the customer's signature. */
export async function custodyIn(ctx: Ctx, body: TCustodyIn): Promise<TCustodyRecord> {
  return ctx.db.transaction().execute(async (trx) => {
    await getCustomer(ctx, body.customerId, trx).catch(() => {
      throw invalidValue('body.customerId', `no customer with id ${body.customerId}`, 'CU-6');
    });
    await assertRefsExist(trx, [{ table: 'tickets', id: body.ticketId, path: 'body.ticketId' }]);
    if (body.installedProductId != null) {
      const p = await getInstalledProduct(ctx, body.installedProductId, trx).catch(() => null);
      if (!p || p.customerId !== body.customerId)
        throw refuse(
          'invalid_value',
          'customers.productOfOtherCustomer',
          { installedProductId: body.installedProductId },
          { ruleId: 'CU-6' },
        );
    }
    const now = nowIso(ctx.clock);
    const { id } = await repo.insertCustody(trx, {
      customer_id: body.customerId,
      installed_product_id: body.installedProductId ?? null,
      ticket_id: body.ticketId ?? null,
      kind: body.kind,
      item: body.item,
      kept_at: body.keptAt ?? null,
      received_at: now,
      received_by: ctx.actor.id,
      condition_in: body.condition,
      handed_in_by: body.signature.signerName,
      signature_in: body.signature.dataUrl,
      created_at: now,
      updated_at: now,
    });
    const after = await getCustody(ctx, id, trx);
    await recordAudit(trx, ctx, { action: 'custody.in', entity: 'custody_record', entityId: id, after });
    return after;
  });
}

/** CU-6: the item goes back to the customer — who returned it, when, its condition, the customer's signature. */
export async function custodyOut(ctx: Ctx, id: number, body: TCustodyOut): Promise<TCustodyRecord> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getCustody(ctx, id, trx);
    if (before.returnedAt) throw refuse('conflict', 'customers.alreadyReturned', { returnedAt: before.returnedAt }, { ruleId: 'CU-6' });
    const now = nowIso(ctx.clock);
    const ok = await repo.returnCustody(trx, id, body.version, {
      returned_at: now,
      returned_by: ctx.actor.id,
      condition_out: body.condition,
      taken_back_by: body.signature.signerName,
      signature_out: body.signature.dataUrl,
      updated_at: now,
    });
    if (!ok) throw versionConflict('Custody record');
    const after = await getCustody(ctx, id, trx);
    await recordAudit(trx, ctx, { action: 'custody.out', entity: 'custody_record', entityId: id, before, after });
    return after;
  });
}

/** CU-6: the drawn signatures of a record (in and out), for the printed receipt. */
export async function custodySignatures(ctx: Ctx, id: number) {
  await getCustody(ctx, id);
  const s = await repo.custodySignatures(ctx.db, id);
  return { signatureIn: s?.signature_in ?? null, signatureOut: s?.signature_out ?? null };
}
