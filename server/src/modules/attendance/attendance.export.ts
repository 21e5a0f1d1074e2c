import type { TAttendanceRollupList } from '@techserve/core';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../http/context';
import { rollup } from './attendance.service';

/**
 * RS-5 (item 6): the month roll-up as an Excel workbook (Chinese headers): one row per person in the reader's scope
 * (optionally one site) with the figures and the absence explanation due, and a sheet of every explanation.
 */
export async function rollupWorkbook(ctx: Ctx, month: string, siteId: number | undefined): Promise<{ fileName: string; data: Buffer }> {
  const list: TAttendanceRollupList = await rollup(ctx, month, siteId);
  const book = new ExcelJS.Workbook();
  book.creator = 'TechServe';
  const sheet = book.addWorksheet('考勤汇总');
  sheet.columns = [
    { header: '姓名', key: 'userName', width: 14 },
    { header: '现场', key: 'siteName', width: 16 },
    { header: '应出勤（天）', key: 'workingDays', width: 12 },
    { header: '出勤（天）', key: 'presentDays', width: 10 },
    { header: '请假（天）', key: 'leaveDays', width: 10 },
    { header: '出差（天）', key: 'tripDays', width: 10 },
    { header: '迟到（次）', key: 'lateCount', width: 10 },
    { header: '迟到（分钟）', key: 'lateMinutes', width: 12 },
    { header: '严重迟到（次）', key: 'seriouslyLateCount', width: 14 },
    { header: '早退（次）', key: 'earlyCount', width: 10 },
    { header: '早退（分钟）', key: 'earlyMinutes', width: 12 },
    { header: '旷工（天）', key: 'absences', width: 10 },
    { header: '缺卡（次）', key: 'missingPunches', width: 10 },
    { header: '扣分', key: 'conductPoints', width: 8 },
    { header: '缺勤情况说明', key: 'due', width: 14 },
  ];
  for (const r of list.items) sheet.addRow({ ...r, siteName: r.siteName ?? '总部', due: r.explanationDue ? '需提交' : '' });
  sheet.getRow(1).font = { bold: true };
  const why = book.addWorksheet('说明');
  why.columns = [
    { header: '姓名', key: 'userName', width: 14 },
    { header: '规则', key: 'ruleId', width: 8 },
    { header: '制度版本', key: 'policyVersion', width: 10 },
    { header: '说明', key: 'text', width: 100 },
  ];
  for (const r of list.items)
    for (const e of r.explanations)
      why.addRow({ userName: r.userName, ruleId: e.ruleId, policyVersion: e.policyVersion ?? '', text: e.text['zh-CN'] });
  why.getRow(1).font = { bold: true };
  const data = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `考勤汇总-${month}.xlsx`, data };
}
