import type { FastifyReply } from 'fastify';
import ExcelJS from 'exceljs';
import { contentDisposition } from './download';

export type ListColumn<T> = { header: string; width: number; value: (row: T) => string | number | null };

/**
 * Issue 12 item 9: any list as an Excel workbook — the rows on the first sheet, and on a second sheet (筛选条件) the
 * filters the list was exported with, so the file says what it holds. Chinese headers, as the other exports.
 */
export async function listWorkbook<T>(p: {
  sheet: string;
  columns: ListColumn<T>[];
  rows: T[];
  filters: Record<string, unknown>;
  exportedAt: string;
  truncated: boolean;
}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'TechServe';
  book.created = book.modified = new Date(p.exportedAt);
  const sheet = book.addWorksheet(p.sheet);
  sheet.columns = p.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  for (const r of p.rows) sheet.addRow(Object.fromEntries(p.columns.map((c, i) => [`c${i}`, c.value(r) ?? ''])));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const about = book.addWorksheet('筛选条件');
  about.columns = [
    { header: '条件', key: 'name', width: 18 },
    { header: '值', key: 'value', width: 60 },
  ];
  for (const [name, value] of Object.entries(p.filters))
    if (value !== undefined && value !== '') about.addRow({ name, value: String(value) });
  about.addRow({ name: '导出时间', value: p.exportedAt });
  about.addRow({ name: '行数', value: `${p.rows.length}${p.truncated ? '（已达上限，请缩小筛选范围）' : ''}` });
  about.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Sends a workbook as a download (private, not cached). */
export function sendWorkbook(reply: FastifyReply, file: { fileName: string; data: Buffer }) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-cache')
    .send(file.data);
}
