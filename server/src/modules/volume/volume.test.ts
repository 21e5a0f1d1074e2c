import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { type FieldWorld, fieldWorld } from '../field/letters.fixtures';
import { volumeForMonth } from './volume.service';

// WR-7 completed work volume through the API, on SQLite and PostgreSQL: March 2026 reported in April, due by the 3rd
// (Friday 2026-04-03, end of day), verified by the project's manager (the supervisor here).

let t: TestApp;
let w: FieldWorld;
let hr: Agent;
let project: number;
let otherProject: number;
let report: Json;

const lines = [
  { pipeType: 'waterSupply', band: 'd50to110', jobType: 'weld', metres: 120.5 },
  { pipeType: 'drainage', band: 'below500', jobType: 'install', metres: 30 },
];

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  t.clock.set('2026-03-02T01:00:00Z');
  w = await fieldWorld(t, 'vo');
  await createUser(w.admin, { username: 'vo.hr', roleKey: 'hr' });
  hr = await t.login('vo.hr', 'password-123');
  const contract = (
    await expectStatus(
      await w.admin.post(api('/contracts'), {
        customerId: w.ids.customer,
        number: 'HT-VO-1',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        feeFen: 100,
        slaLevelId: 'standard',
        coverage: 'business',
      }),
    )
  ).id;
  project = (
    await expectStatus(
      await w.supervisor.post(api('/projects'), {
        name: '给水管网改造',
        contractId: contract,
        managerId: w.ids.supervisor,
        memberIds: [w.ids.engineer, w.ids.engineer2],
      }),
    )
  ).id;
  otherProject = (
    await expectStatus(await w.supervisor.post(api('/projects'), { name: '排水工程', contractId: contract, memberIds: [w.ids.engineer2] }))
  ).id;
  t.clock.set('2026-04-02T02:00:00Z');
});
afterAll(async () => t?.close());

describe('permissions first', () => {
  it('the GM reports no volume; a non-member cannot report on a project', async () => {
    expect((await w.gm.post(api('/volume-reports'), { projectId: project, month: '2026-03', lines })).statusCode).toBe(403);
    const res = await w.engineer.post(api('/volume-reports'), { projectId: otherProject, month: '2026-03', lines });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ reason: 'volume.notMember', details: [{ path: 'body.projectId' }] });
  });
});

describe('WR-7: reporting by pipe type, diameter band and job type', () => {
  it('refuses a month not ended, unknown pipe types and bands, and metres finer than centimetres', async () => {
    expect((await w.engineer.post(api('/volume-reports'), { projectId: project, month: '2026-04', lines })).json().error.reason).toBe(
      'reports.monthNotEnded',
    );
    const pipe = await w.engineer.post(api('/volume-reports'), {
      projectId: project,
      month: '2026-03',
      lines: [{ ...lines[0], pipeType: 'gas' }],
    });
    expect(pipe.statusCode).toBe(422);
    expect(pipe.json().error).toMatchObject({
      reason: 'volume.unknownPipeType',
      ruleId: 'WR-7',
      details: [{ path: 'body.lines.0.pipeType' }],
    });
    const band = await w.engineer.post(api('/volume-reports'), {
      projectId: project,
      month: '2026-03',
      lines: [lines[0], { ...lines[1], band: 'd50to110' }],
    });
    expect(band.json().error.details[0].path).toBe('body.lines.1.band');
    expect(
      (await w.engineer.post(api('/volume-reports'), { projectId: project, month: '2026-03', lines: [{ ...lines[0], metres: 1.005 }] }))
        .statusCode,
    ).toBe(400);
  });

  it('reported on the 2nd it is on time (due the 3rd, end of day); a second report is 409', async () => {
    report = await expectStatus(
      await w.engineer.post(api('/volume-reports'), { projectId: project, month: '2026-03', lines, note: '一期' }),
    );
    expect(report).toMatchObject({
      status: 'submitted',
      totalMetres: 150.5,
      verifiedMetres: null,
      obligation: { state: 'on_time', dueDate: '2026-04-03' },
    });
    expect(report.lines[0]).toMatchObject({ pipeTypeName: { 'zh-CN': '给水管' }, bandName: { 'zh-CN': 'Φ50–110' }, metres: 120.5 });
    const again = await w.engineer.post(api('/volume-reports'), { projectId: project, month: '2026-03', lines });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.reason).toBe('volume.exists');
  });
});

