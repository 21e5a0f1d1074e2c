import { describe, expect, it } from 'vitest';
import { csvFields, decodeLines, guessMapping, parseMachineDateTime, readMachineRows } from './machineImport';

const gbk = (s: string) => {
  // 张三 in GBK
  if (s !== '张三') throw new Error('only 张三');
  return [0xd5, 0xc5, 0xc8, 0xfd];
};

describe('machine exports (RS-1, item 2)', () => {
  it('decodes UTF-8 and GBK lines in one file', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('工号,姓名,打卡时间\r\n'),
      ...new TextEncoder().encode('A01,张三,2026-03-02 08:01\n'),
      ...new TextEncoder().encode('A01,'),
      ...gbk('张三'),
      ...new TextEncoder().encode(',2026/3/2 18:05:09\n'),
    ]);
    const lines = decodeLines(bytes);
    expect(lines[0]).toBe('工号,姓名,打卡时间');
    expect(lines[2]).toBe('A01,张三,2026/3/2 18:05:09');
  });

  it('guesses the common layouts and reads rows, refusing the bad ones with their line', () => {
    const lines = [
      '工号,姓名,打卡时间',
      'A01,张三,2026-03-02 08:01',
      ',李四,2026-03-02 08:02',
      'A02,王五,2026-02-30 08:00',
      '"A03","赵, 六",2026/3/2 8:05',
    ];
    const mapping = guessMapping(csvFields(lines[0]))!;
    expect(mapping).toEqual({ employeeNo: '工号', dateTime: '打卡时间' });
    const { rows, refused } = readMachineRows(lines, mapping);
    expect(rows).toEqual([
      { line: 2, employeeNo: 'A01', date: '2026-03-02', time: '08:01:00', device: null },
      { line: 5, employeeNo: 'A03', date: '2026-03-02', time: '08:05:00', device: null },
    ]);
    expect(refused.map((r) => [r.line, r.reason])).toEqual([
      [3, 'attendance.importNoEmployeeNo'],
      [4, 'attendance.importBadTime'],
    ]);
  });

  it('reads separate date and time columns (English headers) and refuses a header without the mapped columns', () => {
    expect(guessMapping(['AC-No.', 'Date', 'Time', 'Machine'])).toEqual({
      employeeNo: 'AC-No.',
      date: 'Date',
      time: 'Time',
      device: 'Machine',
    });
    expect(parseMachineDateTime('2026.3.2', '7:59')).toEqual({ date: '2026-03-02', time: '07:59:00' });
    expect(readMachineRows(['a,b'], { employeeNo: 'x', dateTime: 'y' }).refused[0].reason).toBe('attendance.importColumns');
  });
});
