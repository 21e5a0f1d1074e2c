import {
  type TExplanation,
  type TRepairFee,
  type TRepairFeeCreate,
  type TRepairFeeMonth,
  assessRepairFee,
  monthOfDate,
  repairCoverage,
} from '@techserve/core';
import ExcelJS from 'exceljs';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { invalidValue, notFound, refuse } from '../../http/errors';
import { assertRefsExist } from '../../http/refs';
import { recordAudit } from '../audit/audit.service';
import * as repo from './care.repository';
import { getCustomer, installedOn, warrantyPolicy } from './customers.service';

const toFee = (r: repo.FeeRow): TRepairFee =>
  Object.assign(
    { id: r.id, customerId: r.customer_id, customerName: r.customer_name, installedProductId: r.installed_product_id },
    {
      ticketId: r.ticket_id,
      description: r.description,
      part: r.part,
      causedByPeople: Boolean(r.caused_by_people),
      basis: r.basis,
      feeFen: Number(r.fee_fen),
      partsFen: Number(r.parts_fen),
      totalFen: Number(r.total_fen),
      agreedOn: r.agreed_on,
      month: r.month,
      salesUserId: r.sales_user_id,
      salesName: r.sales_name,
      headUserId: r.head_user_id,
      headName: r.head_name,
      createdAt: r.created_at,
      explanation: JSON.parse(r.explanation) as TExplanation,
    },
  );

async function getFee(db: Db, id: number): Promise<TRepairFee> {
  const row = await repo.findFee(db, id);
  if (!row) throw notFound('Repair fee');
  return toFee(row);
}

async function assertStaff(db: Db, id: number, path: string) {
  if (!(await repo.activeStaff(db, id)))
    throw refuse('invalid_value', 'customers.notStaffUser', { userId: id }, { ruleId: 'CU-3', details: [{ path, message: 'not staff' }] });
}

/**
 * CU-3: a chargeable repair's fee, agreed with the customer by the salesperson and the department head, recorded for
 * finance. Refused when the repair is covered (CU-2: in the device's or the part's own warranty, not caused by people)
 * or the fee is below the policy's minimum cost fee; the explanation joins the coverage and the fee's assessment.
 */
export async function createRepairFee(ctx: Ctx, body: TRepairFeeCreate): Promise<TRepairFee> {
  return ctx.db.transaction().execute(async (trx) => {
    await getCustomer(ctx, body.customerId, trx).catch(() => {
      throw invalidValue('body.customerId', `no customer with id ${body.customerId}`, 'CU-3');
    });
    await assertRefsExist(trx, [{ table: 'tickets', id: body.ticketId, path: 'body.ticketId' }]);
    await assertStaff(trx, body.salesUserId, 'body.salesUserId');
    await assertStaff(trx, body.headUserId, 'body.headUserId');
    const policy = await warrantyPolicy(trx, body.agreedOn, body.agreedOn);
    let coverage: ReturnType<typeof repairCoverage> | null = null;
    if (body.installedProductId != null) {
      const product = await installedOn(ctx, body.installedProductId, body.agreedOn, trx).catch(() => null);
      if (!product || product.customerId !== body.customerId)
        throw refuse(
          'invalid_value',
          'customers.productOfOtherCustomer',
          { installedProductId: body.installedProductId },
          { ruleId: 'CU-3' },
        );
      coverage = repairCoverage({
        warranty: product.warranty,
        part: body.part,
        causedByPeople: body.causedByPeople,
        policyVersion: policy.number,
      });
      if (!coverage.chargeable) {
        const t = coverage.explanation.text;
        throw refuse('rule_violation', 'customers.repairCovered', { why: { 'zh-CN': t['zh-CN'], en: t.en } }, { ruleId: 'CU-2' });
      }
    }
    const o = policy.document.sla.outOfWarranty;
    const fee = assessRepairFee({ feeFen: body.feeFen, partsFen: body.partsFen, policy: o, policyVersion: policy.number });
    if (fee.belowMinimum)
      throw refuse('rule_violation', 'customers.feeBelowMinimum', { minimum: (o.minimumFeeFen / 100).toFixed(2) }, { ruleId: 'CU-3' });
    const basis = coverage?.basis ?? (body.causedByPeople ? 'caused_by_people' : 'modification');
    const explanation: TExplanation = coverage
      ? Object.assign({}, fee.explanation, {
          inputs: Object.assign({}, fee.explanation.inputs, { coverage: coverage.explanation.inputs }),
          text: {
            'zh-CN': `${coverage.explanation.text['zh-CN']}；${fee.explanation.text['zh-CN']}`,
            en: `${coverage.explanation.text.en}; ${fee.explanation.text.en}`,
          },
        })
      : fee.explanation;
    const { id } = await repo.insertFee(trx, {
      customer_id: body.customerId,
      installed_product_id: body.installedProductId ?? null,
      ticket_id: body.ticketId ?? null,
      description: body.description,
      part: body.part ?? null,
      caused_by_people: body.causedByPeople ? 1 : 0,
      basis,
      fee_fen: body.feeFen,
      parts_fen: body.partsFen,
      total_fen: fee.totalFen,
      agreed_on: body.agreedOn,
      month: monthOfDate(body.agreedOn),
      sales_user_id: body.salesUserId,
      head_user_id: body.headUserId,
      explanation: JSON.stringify(explanation),
      policy_version: policy.number,
      created_by: ctx.actor.id,
      created_at: nowIso(ctx.clock),
    });
    const after = await getFee(trx, id);
    await recordAudit(trx, ctx, { action: 'create', entity: 'repair_fee', entityId: id, after });
    return after;
  });
}

