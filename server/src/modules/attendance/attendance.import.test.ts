import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser } from '../../test/harness';
import { type FieldWorld, type Json, expectStatus, fieldWorld } from '../field/letters.fixtures';
import { api } from '../travel/travel.fixtures';

// RS-1 (issue 14 item 2): importing a fingerprint machine's export, on SQLite and PostgreSQL. Clock: 2026-03-20.

let t: TestApp;
let w: FieldWorld;
let ids: { a: number; b: number };

const GBK_ZHANG = Buffer.from([0xd5, 0xc5]); // 张 in GBK
const file = (lines: (string | Buffer)[]) =>
  Buffer.concat(lines.map((l) => Buffer.concat([typeof l === 'string' ? Buffer.from(l) : l, Buffer.from('\r\n')]))).toString('base64');
const post = (body: Json) => w.supervisor.post(api('/attendance/imports'), body);

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'im');
  ids = {
    a: await createUser(w.admin, { username: 'im.a', roleKey: 'engineer', departmentId: w.ids.department, employeeNo: 'A001' }),
    b: await createUser(w.admin, { username: 'im.b', roleKey: 'engineer', employeeNo: 'B002' }), // another department
  };
  t.clock.set('2026-03-20T02:00:00.000Z');
});
afterAll(async () => t?.close());

const machineFile = () =>
  file([
    '工号,姓名,打卡时间,机器号',
    'A001,张三,2026-03-02 08:01:10,1',
    Buffer.concat([Buffer.from('A001,'), GBK_ZHANG, Buffer.from('三,2026/3/2 18:02,1')]),
    'A001,张三,2026-03-02 99:00,1',
    'Z999,无名,2026-03-02 08:00,1',
    'B002,李四,2026-03-02 08:00,1',
    'A001,张三,2026-03-30 08:00,1',
  ]);

