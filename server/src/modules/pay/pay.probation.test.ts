import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { type FieldWorld, fieldWorld } from '../field/letters.fixtures';
import { finalSheetsFor } from './pay.fixtures';

// PAY-3b through the API, on SQLite and PostgreSQL: a welder hired 2026-02-20 in probation; a failed assessment
// converts nobody; a conversion before the assessment or within the shortest probation is refused; a stale profile is
// 409; the passed assessment converts the profile to welder grade 1 from 2026-03-20 and March's payslip pays the 19
// days before it at probation pay, explained.

let t: TestApp;
let w: FieldWorld;
let hr: Agent;
let profileVersion: number;

const passAll = { process: true, constructionRules: true, weldingTechnique: true, conductOnSite: true, initiative: true };
const assess = (over: Record<string, unknown> = {}) =>
  hr.post(
    api('/pay/probation-assessments'),
    Object.assign(
      {
        userId: w.ids.engineer2,
        items: passAll,
        assessedOn: '2026-03-19',
        effectiveOn: '2026-03-20',
        welderGrade: 1,
        baseTierId: 'tier3',
        profileVersion,
      },
      over,
    ),
  );

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  t.clock.set('2026-03-02T01:00:00Z');
  w = await fieldWorld(t, 'pb');
  await createUser(w.admin, { username: 'pb.hr', roleKey: 'hr' });
  hr = await t.login('pb.hr', 'password-123');
  await t.database.db.updateTable('users').set({ hire_date: '2026-02-20' }).where('id', '=', w.ids.engineer2).execute();
  const p = await expectStatus(
    await hr.put(api(`/pay/profiles/${w.ids.engineer2}`), { baseTierId: 'tier3', fieldAllowance: false, probation: true }),
    200,
  );
  profileVersion = p.version as number;
});
afterAll(async () => t?.close());

describe('PAY-3b the probation assessment', () => {
  it('is recorded by pay.manage only; the GM reads', async () => {
    expect((await w.gm.post(api('/pay/probation-assessments'), {})).statusCode).toBe(403);
    expect((await w.engineer.get(api('/pay/probation-assessments'))).statusCode).toBe(403);
    expect((await w.gm.get(api('/pay/probation-assessments'))).statusCode).toBe(200);
  });

  it('a failed item fails the assessment: no conversion, the profile stays in probation', async () => {
    const failed = await expectStatus(await assess({ items: Object.assign({}, passAll, { initiative: false }) }), 201);
    expect(failed).toMatchObject({ result: 'failed', userId: w.ids.engineer2 });
    expect((failed.explanation as Json).ruleId).toBe('PAY-3b');
    const profiles = await expectStatus(await hr.get(api('/pay/profiles')), 200);
    expect((profiles.items as Json[]).find((p) => p.userId === w.ids.engineer2)).toMatchObject({
      probation: true,
      version: profileVersion,
    });
  });

  it('refuses a conversion before the assessment, within the shortest probation, a stale profile, and nobody in probation', async () => {
    const before = await assess({ effectiveOn: '2026-03-18' });
    expect(before.statusCode).toBe(422);
    expect(before.json().error).toMatchObject({ reason: 'pay.assessmentBeforeDate', ruleId: 'PAY-3b' });
    const early = await assess({ effectiveOn: '2026-03-19' });
    expect(early.json().error).toMatchObject({ reason: 'pay.assessmentTooEarly', params: { minMonths: 1 } });
    expect((await assess({ profileVersion: profileVersion + 5 })).statusCode).toBe(409);
    const none = await assess({ userId: w.ids.engineer });
    expect(none.statusCode).toBe(409);
    expect(none.json().error).toMatchObject({ reason: 'pay.notInProbation' });
  });

  it('passed: converts the profile to welder grade 1 from the effective date, audited; a second one is refused', async () => {
    const passed = await expectStatus(await assess(), 201);
    expect(passed).toMatchObject({ result: 'passed', effectiveOn: '2026-03-20', welderGrade: 1 });
    const profiles = await expectStatus(await hr.get(api('/pay/profiles')), 200);
    expect((profiles.items as Json[]).find((p) => p.userId === w.ids.engineer2)).toMatchObject({
      probation: false,
      welderGrade: 1,
      welderGradeSince: '2026-03-20',
    });
    expect((await assess({ profileVersion: profileVersion + 1 })).json().error).toMatchObject({ reason: 'pay.notInProbation' });
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'pay.probation.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['pay.probation.failed', 'pay.probation.passed']);
    const list = await expectStatus(await hr.get(api(`/pay/probation-assessments?userId=${w.ids.engineer2}`)), 200);
    expect((list.items as Json[]).map((a) => a.result)).toEqual(['passed', 'failed']);
  });

  it('the payslip of March pays the 19 days before the conversion at probation pay', async () => {
    await finalSheetsFor(t, '2026-03');
    const p = await expectStatus(await hr.get(api('/pay/payroll?month=2026-03')), 200);
    const lines = ((p.items as Json[]).find((i) => i.userId === w.ids.engineer2) as Json).lines as Json[];
    expect(lines.find((l) => l.kind === 'base')?.key).toBe('PAY-3:grade');
    const adj = lines.find((l) => l.key === 'PAY-3b:beforeConversion') as Json;
    expect((adj.explanation as Json).text).toMatchObject({ en: expect.stringContaining('first 19 of 31 days') });
  });
});
