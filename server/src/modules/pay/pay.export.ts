import type { TPayLineKind } from '@techserve/core';
import ExcelJS from 'exceljs';
import { type Ctx, can } from '../../http/context';
import { forbidden } from '../../http/errors';
import { payrollOf } from './pay.service';

/** The payroll's columns: one per kind of line, in the order PAY-5 adds them. */
const COLUMNS: { kind: TPayLineKind; header: string }[] = [
  { kind: 'base', header: '基本工资（元）' },
  { kind: 'fieldAllowance', header: '野外补贴（元）' },
  { kind: 'travel', header: '出差补助（元）' },
  { kind: 'commission', header: '计件提成（元）' },
  { kind: 'nonPiece', header: '非计件工作（元）' },
  { kind: 'settlement', header: '结算提成（元）' },
  { kind: 'retention', header: '质保金发放（元）' },
  { kind: 'performance', header: '绩效工资（元）' },
  { kind: 'fine', header: '罚款（元）' },
  { kind: 'bonus', header: '奖励（元）' },
  { kind: 'adjustment', header: '考核调整（元）' },
  { kind: 'overtime', header: '加班（元）' },
  { kind: 'minimumTopUp', header: '保底补足（元）' },
];
const KIND_ZH = Object.fromEntries(COLUMNS.map((c) => [c.kind, c.header.replace('（元）', '')])) as Record<TPayLineKind, string>;
const NOT_RECORDED = '未记录';
const yuan = (fen: number) => Math.round(fen) / 100;

/**
 * PAY-5: the month's payroll for finance (工资表): one row per person (base, allowances, commission, performance pay,
 * fines and bonuses from the frozen sheet, the month's AP-6/PAY-2 bonuses, approved overtime priced by AT-5b, the
 * minimum top-up, total; no tax) and every line on a second sheet with its rule, policy version, facts and sentence.
 * A line whose fact is not recorded (an unpriced amount) reads 未记录, never 0. The workbook's
 * own dates are the last freezing instant, and the PAY-2 ranking is fixed on the first export, so the same frozen month
 * always gives the same file contents.
 */
export async function payrollExport(ctx: Ctx, month: string): Promise<{ fileName: string; data: Buffer }> {
  if (!can(ctx.actor, 'pay.export')) throw forbidden('This needs the permission "pay.export"');
  const { payroll, frozenAt } = await payrollOf(ctx, month, { exporting: true });
  const book = new ExcelJS.Workbook();
  book.creator = 'TechServe';
  if (frozenAt) book.created = book.modified = new Date(frozenAt);
  const money = { numFmt: '0.00' };
  const summary = book.addWorksheet('工资表');
  summary.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '月份', key: 'month', width: 10 },
    { header: '考核等级', key: 'grade', width: 10 },
    ...COLUMNS.map((c) => ({ header: c.header, key: c.kind, width: 14, style: money })),
    { header: '实发合计（元，未扣税）', key: 'total', width: 20, style: money },
    { header: '制度版本', key: 'policyVersion', width: 10 },
  ];
  const detail = book.addWorksheet('工资明细');
  detail.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '项目', key: 'kind', width: 14 },
    { header: '依据', key: 'ruleId', width: 8 },
    { header: '制度版本', key: 'policyVersion', width: 10 },
    { header: '金额（元）', key: 'amount', width: 12, style: money },
    { header: '事实', key: 'facts', width: 40 },
    { header: '说明', key: 'text', width: 90 },
  ];
  for (const p of payroll.items) {
    const row: Record<string, string | number> = {
      name: p.userName,
      month,
      grade: p.grade ?? '',
      total: yuan(p.totalFen),
      policyVersion: payroll.policyVersion ?? '',
    };
    for (const c of COLUMNS) {
      const lines = p.lines.filter((l) => l.kind === c.kind);
      row[c.kind] = lines.some((l) => l.amountFen === null) ? NOT_RECORDED : yuan(lines.reduce((s, l) => s + (l.amountFen ?? 0), 0));
    }
    summary.addRow(row);
    for (const l of p.lines) {
      detail.addRow({
        name: p.userName,
        kind: KIND_ZH[l.kind],
        ruleId: l.ruleId,
        policyVersion: l.explanation.policyVersion ?? '',
        amount: l.amountFen === null ? NOT_RECORDED : yuan(l.amountFen),
        facts: JSON.stringify(l.explanation.inputs),
        text: l.explanation.text['zh-CN'],
      });
    }
  }
  summary.addRow({ name: '合计', total: yuan(payroll.totalFen) });
  const data = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `工资表-${month}.xlsx`, data };
}
