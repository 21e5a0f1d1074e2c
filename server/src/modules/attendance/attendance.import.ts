import {
  type TMachineImport,
  type TMachineImportResult,
  type TMachineMapping,
  ZMachineImport,
  decodeLines,
  guessMapping,
  localInstant,
  machineTable,
  readMachineRows,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { refuse } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { isMonthClosed } from '../months/months.service';
import { type Person, monthOf, peopleOf } from './attendance.evaluation';
import * as repo from './attendance.repository';
import { isXlsx, xlsxTable } from './attendance.xlsx';

type Refused = TMachineImportResult['refused'][number];

/** How far an import is: the phase and its count (rows checked, punches written, people's months evaluated). */
export type ImportProgress = { phase: 'read' | 'check' | 'write' | 'evaluate' | 'done'; done: number; total: number };

/**
 * RS-1 (issue 14 item 2): a fingerprint or face machine's export. The file — CSV/TSV read line by line in UTF-8 or GBK,
 * or an Excel workbook's first sheet (.xlsx, told by its bytes) read into the same table — goes one path: the
 * columns by the mapping given (then saved for the machine type), the saved one, or the common layouts guessed from
 * the header; each row names an employee number and a local time on that person's calendar. Refused rows (unreadable,
 * unknown employee, outside the importer's scope, in the future, in a closed month) are reported with their line and
 * reason key; the others are added once — the same file imported twice adds nothing (a key per machine type,
 * employee and instant). A preview (dryRun) checks everything and writes nothing. One transaction: all or nothing.
 * `onProgress` hears each phase as it goes (the route streams it to the page's progress bar).
 */
export async function importMachineFile(
  ctx: Ctx,
  input: TMachineImport,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<TMachineImportResult> {
  const body = ZMachineImport.parse(input);
  const at = nowIso(ctx.clock);
  const nowMs = ctx.clock.now().getTime();
  const bytes = new Uint8Array(Buffer.from(body.contentBase64, 'base64'));
  const table = isXlsx(bytes) ? await xlsxTable(bytes) : machineTable(decodeLines(bytes));
  onProgress({ phase: 'read', done: table.rows.length, total: table.rows.length });
  return ctx.db.transaction().execute(async (db) => {
    const saved = await repo.savedMapping(db, body.machineType);
    const mapping: TMachineMapping | null =
      body.mapping ?? (saved ? (JSON.parse(saved.mapping) as TMachineMapping) : null) ?? guessMapping(table.header);
    if (!mapping) throw refuse('rule_violation', 'attendance.importColumns', {}, { ruleId: 'RS-1' });
    const read = readMachineRows(table, mapping);
    const refused: Refused[] = read.refused.map((r) => ({ line: r.line, reason: r.reason, params: { line: r.line }, raw: r.raw }));
    if (read.refused.some((r) => r.reason === 'attendance.importColumns'))
      throw refuse('rule_violation', 'attendance.importColumns', {}, { ruleId: 'RS-1' });
    const staff = await repo.staffByEmployeeNo(db, ctx.actor, [...new Set(read.rows.map((r) => r.employeeNo))]);
    const people = new Map<string, Person>();
    for (const p of await peopleOf(
      db,
      staff.filter((s) => s.in_scope),
    ))
      people.set(p.employee_no ?? '', p);
    const known = new Set(staff.map((s) => s.employee_no));
    const closed = new Map<string, boolean>();
    const candidates: { key: string; row: repo.PunchInsert; line: number; name: string; time: string }[] = [];
    const total = read.rows.length;
    const minutes = new Map<string, number>(); // a local minute's instant, per time zone
    for (const [i, r] of read.rows.entries()) {
      if (i % 5000 === 0) onProgress({ phase: 'check', done: i, total });
      const person = people.get(r.employeeNo);
      if (!person) {
        const reason = known.has(r.employeeNo) ? 'attendance.importOutOfScope' : 'attendance.importUnknownEmployee';
        refused.push({
          line: r.line,
          reason,
          params: { line: r.line, employeeNo: r.employeeNo },
          raw: `${r.employeeNo},${r.date} ${r.time}`,
        });
        continue;
      }
      const minuteKey = `${person.cal.timeZone} ${r.date} ${r.time.slice(0, 5)}`;
      let minute = minutes.get(minuteKey);
      if (minute === undefined) {
        minute = localInstant(person.cal.timeZone, r.date, r.time.slice(0, 5));
        minutes.set(minuteKey, minute);
      }
      const instant = minute + Number(r.time.slice(6, 8)) * 1000;
      if (instant > nowMs) {
        refused.push({
          line: r.line,
          reason: 'attendance.importFuture',
          params: { line: r.line },
          raw: `${r.employeeNo},${r.date} ${r.time}`,
        });
        continue;
      }
      const month = r.date.slice(0, 7);
      if (!closed.has(month)) closed.set(month, await isMonthClosed(db, month));
      if (closed.get(month)) {
        refused.push({
          line: r.line,
          reason: 'attendance.importClosedMonth',
          params: { line: r.line, month },
          raw: `${r.employeeNo},${r.date} ${r.time}`,
        });
        continue;
      }
      const iso = new Date(instant).toISOString();
      const key = `${body.machineType}|${r.employeeNo}|${iso}`;
      candidates.push({
        key,
        line: r.line,
        name: person.name,
        time: r.time,
        row: {
          user_id: person.id,
          at: iso,
          date: r.date,
          source: 'machine',
          latitude: null,
          longitude: null,
          accuracy_m: null,
          distance_m: null,
          outside_geofence: 0,
          no_position: 0,
          outside_network: 0,
          ip: r.device,
          import_key: key,
          site_id: person.site_id,
          team_id: person.team_id,
          department_id: person.department_id,
          created_at: at,
        },
      });
    }
    const existing = await repo.existingImportKeys(
      db,
      candidates.map((c) => c.key),
    );
    const seen = new Set<string>();
    const fresh = candidates.filter((c) => !existing.has(c.key) && !seen.has(c.key) && seen.add(c.key));
    refused.sort((a, b) => a.line - b.line);
    const result: TMachineImportResult = {
      machineType: body.machineType,
      mapping: mapping as Record<string, string>,
      dryRun: body.dryRun,
      rows: read.rows.length + read.refused.length,
      imported: fresh.length, // a preview: what an import would add
      duplicates: candidates.length - fresh.length,
      refused,
      preview: candidates
        .slice(0, 20)
        .map((c) => ({ line: c.line, employeeNo: c.key.split('|')[1], userName: c.name, date: c.row.date, time: c.time })),
    };
    if (body.dryRun) {
      onProgress({ phase: 'done', done: total, total });
      return result;
    }
    if (body.mapping) await repo.saveMapping(db, body.machineType, JSON.stringify(body.mapping), ctx.actor.id, at);
    result.imported = await repo.insertMachinePunches(
      db,
      fresh.map((c) => c.row),
      (done) => onProgress({ phase: 'write', done, total: fresh.length }),
    );
    result.duplicates = candidates.length - result.imported;
    await recordAudit(db, ctx, {
      action: 'attendance.import',
      entity: 'attendance_import',
      entityId: null,
      after: {
        machineType: body.machineType,
        rows: result.rows,
        imported: result.imported,
        duplicates: result.duplicates,
        refused: refused.length,
      },
    });
    // Item 7: the affected people's open months are evaluated again and stored.
    const byId = new Map([...people.values()].map((p) => [p.id, p]));
    const byMonth = new Map<string, Map<number, Person>>();
    for (const c of fresh) {
      const month = c.row.date.slice(0, 7);
      const list = byMonth.get(month) ?? new Map<number, Person>();
      list.set(c.row.user_id, byId.get(c.row.user_id)!);
      byMonth.set(month, list);
    }
    let evaluated = 0;
    const toEvaluate = [...byMonth.values()].reduce((n, list) => n + list.size, 0);
    for (const [month, list] of byMonth) {
      onProgress({ phase: 'evaluate', done: evaluated, total: toEvaluate });
      await monthOf(db, [...list.values()], month, nowMs);
      evaluated += list.size;
    }
    onProgress({ phase: 'done', done: total, total });
    return result;
  });
}