describe('machine import (item 2)', () => {
  it('previews without writing: rows read, refused rows with line and reason key', async () => {
    const r = await expectStatus(await post({ machineType: 'zk-u160', contentBase64: machineFile(), dryRun: true }), 200);
    expect(r).toMatchObject({
      dryRun: true,
      rows: 6,
      imported: 2, // what the import would add
      mapping: { employeeNo: '工号', dateTime: '打卡时间', device: '机器号' },
    });
    expect(r.refused.map((x: Json) => [x.line, x.reason])).toEqual([
      [4, 'attendance.importBadTime'],
      [5, 'attendance.importUnknownEmployee'],
      [6, 'attendance.importOutOfScope'],
      [7, 'attendance.importFuture'],
    ]);
    expect(r.preview).toHaveLength(2);
    const n = await t.database.db
      .selectFrom('attendance_punches')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('imports the good rows (GBK and UTF-8 lines alike) once: the same file twice adds nothing', async () => {
    const first = await expectStatus(await post({ machineType: 'zk-u160', contentBase64: machineFile() }), 200);
    expect(first).toMatchObject({ imported: 2, duplicates: 0 });
    const again = await expectStatus(await post({ machineType: 'zk-u160', contentBase64: machineFile() }), 200);
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
    const punches = await t.database.db
      .selectFrom('attendance_punches')
      .select(['at', 'source', 'date'])
      .where('user_id', '=', ids.a)
      .orderBy('at')
      .execute();
    expect(punches).toEqual([
      { at: '2026-03-02T00:01:10.000Z', source: 'machine', date: '2026-03-02' },
      { at: '2026-03-02T10:02:00.000Z', source: 'machine', date: '2026-03-02' },
    ]);
    const day = await t.database.db
      .selectFrom('attendance_days')
      .select('status')
      .where('user_id', '=', ids.a)
      .where('date', '=', '2026-03-02')
      .executeTakeFirstOrThrow();
    expect(day.status).toBe('incomplete'); // one punch per half day: the lunch punches are missing
  });

  it('saves a mapping per machine type and refuses a header it cannot read (422)', async () => {
    const other = file(['Emp,When', 'A001,2026-03-03 08:00']);
    const bad = await post({ machineType: 'other', contentBase64: other });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.reason).toBe('attendance.importColumns');
    const ok = await expectStatus(
      await post({ machineType: 'other', contentBase64: other, mapping: { employeeNo: 'Emp', dateTime: 'When' } }),
      200,
    );
    expect(ok.imported).toBe(1);
    const reuse = await expectStatus(await post({ machineType: 'other', contentBase64: file(['Emp,When', 'A001,2026-03-03 18:00']) }), 200);
    expect(reuse).toMatchObject({ imported: 1, mapping: { employeeNo: 'Emp', dateTime: 'When' } });
  });

  it('needs attendance.manage', async () => {
    expect((await w.engineer.post(api('/attendance/imports'), { machineType: 'x', contentBase64: machineFile() })).statusCode).toBe(403);
  });
});

/** A machine's Excel export: real date-time cells (as Excel stores them), one row with a time that cannot be read. */
async function machineWorkbook(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('考勤记录');
  sheet.addRow(['工号', '姓名', '打卡时间', '机器号']);
  // exceljs writes a Date's UTC fields as the wall clock shown in Excel.
  sheet.addRow(['A001', '张三', new Date(Date.UTC(2026, 2, 4, 8, 2, 0)), 2]);
  sheet.addRow(['A001', '张三', '2026-03-04 25:61', 2]);
  sheet.addRow([1001, '数字工号', new Date(Date.UTC(2026, 2, 4, 8, 3, 0)), 2]);
  sheet.addRow(['A001', '张三', new Date(Date.UTC(2026, 2, 4, 18, 1, 30)), 2]);
  for (const c of [3]) sheet.getColumn(c).numFmt = 'yyyy-mm-dd hh:mm:ss';
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('machine import from Excel (.xlsx) and a GBK CSV (item 2)', () => {
  it('reads an .xlsx through the same path: the bad row refused with its sheet row number and reason', async () => {
    const content = await machineWorkbook();
    const preview = await expectStatus(await post({ machineType: 'zk-xlsx', contentBase64: content, dryRun: true }), 200);
    expect(preview).toMatchObject({ rows: 4, imported: 2, mapping: { employeeNo: '工号', dateTime: '打卡时间', device: '机器号' } });
    expect(preview.refused.map((x: Json) => [x.line, x.reason])).toEqual([
      [3, 'attendance.importBadTime'],
      [4, 'attendance.importUnknownEmployee'],
    ]);
    const first = await expectStatus(await post({ machineType: 'zk-xlsx', contentBase64: content }), 200);
    expect(first).toMatchObject({ imported: 2, duplicates: 0 });
    const again = await expectStatus(await post({ machineType: 'zk-xlsx', contentBase64: content }), 200);
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
    const punches = await t.database.db
      .selectFrom('attendance_punches')
      .select(['at'])
      .where('user_id', '=', ids.a)
      .where('date', '=', '2026-03-04')
      .orderBy('at')
      .execute();
    expect(punches.map((p) => p.at)).toEqual(['2026-03-04T00:02:00.000Z', '2026-03-04T10:01:30.000Z']);
  });

  it('still reads a CSV written wholly in GBK', async () => {
    const gbk = Buffer.from('b9a4bac52cd0d5c3fb2cb4f2bfa8cab1bce4', 'hex'); // 工号,姓名,打卡时间
    const content = Buffer.concat([gbk, Buffer.from('\r\nA001,'), GBK_ZHANG, Buffer.from('三,2026-03-05 08:00\r\n')]).toString('base64');
    const r = await expectStatus(await post({ machineType: 'zk-gbk', contentBase64: content }), 200);
    expect(r).toMatchObject({ imported: 1, refused: [], mapping: { employeeNo: '工号', dateTime: '打卡时间' } });
  });

  it('streams its progress when asked for NDJSON, ending with the result', async () => {
    const res = await w.supervisor.post(
      api('/attendance/imports'),
      { machineType: 'zk-xlsx', contentBase64: await machineWorkbook(), dryRun: true },
      { accept: 'application/x-ndjson' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const events = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Json);
    expect(events[0]).toMatchObject({ progress: { phase: 'read', done: 4, total: 4 } });
    expect(events.at(-1)).toMatchObject({ result: { rows: 4, imported: 0, duplicates: 2 } });
  });
});
