import type { Ctx } from '../../http/context';
import { notFound } from '../../http/errors';
import { assertRefsExist } from '../../http/refs';
import { recordAudit } from '../audit/audit.service';

// ORG-3: product → expert engineers, in the order they are consulted.

export async function listProductExperts(ctx: Ctx, productId?: number) {
  let query = ctx.db
    .selectFrom('product_experts as pe')
    .innerJoin('users as u', 'u.id', 'pe.user_id')
    .select(['pe.product_id', 'pe.user_id', 'pe.rank', 'u.name'])
    .orderBy('pe.product_id')
    .orderBy('pe.rank');
  if (productId !== undefined) query = query.where('pe.product_id', '=', productId);
  const rows = await query.execute();
  const byProduct = new Map<number, { userId: number; name: string; rank: number }[]>();
  for (const r of rows)
    byProduct.set(r.product_id, [...(byProduct.get(r.product_id) ?? []), { userId: r.user_id, name: r.name, rank: r.rank }]);
  return byProduct;
}

export async function getProductExperts(ctx: Ctx, productId: number) {
  const product = await ctx.db.selectFrom('products').select('id').where('id', '=', productId).executeTakeFirst();
  if (!product) throw notFound('Product');
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
    await trx.deleteFrom('product_experts').where('product_id', '=', productId).execute();
    if (unique.length) {
      await trx
        .insertInto('product_experts')
        .values(unique.map((user_id, rank) => ({ product_id: productId, user_id, rank: rank + 1 })))
        .execute();
    }
    const after = await getProductExperts(txCtx, productId);
    await recordAudit(trx, ctx, { action: 'update', entity: 'product_experts', entityId: productId, before, after });
    return after;
  });
}
