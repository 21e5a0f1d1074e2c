import { type TAllowanceLineOut, type TClaimExpense, zoneOffsetAt } from '@techserve/core';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../http/context';
import { forbidden } from '../../http/errors';
import { can } from '../../http/context';
import { travelScope } from './travel.access.repository';
import * as repo from './travel.repository';
import { addRepairFeeSheet } from '../customers/fees.service';

const STATUS_ZH: Record<string, string> = { submitted: '待审批', approved: '已批准', rejected: '已驳回', paid: '已付款' };
const KIND_ZH: Record<TAllowanceLineOut['kind'], string> = {
  technicalGuidance: '技术指导补助',
  mealsLodging: '食宿补助',
  newEmployee: '新员工补助',
  flatDaily: '出差补贴（按天包干）',
  specialRegion: '特殊地区补助',
  boardProvided: '客户提供食宿',
  beyondItinerary: '行程外天数',
};
const WORK_ZH: Record<string, string> = { technicalGuidance: '技术指导', construction: '施工/焊接' };

/** An instant as company-local 'YYYY-MM-DD HH:mm' (finance reads local times, not UTC). */
const localTime = (iso: string | null, timeZone: string) => {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return new Date(ms + zoneOffsetAt(timeZone, ms)).toISOString().slice(0, 16).replace('T', ' ');
};

/** Fen as yuan, a number with 2 decimals (the cell is formatted 0.00). */
const yuan = (fen: number) => Math.round(fen) / 100;

/** The month's first instant and the next month's, company-local, as ISO UTC text. */
function monthRange(month: string, timeZone: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number);
  const at = (year: number, mon: number) => {
    const localMidnight = Date.UTC(year, mon - 1, 1);
    return new Date(localMidnight - zoneOffsetAt(timeZone, localMidnight)).toISOString();
  };
  return { start: at(y, m), end: m === 12 ? at(y + 1, 1) : at(y, m + 1) };
}

/**
 * TR-1/TR-3: the month's claims (trips that ended in the month, rejected ones left out) and their allowance lines
 * with explanations, and the advances paid out in the month (settled or not), as an Excel workbook with Chinese headers,
 * amounts in yuan and company-local times.
 */
