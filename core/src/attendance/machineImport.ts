import { z } from 'zod';

/**
 * RS-1 (issue 14 item 2): the exports of fingerprint and face machines — CSV in UTF-8 or GBK (both occur, even line by
 * line in files merged from two machines), or an Excel sheet read into the same table, with a column mapping per
 * machine type. Pure: bytes in, rows and refusals out.
 */

/** Which column holds what: the employee number, and the instant as one date-time column or a date and a time column. */
export const ZMachineMapping = z
  .strictObject({
    employeeNo: z.string().trim().min(1).max(100),
    dateTime: z.string().trim().min(1).max(100).optional(),
    date: z.string().trim().min(1).max(100).optional(),
    time: z.string().trim().min(1).max(100).optional(),
    device: z.string().trim().min(1).max(100).optional(),
  })
  .refine((m) => m.dateTime !== undefined || (m.date !== undefined && m.time !== undefined), {
    message: 'name a date-time column, or a date and a time column',
    path: ['dateTime'],
  });
export type TMachineMapping = z.infer<typeof ZMachineMapping>;

export type TMachineRow = { line: number; employeeNo: string; date: string; time: string; device: string | null };
export type TMachineRefusal = {
  line: number;
  reason: 'attendance.importBadTime' | 'attendance.importNoEmployeeNo' | 'attendance.importColumns';
  raw: string;
};

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GBK = new TextDecoder('gbk');

/** Lines of a file in UTF-8 or GBK, decided per line (a GBK byte never is a newline, so splitting the bytes is safe). */
export function decodeLines(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Most files are one encoding: all UTF-8 decodes at once; only a file that is not goes line by line.
  try {
    const all = UTF8.decode(bytes.subarray(start)).split('\n');
    for (const line of all) lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
    while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
    return lines;
  } catch {
    lines.length = 0;
  }
  for (let i = start; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      let end = i;
      if (end > start && bytes[end - 1] === 0x0d) end--;
      const slice = bytes.subarray(start, end);
      let text: string;
      try {
        text = UTF8.decode(slice);
      } catch {
        text = GBK.decode(slice);
      }
      lines.push(text);
      start = i + 1;
    }
  }
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines;
}

/** One CSV line's fields (quotes with doubled quotes inside; a tab-separated export too). */
export function csvFields(line: string): string[] {
  const sep = line.includes(',') || !line.includes('\t') ? ',' : '\t';
  if (!line.includes('"')) return line.split(sep).map((f) => f.trim());
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

const norm = (h: string) => h.toLowerCase().replace(/[\s._-]/g, '');
const CANDIDATES = {
  employeeNo: ['工号', '考勤号码', '人员编号', '员工编号', '编号', 'employeeno', 'empno', 'acno', 'userid', 'badgenumber'],
  dateTime: ['打卡时间', '签到时间', '日期时间', '考勤时间', '刷卡时间', 'datetime', 'checktime', 'punchtime', 'timestamp'],
  date: ['日期', 'date'],
  time: ['时间', 'time'],
  device: ['设备', '机器号', '设备号', '考勤机', 'device', 'machine', 'terminal'],
} as const;

/** The common column layouts: a mapping guessed from the header, or null when the header names none of them. */
export function guessMapping(header: string[]): TMachineMapping | null {
  const find = (names: readonly string[]) => header.find((h) => names.includes(norm(h)));
  const employeeNo = find(CANDIDATES.employeeNo);
  const dateTime = find(CANDIDATES.dateTime);
  const date = find(CANDIDATES.date);
  const time = find(CANDIDATES.time);
  const device = find(CANDIDATES.device);
  if (!employeeNo) return null;
  if (dateTime) return { employeeNo, dateTime, ...(device ? { device } : {}) };
  if (date && time) return { employeeNo, date, time, ...(device ? { device } : {}) };
  return null;
}

const pad = (n: string) => n.padStart(2, '0');
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** 'YYYY-MM-DD' of a machine's date text (2026/3/2, 2026-03-02, 2026年3月2日), or null when it is no date. */
function machineDate(date: string): string | null {
  const d = DATE.exec(date.trim());
  if (!d) return null;
  const [mo, day] = [Number(d[2]), Number(d[3])];
  const probe = new Date(Date.UTC(Number(d[1]), mo - 1, day));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== day) return null;
  return `${d[1]}-${pad(d[2])}-${pad(d[3])}`;
}

