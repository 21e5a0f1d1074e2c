import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { type FieldWorld, fieldWorld } from '../field/letters.fixtures';
import { finalSheetsFor } from './pay.fixtures';

// PAY-3c through the API, on SQLite and PostgreSQL: a project contracted (承包) to an engineer from 2026-03-21, the
// salary stopped for the contract's 11 days of March by its own explained payslip line, the settlement (its end
// date) with a stale version refused, overlapping contracts and reversed dates refused with their reason keys.

let t: TestApp;
let w: FieldWorld;
let hr: Agent;
let project: number;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  t.clock.set('2026-03-02T01:00:00Z');
  w = await fieldWorld(t, 'pc');
  await createUser(w.admin, { username: 'pc.hr', roleKey: 'hr' });
  hr = await t.login('pc.hr', 'password-123');
  const contract = await expectStatus(
    await w.admin.post(api('/contracts'), {
      customerId: w.ids.customer,
      number: 'HT-PC-1',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      feeFen: 100,
      slaLevelId: 'standard',
      coverage: 'business',
    }),
  );
  project = (
    await expectStatus(
      await w.supervisor.post(api('/projects'), { name: '燃气管线', contractId: contract.id, managerId: w.ids.supervisor, memberIds: [] }),
    )
  ).id;
});
afterAll(async () => t?.close());

describe('PAY-3c contracted projects', () => {
  let contract: Json;

  it('keeps recording contracts to pay.manage; reading to pay.read', async () => {
    const body = { userId: w.ids.engineer, projectId: project, startOn: '2026-03-21' };
    expect((await w.engineer.post(api('/pay/contracts'), body)).statusCode).toBe(403);
    expect((await w.gm.post(api('/pay/contracts'), body)).statusCode).toBe(403);
    expect((await w.engineer.get(api('/pay/contracts'))).statusCode).toBe(403);
    expect((await w.gm.get(api('/pay/contracts'))).statusCode).toBe(200);
  });

  it('offers HR the projects to contract by a part of the name (HR reads no project otherwise)', async () => {
    const found = (await expectStatus(await hr.get(api('/pay/contracts/projects?q=燃气')), 200)).items as Json[];
    expect(found).toEqual([{ id: project, name: '燃气管线' }]);
    expect((await expectStatus(await hr.get(api('/pay/contracts/projects?q=%25_')), 200)).items).toEqual([]);
    expect((await w.gm.get(api('/pay/contracts/projects'))).statusCode).toBe(403);
  });

  it('records a contract from 2026-03-21, audited; refuses reversed dates and an overlapping contract', async () => {
    contract = await expectStatus(
      await hr.post(api('/pay/contracts'), { userId: w.ids.engineer, projectId: project, startOn: '2026-03-21', note: '承包安装' }),
      201,
    );
    expect(contract).toMatchObject({ userId: w.ids.engineer, projectId: project, projectName: '燃气管线', endOn: null, version: 1 });
    const reversed = await hr.post(api('/pay/contracts'), {
      userId: w.ids.engineer2,
      projectId: project,
      startOn: '2026-03-10',
      endOn: '2026-03-09',
    });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().error).toMatchObject({ reason: 'pay.contractDates', ruleId: 'PAY-3c' });
    const overlap = await hr.post(api('/pay/contracts'), { userId: w.ids.engineer, projectId: project, startOn: '2026-04-01' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({ reason: 'pay.contractOverlap', params: { contractId: contract.id } });
    expect((await hr.post(api('/pay/contracts'), { userId: w.ids.engineer, projectId: 999999, startOn: '2027-01-01' })).statusCode).toBe(
      404,
    );
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'pay.contract.create').execute();
    expect(audit.length).toBe(1);
    const list = await expectStatus(await hr.get(api(`/pay/contracts?userId=${w.ids.engineer}`)), 200);
    expect((list.items as Json[]).map((c) => c.id)).toEqual([contract.id]);
  });

  it('stops the base salary for the contract’s 11 days of March, explained (PAY-3c)', async () => {
    await finalSheetsFor(t, '2026-03');
    const p = await expectStatus(await hr.get(api('/pay/payroll?month=2026-03')), 200);
    const slip = (p.items as Json[]).find((i) => i.userId === w.ids.engineer) as Json;
    const lines = slip.lines as Json[];
    const base = lines.find((l) => l.kind === 'base' && l.ruleId !== 'PAY-3c') as Json;
    const stop = lines.find((l) => l.key === 'PAY-3c:contracted') as Json;
    expect(stop.amountFen).toBe(-Math.round(((base.amountFen as number) * 11) / 31));
    expect((stop.explanation as Json).text).toMatchObject({ 'zh-CN': expect.stringContaining('11/31') });
    const other = (p.items as Json[]).find((i) => i.userId === w.ids.engineer2) as Json;
    expect((other.lines as Json[]).some((l) => l.ruleId === 'PAY-3c')).toBe(false);
  });

  it('settles the contract (salary resumes the day after its end); a stale version is 409', async () => {
    const settled = await expectStatus(
      await hr.put(api(`/pay/contracts/${contract.id}`), { endOn: '2026-03-25', version: contract.version }),
      200,
    );
    expect(settled).toMatchObject({ endOn: '2026-03-25', version: 2 });
    const stale = await hr.put(api(`/pay/contracts/${contract.id}`), { endOn: '2026-03-28', version: contract.version });
    expect(stale.statusCode).toBe(409);
    const before = await hr.put(api(`/pay/contracts/${contract.id}`), { endOn: '2026-03-20', version: 2 });
    expect(before.json().error).toMatchObject({ reason: 'pay.contractDates' });
    const p = await expectStatus(await hr.get(api('/pay/payroll?month=2026-03')), 200);
    const slip = (p.items as Json[]).find((i) => i.userId === w.ids.engineer) as Json;
    const stop = (slip.lines as Json[]).find((l) => l.key === 'PAY-3c:contracted') as Json;
    expect((stop.explanation as Json).text).toMatchObject({ en: expect.stringContaining('5 of 31 days') });
  });
});