export async function financeExport(ctx: Ctx, month: string): Promise<{ fileName: string; data: Buffer }> {
  if (!can(ctx.actor, 'travel.finance')) throw forbidden('This needs the permission "travel.finance"');
  const rows = await repo
    .claimsQuery(ctx.db)
    .select(['travel_requests.purpose', 'travel_requests.work_type'])
    .where((eb) => travelScope(eb, ctx.actor))
    .where('travel_claims.status', '!=', 'rejected')
    .where('travel_claims.actual_end_date', '>=', `${month}-01`)
    .where('travel_claims.actual_end_date', '<=', `${month}-31`)
    .orderBy('travel_claims.id')
    .execute();

  const book = new ExcelJS.Workbook();
  book.creator = 'TechServe';
  const money = { numFmt: '0.00' };
  const claims = book.addWorksheet('报销单');
  claims.columns = [
    { header: '报销单号', key: 'id', width: 10 },
    { header: '出差申请', key: 'requestId', width: 10 },
    { header: '出差人', key: 'userName', width: 12 },
    { header: '出差事由', key: 'purpose', width: 30 },
    { header: '工作类型', key: 'workType', width: 12 },
    { header: '实际出发', key: 'start', width: 12 },
    { header: '实际返回', key: 'end', width: 12 },
    { header: '交通及其他费用（元）', key: 'expenses', width: 18, style: money },
    { header: '出差补助（元）', key: 'allowance', width: 14, style: money },
    { header: '已预支（元）', key: 'advance', width: 12, style: money },
    { header: '应付/应退（元）', key: 'payable', width: 14, style: money },
    { header: '状态', key: 'status', width: 10 },
    { header: '付款时间', key: 'paidAt', width: 22 },
  ];
  const lines = book.addWorksheet('补助明细');
  lines.columns = [
    { header: '报销单号', key: 'claimId', width: 10 },
    { header: '出差人', key: 'userName', width: 12 },
    { header: '补助项目', key: 'kind', width: 14 },
    { header: '天数', key: 'days', width: 8 },
    { header: '标准（元/天）', key: 'rate', width: 14, style: money },
    { header: '金额（元）', key: 'amount', width: 12, style: money },
    { header: '依据', key: 'ruleId', width: 8 },
    { header: '制度版本', key: 'policyVersion', width: 10 },
    { header: '说明', key: 'text', width: 70 },
  ];
  const expenseSheet = book.addWorksheet('费用明细');
  expenseSheet.columns = [
    { header: '报销单号', key: 'claimId', width: 10 },
    { header: '出差人', key: 'userName', width: 12 },
    { header: '日期', key: 'date', width: 12 },
    { header: '类别', key: 'category', width: 10 },
    { header: '说明', key: 'description', width: 40 },
    { header: '金额（元）', key: 'amount', width: 12, style: money },
  ];
  const CATEGORY_ZH: Record<TClaimExpense['category'], string> = { transport: '交通', lodging: '住宿', other: '其他' };
  let total = 0;
  for (const r of rows) {
    total += Number(r.payable_fen);
    claims.addRow({
      id: r.id,
      requestId: r.request_id,
      userName: r.user_name,
      purpose: r.purpose,
      workType: WORK_ZH[r.work_type] ?? r.work_type,
      start: r.actual_start_date,
      end: r.actual_end_date,
      expenses: yuan(Number(r.expenses_fen)),
      allowance: yuan(Number(r.allowance_fen)),
      advance: yuan(Number(r.advance_fen)),
      payable: yuan(Number(r.payable_fen)),
      status: STATUS_ZH[r.status] ?? r.status,
      paidAt: localTime(r.paid_at, ctx.timeZone),
    });
    for (const l of repo.parseJson<TAllowanceLineOut[]>(r.allowance_lines, [])) {
      lines.addRow({
        claimId: r.id,
        userName: r.user_name,
        kind: KIND_ZH[l.kind],
        days: l.days,
        rate: yuan(l.rateFen),
        amount: yuan(l.amountFen),
        ruleId: l.explanation.ruleId,
        policyVersion: l.explanation.policyVersion ?? '',
        text: l.explanation.text['zh-CN'],
      });
    }
    for (const e of repo.parseJson<TClaimExpense[]>(r.expenses, [])) {
      expenseSheet.addRow({
        claimId: r.id,
        userName: r.user_name,
        date: e.date,
        category: CATEGORY_ZH[e.category],
        description: e.description,
        amount: yuan(e.amountFen),
      });
    }
  }
  claims.addRow({ id: '合计', payable: yuan(total) });

  // FS-3/TR-1: the advances paid out in the month (company-local), settled by a claim or still open.
  const { start, end } = monthRange(month, ctx.timeZone);
  const advances = await repo
    .advancesQuery(ctx.db)
    .innerJoin('travel_requests', 'travel_requests.id', 'travel_advances.request_id')
    .where((eb) => travelScope(eb, ctx.actor))
    .where('travel_advances.status', 'in', ['paid', 'settled'])
    .where('travel_advances.paid_at', '>=', start)
    .where('travel_advances.paid_at', '<', end)
    .orderBy('travel_advances.id')
    .execute();
  const advanceSheet = book.addWorksheet('预支款');
  advanceSheet.columns = [
    { header: '预支单号', key: 'id', width: 10 },
    { header: '出差申请', key: 'requestId', width: 10 },
    { header: '出差人', key: 'userName', width: 12 },
    { header: '事由', key: 'reason', width: 30 },
    { header: '金额（元）', key: 'amount', width: 12, style: money },
    { header: '付款时间', key: 'paidAt', width: 18 },
    { header: '状态', key: 'status', width: 12 },
    { header: '冲抵报销单', key: 'claimId', width: 12 },
  ];
  for (const a of advances) {
    advanceSheet.addRow({
      id: a.id,
      requestId: a.request_id,
      userName: a.user_name,
      reason: a.reason,
      amount: yuan(Number(a.amount_fen)),
      paidAt: localTime(a.paid_at, ctx.timeZone),
      status: a.status === 'settled' ? '已结算' : '未结算',
      claimId: a.settled_claim_id ?? '',
    });
  }
  for (const sheet of [claims, lines, expenseSheet, advanceSheet]) sheet.getRow(1).font = { bold: true };
  // CU-3: all repair fees go to finance — the month's chargeable repairs as their own sheet.
  if (can(ctx.actor, 'customers.fees')) await addRepairFeeSheet(book, ctx.db, month);
  const data = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `差旅报销-${month}.xlsx`, data };
}