/** 'HH:MM:SS' of a machine's time text (8:05, 08:05:31), or null. */
function machineTime(time: string): string | null {
  const t = TIME.exec(time.trim());
  if (!t) return null;
  const [h, mi, sec] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (h > 23 || mi > 59 || sec > 59) return null;
  return `${pad(t[1])}:${t[2]}:${pad(t[3] ?? '0')}`;
}

/** 'YYYY-MM-DD' and 'HH:MM:SS' of a machine's date and time texts (2026/3/2, 2026-03-02, 8:05, 08:05:31), or null. */
export function parseMachineDateTime(date: string, time: string): { date: string; time: string } | null {
  const d = machineDate(date);
  const t = machineTime(time);
  return d && t ? { date: d, time: t } : null;
}

/**
 * A machine export as a table: the header's column names and each row's fields with its line (or sheet row) number and
 * its raw text (shown beside a refusal). CSV/TSV lines and an Excel sheet (read in the server) both become one.
 */
export type TMachineTable = { header: string[]; rows: { line: number; fields: string[]; raw: string }[] };

/** The table of a CSV or tab-separated export's lines (the first is the header); blank lines are skipped. */
export function machineTable(lines: string[]): TMachineTable {
  const rows: TMachineTable['rows'] = [];
  for (let i = 1; i < lines.length; i++) if (lines[i].trim() !== '') rows.push({ line: i + 1, fields: csvFields(lines[i]), raw: lines[i] });
  return { header: csvFields(lines[0] ?? ''), rows };
}

/** The rows of a machine export under a mapping; every row that cannot be read is refused with its line number. */
export function readMachineRows(
  input: string[] | TMachineTable,
  mapping: TMachineMapping,
): { rows: TMachineRow[]; refused: TMachineRefusal[] } {
  const table = Array.isArray(input) ? machineTable(input) : input;
  const { header } = table;
  const col = (name: string | undefined) => (name === undefined ? -1 : header.indexOf(name));
  const idx = {
    emp: col(mapping.employeeNo),
    dt: col(mapping.dateTime),
    d: col(mapping.date),
    t: col(mapping.time),
    dev: col(mapping.device),
  };
  const rows: TMachineRow[] = [];
  const refused: TMachineRefusal[] = [];
  // A month's export repeats a few dozen dates thousands of times: each date text is read once.
  const dates = new Map<string, string | null>();
  const parse = (date: string, time: string) => {
    let d = dates.get(date);
    if (d === undefined) {
      d = machineDate(date);
      dates.set(date, d);
    }
    const t = d === null ? null : machineTime(time);
    return d && t ? { date: d, time: t } : null;
  };
  if (idx.emp < 0 || (idx.dt < 0 && (idx.d < 0 || idx.t < 0))) {
    refused.push({ line: 1, reason: 'attendance.importColumns', raw: header.join(',') });
    return { rows, refused };
  }
  for (const { line, fields: f, raw } of table.rows) {
    const employeeNo = f[idx.emp] ?? '';
    if (!employeeNo) {
      refused.push({ line, reason: 'attendance.importNoEmployeeNo', raw });
      continue;
    }
    let parsed: { date: string; time: string } | null;
    if (idx.dt >= 0) {
      const m = /^(\S+)[\sT]+(\S+)$/.exec((f[idx.dt] ?? '').trim());
      parsed = m ? parse(m[1], m[2]) : null;
    } else parsed = parse((f[idx.d] ?? '').trim().split(/[\sT]/)[0], f[idx.t] ?? '');
    if (!parsed) {
      refused.push({ line, reason: 'attendance.importBadTime', raw });
      continue;
    }
    rows.push({ line, employeeNo, ...parsed, device: idx.dev >= 0 ? (f[idx.dev] ?? null) || null : null });
  }
  return { rows, refused };
}
