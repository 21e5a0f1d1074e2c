import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply } from 'fastify';
import type { TExportLang } from '@techserve/core';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { nowIso } from '../http/clock';
import type { Ctx } from '../http/context';
import { contentDisposition } from './download';

/** A text in both languages of the product. */
export type Words = Record<TExportLang, string>;
export type ListColumn<T> = { header: Words; width: number; value: (row: T, lang: TExportLang) => string | number | null };

/** The most rows one export holds; beyond it the file says so and the user narrows the filters. */
export const EXPORT_MAX_ROWS = 5000;
const PAGE = 200;

const W = {
  filters: { 'zh-CN': '筛选条件', en: 'Filters' },
  name: { 'zh-CN': '条件', en: 'Filter' },
  value: { 'zh-CN': '值', en: 'Value' },
  exportedAt: { 'zh-CN': '导出时间', en: 'Exported at' },
  rows: { 'zh-CN': '行数', en: 'Rows' },
  truncated: { 'zh-CN': '（已达上限，请缩小筛选范围）', en: ' (the most one file holds; narrow the filters)' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
} satisfies Record<string, Words>;

export const yesNo = (value: boolean, lang: TExportLang) => (value ? W.yes : W.no)[lang];
/** A label of a code from a table of both languages; an unknown code stays itself. */
export const labelOf = (labels: Record<string, Words>, code: string, lang: TExportLang) => labels[code]?.[lang] ?? code;

/**
 * Issue 12 item 9: any list as an Excel workbook — the rows on the first sheet, and on a second sheet (筛选条件 /
 * Filters) the filters the list was exported with, so the file says what it holds; headers in the user's language.
 */
export async function listWorkbook<T>(p: {
  sheet: Words;
  lang: TExportLang;
  columns: ListColumn<T>[];
  rows: T[];
  filters: Record<string, unknown>;
  exportedAt: string;
  truncated: boolean;
}): Promise<Buffer> {
  const { lang } = p;
  const book = new ExcelJS.Workbook();
  book.creator = 'TechServe';
  book.created = book.modified = new Date(p.exportedAt);
  const sheet = book.addWorksheet(p.sheet[lang]);
  sheet.columns = p.columns.map((c, i) => ({ header: c.header[lang], key: `c${i}`, width: c.width }));
  for (const r of p.rows) sheet.addRow(Object.fromEntries(p.columns.map((c, i) => [`c${i}`, c.value(r, lang) ?? ''])));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const about = book.addWorksheet(W.filters[lang]);
  about.columns = [
    { header: W.name[lang], key: 'name', width: 18 },
    { header: W.value[lang], key: 'value', width: 60 },
  ];
  for (const [name, value] of Object.entries(p.filters))
    if (value !== undefined && value !== '') about.addRow({ name, value: Array.isArray(value) ? value.join(',') : String(value) });
  about.addRow({ name: W.exportedAt[lang], value: p.exportedAt });
  about.addRow({ name: W.rows[lang], value: `${p.rows.length}${p.truncated ? W.truncated[lang] : ''}` });
  about.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

type ListQuery = { limit?: number; cursor?: string; lang?: TExportLang };

/**
 * Issue 12 item 9: a list exported with its filters — read page by page through the list's own service (its
 * permission checks and data scope), at most EXPORT_MAX_ROWS rows, into `listWorkbook`. The file is named after
 * the sheet and the day.
 */
export async function exportList<T, Q extends ListQuery>(
  ctx: Ctx,
  p: {
    sheet: Words;
    columns: ListColumn<T>[];
    query: Q;
    lang: TExportLang;
    page: (query: Q) => Promise<{ items: T[]; nextCursor: string | null }>;
  },
): Promise<{ fileName: string; data: Buffer }> {
  const rows: T[] = [];
  let cursor: string | undefined;
  let truncated = false;
  for (;;) {
    const page = await p.page({ ...p.query, limit: PAGE, cursor });
    rows.push(...page.items);
    if (!page.nextCursor) break;
    if (rows.length >= EXPORT_MAX_ROWS) {
      truncated = true;
      break;
    }
    cursor = page.nextCursor;
  }
  const exportedAt = nowIso(ctx.clock);
  const { limit: _limit, cursor: _cursor, lang: _lang, ...filters } = p.query;
  const data = await listWorkbook({
    sheet: p.sheet,
    lang: p.lang,
    columns: p.columns,
    rows: rows.slice(0, EXPORT_MAX_ROWS),
    filters,
    exportedAt,
    truncated,
  });
  return { fileName: `${p.sheet[p.lang]}-${exportedAt.slice(0, 10)}.xlsx`, data };
}

/**
 * A list's export as one function of (ctx, query, lang): its sheet name, its columns and the list's own read
 * (`listX(ctx, query)`, which applies the permission, the data scope and the filters).
 */
export function listExport<T, Q extends ListQuery>(
  sheet: Words,
  columns: ListColumn<T>[],
  list: (ctx: Ctx, query: Q) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  return (ctx: Ctx, query: Q, lang: TExportLang) => exportList(ctx, { sheet, columns, query, lang, page: (q) => list(ctx, q) });
}

/** The file's language: the `lang` the web sends, else the browser's Accept-Language, else Chinese. */
export function exportLang(req: { query: { lang?: TExportLang }; headers: IncomingHttpHeaders }): TExportLang {
  if (req.query.lang) return req.query.lang;
  return /^\s*en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'zh-CN';
}

/** The OpenAPI answer of a workbook download. */
export const workbookResponse = {
  200: {
    description: 'The workbook (.xlsx)',
    content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
  },
};

/** Sends a workbook as a download (private, not cached). */
export function sendWorkbook(reply: FastifyReply, file: { fileName: string; data: Buffer }) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-cache')
    .send(file.data);
}
