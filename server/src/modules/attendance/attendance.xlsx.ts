import { Readable } from 'node:stream';
import type { TMachineTable } from '@techserve/core';
import ExcelJS from 'exceljs';

/** An .xlsx file (a zip archive): its first bytes are 'PK\x03\x04'. */
export const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a machine's CSV would hold. Excel keeps a date-time as a serial number shown through a date
 * format; exceljs gives it as a Date whose UTC fields are the wall clock shown (a time alone on 1899-12-30).
 */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
    if (value.getUTCFullYear() <= 1900 && value.getTime() < Date.UTC(1900, 0, 1)) return time;
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${time}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value).trim();
}

/**
 * RS-1 (issue 14 item 2): the first worksheet of a machine's Excel export as the same table a CSV gives (row numbers as
 * the sheet shows them), read as a stream so a sheet of 100,000 punches never sits in memory as cell objects.
 */
export async function xlsxTable(bytes: Uint8Array): Promise<TMachineTable> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const table: TMachineTable = { header: [], rows: [] };
  let headerSeen = false;
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[]; // 1-based
      const fields: string[] = [];
      for (let c = 1; c < values.length; c++) fields.push(cellText(values[c]));
      if (!headerSeen) {
        if (fields.every((f) => f === '')) continue;
        table.header = fields;
        headerSeen = true;
      } else if (fields.some((f) => f !== '')) table.rows.push({ line: row.number, fields, raw: fields.join(',') });
    }
    break; // the first worksheet only
  }
  return table;
}