/** CU-3: the month's fees for finance (by the day agreed), with the total. */
export async function feesMonth(db: Db, month: string): Promise<TRepairFeeMonth> {
  const items = (await repo.feesForMonth(db, month)).map(toFee);
  return { month, items, totalFen: items.reduce((s, f) => s + f.totalFen, 0) };
}

const BASIS_ZH: Record<string, string> = {
  caused_by_people: '人为故障',
  out_of_warranty: '保外维修',
  warranty_unknown: '质保未知',
  modification: '改造',
};

/** CU-3: the month's repair fees as a worksheet of a finance workbook (Chinese headers, yuan). */
export async function addRepairFeeSheet(book: ExcelJS.Workbook, db: Db, month: string): Promise<void> {
  const { items, totalFen } = await feesMonth(db, month);
  const money = { numFmt: '0.00' };
  const sheet = book.addWorksheet('维修收费');
  sheet.columns = [
    { header: '编号', key: 'id', width: 8 },
    { header: '约定日期', key: 'agreedOn', width: 12 },
    { header: '客户', key: 'customer', width: 24 },
    { header: '维修内容', key: 'description', width: 30 },
    { header: '收费原因', key: 'basis', width: 10 },
    { header: '成本费（元）', key: 'fee', width: 12, style: money },
    { header: '配件费（元）', key: 'parts', width: 12, style: money },
    { header: '合计（元）', key: 'total', width: 12, style: money },
    { header: '销售', key: 'sales', width: 10 },
    { header: '部门负责人', key: 'head', width: 10 },
    { header: '说明', key: 'text', width: 70 },
  ];
  for (const f of items) {
    sheet.addRow({
      id: f.id,
      agreedOn: f.agreedOn,
      customer: f.customerName,
      description: f.description,
      basis: BASIS_ZH[f.basis] ?? f.basis,
      fee: f.feeFen / 100,
      parts: f.partsFen / 100,
      total: f.totalFen / 100,
      sales: f.salesName,
      head: f.headName,
      text: f.explanation.text['zh-CN'],
    });
  }
  sheet.addRow({ id: '合计', total: totalFen / 100 });
}

/** CU-3: the month's repair fees alone as an Excel workbook for finance. */
export async function repairFeesExport(db: Db, month: string): Promise<{ fileName: string; data: Buffer }> {
  const book = new ExcelJS.Workbook();
  book.creator = 'TechServe';
  await addRepairFeeSheet(book, db, month);
  return { fileName: `维修收费-${month}.xlsx`, data: Buffer.from(await book.xlsx.writeBuffer()) };
}