describe('WR-7: verified by the project manager', () => {
  it('another engineer cannot verify it', async () => {
    const res = await w.engineer2.post(api(`/volume-reports/${report.id}/decision`), { version: report.version, approve: true });
    expect(res.statusCode).toBe(404);
  });

  it('sent back, the obligation is open again; reported again after the 3rd it is late', async () => {
    const back = await expectStatus(
      await w.supervisor.post(api(`/volume-reports/${report.id}/decision`), {
        version: report.version,
        approve: false,
        comment: '排水管米数有误',
      }),
      200,
    );
    expect(back).toMatchObject({ status: 'rejected', obligation: { state: 'open' } });
    t.clock.set('2026-04-07T01:00:00Z');
    report = await expectStatus(
      await w.engineer.put(api(`/volume-reports/${report.id}`), { version: back.version, lines: [lines[0], { ...lines[1], metres: 28 }] }),
      200,
    );
    expect(report).toMatchObject({ status: 'submitted', totalMetres: 148.5, obligation: { state: 'late' } });
  });

  it('verified with a corrected line; the summary and the appraisal’s read give the verified metres', async () => {
    const line = report.lines[0].id;
    const ok = await expectStatus(
      await w.supervisor.post(api(`/volume-reports/${report.id}/decision`), {
        version: report.version,
        approve: true,
        corrections: [{ lineId: line, metres: 118 }],
      }),
      200,
    );
    expect(ok).toMatchObject({ status: 'verified', verifiedMetres: 146, decidedBy: { id: w.ids.supervisor } });
    expect(ok.lines.map((l: Json) => l.verifiedMetres)).toEqual([118, 28]);
    const s = await expectStatus(await w.supervisor.get(api('/volume-reports/summary?month=2026-03')), 200);
    expect(s.rows.map((r: Json) => `${r.projectName} ${r.pipeType} ${r.band} ${r.jobType} ${r.metres}`)).toEqual([
      '给水管网改造 waterSupply d50to110 weld 118',
      '给水管网改造 drainage below500 install 28',
    ]);
    expect(s.reports).toEqual({ submitted: 0, verified: 1, rejected: 0 });
    const read = await volumeForMonth(t.database.db, '2026-03', [w.ids.engineer, w.ids.engineer2]);
    expect(read.map((r) => `${r.userId === w.ids.engineer ? 'e1' : 'e2'} ${r.jobType} ${r.metres}`)).toEqual([
      'e1 weld 118',
      'e1 install 28',
    ]);
    expect((await w.engineer.put(api(`/volume-reports/${report.id}`), { version: ok.version, lines })).statusCode).toBe(409);
  });

  it('a closed month takes no more volume (409)', async () => {
    await expectStatus(await hr.post(api('/months/2026-03/close'), {}), 200);
    const res = await w.engineer2.post(api('/volume-reports'), { projectId: project, month: '2026-03', lines });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.reason).toBe('months.closed');
  });
});

describe('WR-7: "by the 3rd" after a holiday, through the database', () => {
  // September 2026's volume is due by 10-03, a day of the National Day holiday (10-01..10-07); the policy
  // (holidayDeadlineRule nextWorkingDay) moves it to the first working day after it, 10-08, end of day (24:00 Asia/Shanghai)
  // = 2026-10-08T16:00:00Z.
  it('reported exactly at the due instant it is on time; one minute later it is late, with the explanation', async () => {
    t.clock.set('2026-10-08T16:00:00Z');
    const onTime = await expectStatus(await w.engineer.post(api('/volume-reports'), { projectId: project, month: '2026-09', lines }));
    expect(onTime.obligation).toMatchObject({ state: 'on_time', dueAt: '2026-10-08T16:00:00.000Z', dueDate: '2026-10-08' });
    expect(onTime.obligation.explanation.text['zh-CN']).toContain(
      '2026-10-03（周六）为法定节假日，按政策顺延至节后第一个工作日 2026-10-08 24:00',
    );
    expect(onTime.obligation.judgement.text['zh-CN']).toContain('按时');

    t.clock.set('2026-10-08T16:01:00Z');
    const late = await expectStatus(await w.engineer2.post(api('/volume-reports'), { projectId: project, month: '2026-09', lines }));
    expect(late.obligation).toMatchObject({ state: 'late', dueAt: '2026-10-08T16:00:00.000Z', lateMinutes: 1 });
    expect(late.obligation.judgement.text['zh-CN']).toContain('逾期 1 分钟');
    expect(late.obligation.explanation.text.en).toContain('public holiday');
  });
});
