import type { Ctx } from '../../http/context';
import { notFound } from '../../http/errors';
import { assertRefsExist } from '../../http/refs';
import { recordAudit } from '../audit/audit.service';
import { productExists, productExpertRows, replaceProductExperts } from './org.repository';

// ORG-3: product → expert engineers, in the order they are consulted.

export async function listProductExperts(ctx: Ctx, productId?: number) {
  const rows = await productExpertRows(ctx.db, productId);
  const byProduct = new Map<number, { userId: number; name: string; rank: number }[]>();
  for (const r of rows)
    byProduct.set(r.product_id, [...(byProduct.get(r.product_id) ?? []), { userId: r.user_id, name: r.name, rank: r.rank }]);
  return byProduct;
}

export async function getProductExperts(ctx: Ctx, productId: number) {
  if (!(await productExists(ctx.db, productId))) throw notFound('Product');
  return { productId, experts: (await listProductExperts(ctx, productId)).get(productId) ?? [] };
}

export async function setProductExperts(ctx: Ctx, productId: number, userIds: number[]) {
  return ctx.db.transaction().execute(async (trx) => {
    const txCtx = { ...ctx, db: trx };
    const before = await getProductExperts(txCtx, productId);
    const unique = [...new Set(userIds)];
    await assertRefsExist(
      trx,
      unique.map((id, i) => ({ table: 'users', id, path: `body.userIds.${i}` })),
    );
    await replaceProductExperts(trx, productId, unique);
    const after = await getProductExperts(txCtx, productId);
    await recordAudit(trx, ctx, { action: 'update', entity: 'product_experts', entityId: productId, before, after });
    return after;
  });
}
