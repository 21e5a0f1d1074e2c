import type { TAppraisalLineOut } from '@techserve/core';
import ExcelJS from 'exceljs';
import { type Ctx, can } from '../../http/context';
import { forbidden } from '../../http/errors';
import * as repo from './appraisal.repository';
import { type StoredAdjustment, adjustmentLine } from './appraisal.sheet';

const KIND_ZH: Record<TAppraisalLineOut['kind'], string> = {
  fine: '罚款',
  bonus: '奖励',
  score: '得分',
  grade: '等级',
  proposal: '提请决定',
  info: '说明',
  adjustment: '调整',
};
const yuan = (fen: number) => Math.round(fen) / 100;
const points = (tenths: number | null) => (tenths === null ? '' : tenths / 10);

/**
 * AP-15: the month's final (signed and frozen) sheets in the actor's scope as an Excel workbook for finance: one row
 * per person (grade, fines, bonuses, adjustments, net amount, policy version, inputs digest) and every line with its
 * rule, policy version and sentence. Read from the frozen sheets only, so the same month always exports the same
 * figures; sheets not yet final are left out (listed nowhere as zero).
 */
export async function appraisalExport(ctx: Ctx, month: string): Promise<{ fileName: string; data: Buffer }> {
  if (!can(ctx.actor, 'appraisal.export')) throw forbidden('This needs the permission "appraisal.export"');
  const rows = (await repo.listSheets(ctx.db, ctx.actor, month, false)).filter((r) => r.state === 'final');
  const book = new ExcelJS.Workbook();
  book.creator = 'TechServe';
  // The workbook's own dates follow the data, not the clock: the same frozen month gives the same file contents.
  const stamp = rows
    .map((r) => r.frozen_at ?? '')
    .sort()
    .at(-1);
  if (stamp) book.created = book.modified = new Date(stamp);
  const money = { numFmt: '0.00' };
  const summary = book.addWorksheet('考核汇总');
  summary.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '月份', key: 'month', width: 10 },
    { header: '等级', key: 'grade', width: 8 },
    { header: '总分', key: 'total', width: 8 },
    { header: '罚款（元）', key: 'fines', width: 12, style: money },
    { header: '奖励（元）', key: 'bonuses', width: 12, style: money },
    { header: '调整（元）', key: 'adjustments', width: 12, style: money },
    { header: '奖罚合计（元）', key: 'net', width: 14, style: money },
    { header: '制度版本', key: 'policyVersion', width: 10 },
    { header: '总经理签字', key: 'approvedBy', width: 12 },
    { header: '签字时间', key: 'approvedAt', width: 22 },
    { header: '数据摘要', key: 'digest', width: 20 },
  ];
  const detail = book.addWorksheet('考核明细');
  detail.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '类别', key: 'kind', width: 10 },
    { header: '依据', key: 'ruleId', width: 8 },
    { header: '制度版本', key: 'policyVersion', width: 10 },
    { header: '金额（元）', key: 'amount', width: 12, style: money },
    { header: '得分', key: 'points', width: 8 },
    { header: '说明', key: 'text', width: 90 },
  ];
  let net = 0;
  for (const r of rows) {
    const computed = JSON.parse(r.lines) as TAppraisalLineOut[];
    const adjustments = (JSON.parse(r.adjustments) as StoredAdjustment[]).map((a, i) => adjustmentLine(a, i, r.policy_version));
    const lines = [...computed, ...adjustments];
    const sum = (kind: TAppraisalLineOut['kind']) => lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.amountFen, 0);
    net += Number(r.amount_fen);
    summary.addRow({
      name: r.user_name,
      month: r.month,
      grade: r.grade ?? '',
      total: points(r.total_tenths),
      fines: yuan(sum('fine')),
      bonuses: yuan(sum('bonus')),
      adjustments: yuan(sum('adjustment')),
      net: yuan(Number(r.amount_fen)),
      policyVersion: r.policy_version ?? '',
      approvedBy: r.approved_by_name ?? '',
      approvedAt: r.approved_at ?? '',
      digest: r.inputs_digest.slice(0, 16),
    });
    for (const l of lines) {
      detail.addRow({
        name: r.user_name,
        kind: KIND_ZH[l.kind],
        ruleId: l.ruleId,
        policyVersion: l.explanation.policyVersion ?? '',
        amount: yuan(l.amountFen),
        points: points(l.pointsTenths),
        text: l.explanation.text['zh-CN'],
      });
    }
  }
  summary.addRow({ name: '合计', net: yuan(net) });
  const data = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `考核表-${month}.xlsx`, data };
}
